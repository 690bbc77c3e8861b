// Writes custom-elements.json (custom-elements-manifest analyzer) and vscode.html-custom-data.json
// (autocompletion of tags, attributes and values in VS Code) from it.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

// With tsx, so that the configuration can read the element table (src/elements.ts).
execFileSync('npx', ['cem', 'analyze', '--config', 'custom-elements-manifest.config.mjs', '--quiet'], {
  stdio: 'inherit',
  env: { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import tsx`.trim() },
});
const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));

const tags = [];
for (const module of manifest.modules ?? []) {
  for (const declaration of module.declarations ?? []) {
    if (!declaration.customElement || !declaration.tagName) continue;
    const attributes = (declaration.attributes ?? []).map((attribute) => {
      const literals = [...(attribute.type?.text ?? '').matchAll(/'([^']+)'/g)].map((match) => ({ name: match[1] }));
      return {
        name: attribute.name,
        description: attribute.description ?? '',
        ...(literals.length ? { values: literals } : {}),
      };
    });
    const events = (declaration.events ?? []).map((event) => `- \`${event.name}\`: ${event.description ?? ''}`);
    const description = [declaration.summary ?? declaration.description ?? '', events.length ? `\nEvents:\n${events.join('\n')}` : '']
      .join('')
      .trim();
    tags.push({ name: declaration.tagName, description, attributes });
  }
}
tags.sort((a, b) => a.name.localeCompare(b.name));
writeFileSync('vscode.html-custom-data.json', `${JSON.stringify({ version: 1.1, tags }, null, 2)}\n`);
console.log(`manifest: ${tags.length} elements`);
