// The element table (src/elements.ts) against what the classes say of themselves in the manifest
// (custom-elements.json, from their JSDoc and static properties): the same tags, the class names the
// React module looks up, the events React's `on…` props and JSX's `onkal-…` listen to, and attributes
// named as the JSX types expect.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { ELEMENTS, KIT_TAGS, eventsOf, pascal } from '../../src/elements.js';

interface Declaration {
  name: string;
  tagName?: string;
  events?: Array<{ name: string }>;
  attributes?: Array<{ name: string; fieldName?: string }>;
}

const MANIFEST = new URL('../../custom-elements.json', import.meta.url);
const declarations = (): Declaration[] => {
  assert.ok(existsSync(MANIFEST), 'run `npm run build` (or `node scripts/manifest.mjs`) first');
  const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8')) as { modules: Array<{ path: string; declarations?: Declaration[] }> };
  return manifest.modules.flatMap((module) => (module.declarations ?? []).map((declaration) => ({ ...declaration, path: module.path })));
};
const tags = ELEMENTS.flatMap((element) => [...element.tags]);
const kebab = (name: string) => name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);

test('the manifest lists the tags of the table, each class named after its tag, in its module folder', () => {
  const found = declarations();
  assert.deepEqual(found.map((declaration) => declaration.tagName).sort(), [...tags].sort());
  for (const { module, tags: moduleTags } of ELEMENTS) {
    for (const tag of moduleTags) {
      const declaration = found.find((each) => each.tagName === tag) as Declaration & { path: string };
      assert.equal(declaration.name, pascal(tag), `the class of <${tag}>`);
      assert.ok(declaration.path.startsWith(`src/components/${module}/`), `<${tag}> in src/components/${module}/`);
    }
  }
});

test("each element's documented events (@fires) are the table's: kal-load, kal-error and its own; a child tag fires none", () => {
  for (const declaration of declarations()) {
    const tag = declaration.tagName as (typeof tags)[number];
    const documented = (declaration.events ?? []).map((event) => event.name).sort();
    assert.deepEqual(documented, [...eventsOf(tag)].sort(), `<${tag}>`);
  }
  assert.ok(KIT_TAGS.every((tag) => eventsOf(tag).length >= 2));
});

test('every attribute is its property in kebab case (what the JSX types offer)', () => {
  for (const declaration of declarations()) {
    for (const attribute of declaration.attributes ?? []) {
      if (attribute.fieldName) assert.equal(attribute.name, kebab(attribute.fieldName), `<${declaration.tagName}> ${attribute.fieldName}`);
    }
  }
});

test('defined.css keeps every element of the table from flashing before its script runs', () => {
  const css = readFileSync(new URL('../../src/defined.css', import.meta.url), 'utf8');
  const hidden = /:is\(([^)]*)\):not\(:defined\)/.exec(css)?.[1]?.split(',').map((tag) => tag.trim()) ?? [];
  assert.deepEqual([...hidden].sort(), [...KIT_TAGS].sort());
});
