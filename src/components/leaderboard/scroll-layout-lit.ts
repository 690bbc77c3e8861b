// What the scroll layout and the virtualizer need of Lit. The script-tag build hands exactly these
// to its separately loaded scroll layout module (one Lit on the page); scripts/build.mjs reads this
// file to make that module's stand-ins for these imports (it carries lit/async-directive.js itself,
// built on them).
export { adoptStyles, css, html, noChange, nothing } from 'lit';
export { Directive, PartType, directive } from 'lit/directive.js';
export { isSingleExpression } from 'lit/directive-helpers.js';
export { repeat } from 'lit/directives/repeat.js';
