import type { ReactiveController, ReactiveElement } from 'lit';

/** The longest single wait: a computer that slept, or a clock that was set, is caught within this. */
const MAX_WAIT_MS = 60 * 60_000;

/**
 * Re-renders its host when what it shows changes with the time (a session going live, say): at the
 * next moment the host names, not on a polling interval, and with no request. It plans again after
 * every render, and renders when the tab is shown again (hidden tabs' timers are held back).
 */
export class ClockController implements ReactiveController {
  #timer: ReturnType<typeof setTimeout> | undefined;
  readonly #host: ReactiveElement;
  readonly #nextChange: (now: number) => number | undefined;

  /** `nextChange(now)`: the next moment after `now` at which the host looks different (undefined: never). */
  constructor(host: ReactiveElement, nextChange: (now: number) => number | undefined) {
    this.#host = host;
    this.#nextChange = nextChange;
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('visibilitychange', this.#onVisibilityChange);
  }

  hostDisconnected(): void {
    document.removeEventListener('visibilitychange', this.#onVisibilityChange);
    this.#stop();
  }

  hostUpdated(): void {
    this.#stop();
    const now = Date.now();
    const next = this.#nextChange(now);
    if (next !== undefined) this.#timer = setTimeout(() => this.#host.requestUpdate(), Math.min(Math.max(0, next - now), MAX_WAIT_MS));
  }

  readonly #onVisibilityChange = (): void => {
    if (document.visibilityState === 'visible') this.#host.requestUpdate();
  };

  #stop(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}
