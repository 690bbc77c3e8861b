import type { ReactiveController, ReactiveElement } from 'lit';
import type { LiveController, LiveOptions } from './live-controller.js';

/**
 * The live timer, downloaded the first time `live` is on (see LiveController): a first render never
 * needs it, so a page without `live` never loads it. The leaderboard turns it on with its first data.
 */
export class LiveRefresh implements ReactiveController {
  #controller?: LiveController;
  #loading = false;
  readonly #host: ReactiveElement;
  readonly #options: LiveOptions;

  constructor(host: ReactiveElement, options: LiveOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostUpdated(): void {
    if (this.#loading || !this.#options.enabled()) return;
    this.#loading = true;
    import('./live-controller.js').then(
      ({ LiveController }) => {
        this.#controller = new LiveController(this.#host, this.#options);
      },
      () => {
        // Not loaded, most likely offline: try again (with the next update) once the connection is back.
        this.#loading = false;
        globalThis.addEventListener('online', () => this.#host.requestUpdate(), { once: true });
      },
    );
  }

  /** See LiveController.shareWindowMs. */
  get shareWindowMs(): number {
    return this.#controller?.shareWindowMs ?? 0;
  }

  /** Tells the timer a refresh just happened (e.g. the person pressed retry). */
  refreshed(): void {
    this.#controller?.refreshed();
  }
}
