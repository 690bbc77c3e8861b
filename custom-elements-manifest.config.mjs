// custom-elements.json from the JSDoc header of each element class (@summary, @fires, @csspart,
// @cssprop, @slot), plus VS Code HTML custom data made from it (see scripts/manifest.mjs, which runs
// this with tsx so that the element table can be read).
import { ELEMENTS, pascal } from './src/elements.ts';

/** Each tag of the element table, by its class's name (`KalPrefGroup` is `<kal-pref-group>`). */
const TAGS = new Map(ELEMENTS.flatMap((element) => element.tags).map((tag) => [pascal(tag), tag]));

const registeredTags = {
  name: 'kit-registered-tags',
  packageLinkPhase({ customElementsManifest }) {
    for (const module of customElementsManifest.modules) {
      // Only the element classes are public API here; constants and the base class are internal.
      module.declarations = (module.declarations ?? []).filter((declaration) => TAGS.has(declaration.name));
      module.exports = (module.exports ?? []).filter((entry) => TAGS.has(entry.declaration?.name ?? entry.name));
      for (const declaration of module.declarations) {
        declaration.customElement = true;
        declaration.tagName = TAGS.get(declaration.name);
        // Internal reactive state (`static properties` entries with `state: true`) has no attribute.
        const internal = new Set((declaration.members ?? []).filter((member) => member.privacy && member.privacy !== 'public').map((member) => member.name));
        declaration.attributes = (declaration.attributes ?? []).filter((attribute) => !internal.has(attribute.fieldName));
        // The events are the documented ones (@fires), not what the analyser guesses from emit(name).
        declaration.events = (declaration.events ?? []).filter((event) => event.description);
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
