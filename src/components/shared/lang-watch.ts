import type { ReactiveElement } from 'lit';

const watched = new Set<ReactiveElement>();
let observer: MutationObserver | undefined;

/**
 * Re-renders elements when any `lang` or `dir` on the page changes (one observer for all;
 * such changes are rare, so the subtree watch is cheap).
 */
export function watchLang(element: ReactiveElement): () => void {
  watched.add(element);
  if (!observer && typeof MutationObserver !== 'undefined') {
    observer = new MutationObserver(() => {
      for (const each of watched) each.requestUpdate();
    });
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang', 'dir'], subtree: true });
  }
  return () => {
    watched.delete(element);
    if (watched.size === 0) {
      observer?.disconnect();
      observer = undefined;
    }
  };
}
