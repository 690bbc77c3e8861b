import type { virtualize } from '@lit-labs/virtualizer/virtualize.js';

export type Virtualize = typeof virtualize;

/**
 * Downloads the virtualizer (ES builds: its own chunk, fetched only for `layout="scroll"`).
 * The script-tag build swaps this module for load-virtualizer.script.ts.
 */
export function loadVirtualize(): Promise<Virtualize> {
  return import('@lit-labs/virtualizer/virtualize.js').then((module) => module.virtualize);
}
