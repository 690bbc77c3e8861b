import { besideScript } from '../../script-url.js';
import { VERSION } from '../../version.js';
import type { Virtualize } from './load-virtualizer.js';
import * as lit from './virtualizer-lit.js';

export type { Virtualize } from './load-virtualizer.js';

/** Where kaltura-widgets.virtualize.js finds this script's Lit (scripts/build.mjs uses the same key). */
const LIT_KEY = `kaltura-widgets.lit@${VERSION}`;

/**
 * Script-tag build: a classic script cannot split chunks, so the virtualizer is an ES module beside
 * the script (kaltura-widgets.virtualize.js) that uses this script's Lit, handed over on a global.
 */
export function loadVirtualize(): Promise<Virtualize> {
  (globalThis as Record<symbol, unknown>)[Symbol.for(LIT_KEY)] ??= lit;
  return import(/* @vite-ignore */ besideScript('kaltura-widgets.virtualize.js')).then(
    (module: { virtualize: Virtualize }) => module.virtualize,
  );
}
