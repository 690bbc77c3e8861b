// What the virtualizer imports from Lit. The script-tag build hands exactly these to its separately
// loaded virtualizer module (one Lit on the page); scripts/build.mjs reads this file to make that
// module's stand-ins for these imports.
export { html, noChange } from 'lit';
export { AsyncDirective } from 'lit/async-directive.js';
export { directive, PartType } from 'lit/directive.js';
export { repeat } from 'lit/directives/repeat.js';
