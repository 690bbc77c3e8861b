// custom-elements.json from the JSDoc header of each element class (@summary, @fires, @csspart,
// @cssprop, @slot), plus VS Code HTML custom data made from it (see scripts/manifest.mjs).
import { existsSync, readFileSync, readdirSync } from 'node:fs';

/** Tags come from the define files (`define('kal-x', KalX)`), which register through the kit's safe define(). */
function tagsFromDefineFiles() {
  const tags = new Map();
  for (const folder of readdirSync('src/components')) {
    const file = `src/components/${folder}/define.ts`;
    if (!existsSync(file)) continue;
    for (const match of readFileSync(file, 'utf8').matchAll(/define\(\s*'([^']+)'\s*,\s*(\w+)\s*\)/g)) tags.set(match[2], match[1]);
  }
  return tags;
}

const registeredTags = {
  name: 'kit-registered-tags',
  packageLinkPhase({ customElementsManifest }) {
    const tags = tagsFromDefineFiles();
    for (const module of customElementsManifest.modules) {
      // Only the element classes are public API here; constants and the base class are internal.
      module.declarations = (module.declarations ?? []).filter((declaration) => tags.has(declaration.name));
      module.exports = (module.exports ?? []).filter((entry) => tags.has(entry.declaration?.name ?? entry.name));
      for (const declaration of module.declarations) {
        declaration.customElement = true;
        declaration.tagName = tags.get(declaration.name);
        // Internal reactive state (`static properties` entries with `state: true`) has no attribute.
        const internal = new Set((declaration.members ?? []).filter((member) => member.privacy && member.privacy !== 'public').map((member) => member.name));
        declaration.attributes = (declaration.attributes ?? []).filter((attribute) => !internal.has(attribute.fieldName));
      }
      module.exports.push(...module.declarations.map((declaration) => ({ kind: 'custom-element-definition', name: declaration.tagName, declaration: { name: declaration.name, module: module.path } })));
    }
    customElementsManifest.modules = customElementsManifest.modules.filter((module) => module.declarations.length);
  },
};

export default {
  globs: ['src/components/*/kal-*.ts'],
  exclude: ['src/components/**/*.styles.ts'],
  outdir: '.',
  litelement: true,
  dev: false,
  plugins: [registeredTags],
};
