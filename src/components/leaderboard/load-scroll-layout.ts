/**
 * Downloads the scroll layout with the virtualizer (ES builds: their own chunk, fetched only for
 * `layout="scroll"`).
 */
export function loadScrollLayout(): Promise<typeof import('./scroll-layout.js')> {
  return import('./scroll-layout.js');
}
