import { besideScript } from '../../script-url.js';
import { VERSION } from '../../version.js';
import * as lit from './scroll-layout-lit.js';

/** Where kaltura-widgets.leaderboard-scroll.js finds this script's Lit (scripts/build.mjs uses the same key). */
const LIT_KEY = `kaltura-widgets.lit@${VERSION}`;

/**
 * Script-tag build: a classic script cannot split chunks, so the scroll layout (with the virtualizer)
 * is an ES module beside the script that uses this script's Lit, handed over on a global.
 */
export function loadScrollLayout(): Promise<typeof import('./scroll-layout.js')> {
  (globalThis as Record<symbol, unknown>)[Symbol.for(LIT_KEY)] ??= lit;
  return import(/* @vite-ignore */ besideScript('kaltura-widgets.leaderboard-scroll.js'));
}
