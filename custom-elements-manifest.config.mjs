// custom-elements.json from the JSDoc header of each element class (@summary, @fires, @csspart,
// @cssprop, @slot), plus VS Code HTML custom data made from it (see scripts/manifest.mjs, which runs
// this with tsx so that the element table can be read).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import ts from 'typescript';
import { ELEMENTS, pascal } from './src/elements.ts';

/** Each tag of the element table, by its class's name (`KalPrefGroup` is `<kal-pref-group>`). */
const TAGS = new Map(ELEMENTS.flatMap((element) => element.tags).map((tag) => [pascal(tag), tag]));

const LITERAL_KINDS = new Set([ts.SyntaxKind.NumericLiteral, ts.SyntaxKind.StringLiteral, ts.SyntaxKind.TrueKeyword, ts.SyntaxKind.FalseKeyword]);

/**
 * The literal a constant is set to (`const DEFAULT_PAGE_SIZE = 10` → `10`), looked up in `file` and
 * followed through its relative imports; undefined when it is not a plain literal.
 */
function constantValue(file, name, seen = new Set()) {
  if (seen.has(file) || !existsSync(file)) return undefined;
  seen.add(file);
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
  for (const statement of source.statements) {
    if (ts.isVariableStatement(statement) && statement.declarationList.flags & ts.NodeFlags.Const) {
      const declaration = statement.declarationList.declarations.find((d) => ts.isIdentifier(d.name) && d.name.text === name);
      if (declaration) return declaration.initializer && LITERAL_KINDS.has(declaration.initializer.kind) ? declaration.initializer.getText(source) : undefined;
    }
    const bindings = ts.isImportDeclaration(statement) ? statement.importClause?.namedBindings : undefined;
    const imported = bindings && ts.isNamedImports(bindings) ? bindings.elements.find((element) => element.name.text === name) : undefined;
    const from = imported && /** @type {import('typescript').StringLiteral} */ (statement.moduleSpecifier).text;
    if (from?.startsWith('.')) return constantValue(join(dirname(file), from.replace(/\.js$/, '.ts')), (imported.propertyName ?? imported.name).text, seen);
  }
  return undefined;
}

/** A default written as a constant's name shows the constant's value (docs tables, editors). */
function resolveDefault(entry, modulePath) {
  if (!/^[A-Z_$][\w$]*$/i.test(entry.default ?? '') || ['true', 'false', 'null', 'undefined'].includes(entry.default)) return;
  entry.default = constantValue(entry.inheritedFrom?.module ?? modulePath, entry.default) ?? entry.default;
}

/** The kit's design tokens (`@cssprop` in theme.styles.ts): every element takes them, so each lists only its own. */
function sharedTokens() {
  const source = readFileSync('src/components/shared/theme.styles.ts', 'utf8');
  return [...source.matchAll(/^ \* @cssprop (--[\w-]+) - (.+)$/gm)].map(([, name, description]) => ({ name, description }));
}

const registeredTags = {
  name: 'kit-registered-tags',
  packageLinkPhase({ customElementsManifest }) {
    const tokens = sharedTokens();
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
        // Static and non-public members are the implementation, not the element's API.
        declaration.members = (declaration.members ?? []).filter((member) => !member.static && !internal.has(member.name));
        for (const entry of [...declaration.members, ...declaration.attributes]) resolveDefault(entry, module.path);
        if (declaration.superclass?.name === 'KalElement') {
          const own = new Set((declaration.cssProperties ?? []).map((property) => property.name));
          declaration.cssProperties = [...(declaration.cssProperties ?? []), ...tokens.filter((token) => !own.has(token.name))];
        }
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
