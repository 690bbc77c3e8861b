import { type ReactiveElement, type TemplateResult, html } from 'lit';
import { prefersReducedMotion } from './reduced-motion.js';

/**
 * Something earned while the page is open (a badge, a certificate): which items to celebrate (none
 * under reduced motion), a polite announcement for screen readers, and the element's events, sent
 * once the change is on screen. The element draws `ids` and `renderAnnouncer()`.
 */
export class Celebration {
  #ids: ReadonlySet<string> = new Set();
  #announcement = '';
  readonly #host: ReactiveElement;

  constructor(host: ReactiveElement) {
    this.#host = host;
  }

  /** The items being celebrated. */
  get ids(): ReadonlySet<string> {
    return this.#ids;
  }

  /** Nothing is celebrated any more (new data, or a refresh that earned nothing). */
  clear(): void {
    if (this.#ids.size === 0) return;
    this.#ids = new Set();
    this.#host.requestUpdate();
  }

  /** Celebrates `ids`, announces `announcement`, and runs `emit` once they are on screen. */
  celebrate(ids: string[], announcement: string, emit: () => void): void {
    this.#ids = prefersReducedMotion() ? new Set() : new Set(ids);
    this.#announcement = announcement;
    this.#host.requestUpdate();
    void this.#host.updateComplete.then(emit);
  }

  renderAnnouncer(): TemplateResult {
    return html`<div class="visually-hidden announcer" role="status" aria-live="polite" aria-atomic="true">${this.#announcement}</div>`;
  }
}
