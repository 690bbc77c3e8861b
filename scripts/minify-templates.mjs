// A build plugin that removes layout-only whitespace from Lit's html`` and css`` templates in our
// own sources (the JS minifier leaves template text alone). Conservative on purpose:
//   html: a run of whitespace that contains a line break becomes one space (HTML collapses it the
//         same way; our templates have no <pre> or <textarea>).
//   css:  comments go, whitespace runs become one space, and spaces next to { } ; , and after a
//         declaration's colon go. Selectors keep the space before a colon (`.a :hover`).
// Each text part between ${…} is minified on its own, so bindings are never touched.
import { resolve, sep } from 'node:path';
import MagicString from 'magic-string';

const TAGS = new Set(['html', 'css', 'svg']);

export function minifyHtml(text) {
  return text.replace(/\s*\n\s*/g, ' ');
}

export function minifyCss(text) {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,])\s*/g, '$1')
    .replace(/:\s+/g, ':')
    .replace(/;}/g, '}');
}

/** Visits every node of an ESTree AST. */
function walk(node, visit) {
  if (!node || typeof node.type !== 'string') return;
  visit(node);
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) for (const child of value) walk(child, visit);
    else if (value && typeof value === 'object' && typeof value.type === 'string') walk(value, visit);
  }
}

/** Our own sources only (not a dependency's, wherever the project is checked out). */
const OWN_SOURCES = resolve('src') + sep;

export function minifyTemplates() {
  return {
    name: 'kal-minify-templates',
    enforce: 'post',
    transform(code, id) {
      if (!id.startsWith(OWN_SOURCES) || !id.endsWith('.ts') || !/\b(html|css|svg)`/.test(code)) return null;
      const output = new MagicString(code);
      walk(this.parse(code), (node) => {
        if (node.type !== 'TaggedTemplateExpression' || node.tag.type !== 'Identifier' || !TAGS.has(node.tag.name)) return;
        const minify = node.tag.name === 'css' ? minifyCss : minifyHtml;
        for (const quasi of node.quasi.quasis) {
          const raw = quasi.value.raw;
          const small = minify(raw);
          // quasi.start/end span the raw text (without the backtick or ${ } delimiters).
          if (small !== raw && code.slice(quasi.start, quasi.end) === raw) output.overwrite(quasi.start, quasi.end, small);
        }
      });
      return output.hasChanged() ? { code: output.toString(), map: output.generateMap({ hires: true }) } : null;
    },
  };
}
