// custom-elements.json (scripts/manifest.mjs), which Storybook's docs tables and editors read: the
// elements' public API, with defaults as values.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { before, test } from 'node:test';
import { fileURLToPath } from 'node:url';

interface Entry {
  name: string;
  default?: string;
  privacy?: string;
  static?: boolean;
}
interface Declaration {
  tagName: string;
  members?: Entry[];
  attributes?: Entry[];
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
let elements: Map<string, Declaration>;

before(() => {
  execFileSync('node', ['scripts/manifest.mjs'], { cwd: ROOT, stdio: 'ignore' });
  const manifest = JSON.parse(readFileSync(`${ROOT}custom-elements.json`, 'utf8')) as { modules: Array<{ declarations: Declaration[] }> };
  elements = new Map(manifest.modules.flatMap((module) => module.declarations).map((declaration) => [declaration.tagName, declaration]));
});

const defaultOf = (tag: string, attribute: string) => elements.get(tag)?.attributes?.find((entry) => entry.name === attribute)?.default;

test('defaults written as constants are shown as their values', () => {
  assert.equal(defaultOf('kal-leaderboard', 'page-size'), '10');
  assert.equal(defaultOf('kal-leaderboard', 'refresh-interval'), '30');
  assert.equal(defaultOf('kal-badge-progress', 'refresh-interval'), '30');
  assert.equal(defaultOf('kal-certificate-progress', 'refresh-interval'), '30');
  assert.equal(defaultOf('kal-room-embed', 'load-timeout'), '20');
  for (const [tag, declaration] of elements) {
    for (const entry of [...(declaration.members ?? []), ...(declaration.attributes ?? [])]) {
      if (entry.default === undefined) continue;
      assert.match(entry.default, /^(-?\d[\d.]*|'[^']*'|"[^"]*"|true|false|null)$/, `${tag} ${entry.name}: ${entry.default}`);
    }
  }
});

test('only public, per-element members are listed', () => {
  for (const [tag, declaration] of elements) {
    for (const member of declaration.members ?? []) {
      assert.ok(!member.static && (member.privacy ?? 'public') === 'public' && !member.name.startsWith('#'), `${tag} ${member.name}`);
    }
  }
});
