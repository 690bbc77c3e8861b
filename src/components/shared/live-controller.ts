import type { ReactiveController, ReactiveElement } from 'lit';
import { listenToOtherTabs } from '../../api/tab-share.js';

export interface LiveOptions {
  /** Whether live refresh is on (the `live` attribute). */
  enabled: () => boolean;
  /** Seconds between refreshes, already clamped by the element. */
  intervalSeconds: () => number;
  /** When what is shown was read (undefined: nothing shown yet). */
  shownAt: () => number | undefined;
  /** Refreshes the data (a run it starts synchronously may read `shareWindowMs`). */
  refresh: () => void;
}

/**
 * Periodic refresh with jitter, paused while the tab is hidden or the element is off-screen,
 * and resumed at once (if a refresh is due) when it is visible again.
 */
export class LiveController implements ReactiveController {
  /**
   * While the timer's refresh starts (synchronously): how old an answer another tab, or another
   * element here, got may be for that refresh to reuse it (`shareAcrossTabsMs`). 0 otherwise.
   */
  shareWindowMs = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #onScreen = true;
  #observer: IntersectionObserver | undefined;
  #lastRefresh = Date.now();
  #scheduledFor: string | undefined;

  readonly #host: ReactiveElement;
  readonly #options: LiveOptions;

  constructor(host: ReactiveElement, options: LiveOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('visibilitychange', this.#onVisibilityChange);
    if (typeof IntersectionObserver !== 'undefined') {
      this.#observer = new IntersectionObserver((entries) => {
        const entry = entries[entries.length - 1];
        if (!entry) return;
        this.#onScreen = entry.isIntersecting;
        this.#onVisibilityChange();
      });
      this.#observer.observe(this.#host);
    }
    this.#lastRefresh = Date.now();
    this.#schedule();
  }

  hostDisconnected(): void {
    document.removeEventListener('visibilitychange', this.#onVisibilityChange);
    this.#observer?.disconnect();
    this.#observer = undefined;
    this.#stop();
  }

  hostUpdated(): void {
    // Re-plan only when `live` or the interval changed.
    const plan = `${this.#options.enabled()}:${this.#options.intervalSeconds()}`;
    if (plan !== this.#scheduledFor) this.#schedule();
  }

  /** Tells the controller a refresh just happened (e.g. the person pressed retry). */
  refreshed(): void {
    this.#lastRefresh = Date.now();
    this.#schedule();
  }

  /** Whether the element can be seen: tab shown and the element on screen. */
  get visible(): boolean {
    return document.visibilityState === 'visible' && this.#onScreen;
  }

  readonly #onVisibilityChange = (): void => {
    if (!this.visible || !this.#options.enabled()) return this.#stop();
    const due = Date.now() - this.#lastRefresh >= this.#intervalMs();
    if (due) this.#fire();
    else this.#schedule();
  };

  #schedule(): void {
    this.#stop();
    this.#scheduledFor = `${this.#options.enabled()}:${this.#options.intervalSeconds()}`;
    if (!this.#options.enabled() || !this.visible) return;
    // Live refreshes may reuse other tabs' answers: hear them from now on, not from the first refresh.
    listenToOtherTabs();
    const remaining = Math.max(0, this.#intervalMs() - (Date.now() - this.#lastRefresh));
    // ±10 % jitter so thousands of viewers opened at the same minute do not poll in step.
    this.#timer = setTimeout(() => this.#fire(), remaining * (0.9 + Math.random() * 0.2));
  }

  #fire(): void {
    this.#lastRefresh = Date.now();
    this.shareWindowMs = liveShareWindowMs(this.#options.intervalSeconds(), this.#options.shownAt());
    try {
      this.#options.refresh();
    } finally {
      this.shareWindowMs = 0;
    }
    this.#schedule();
  }

  #stop(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #intervalMs(): number {
    return this.#options.intervalSeconds() * 1000;
  }
}

/**
 * For a live refresh (`shareAcrossTabsMs`): how old an answer that another tab, or another element
 * of this page, got may be for this refresh to use it instead of asking the service. Younger than
 * 90 % of the interval (so the tab that polls first serves the others' refreshes of that interval),
 * and newer than what this element shows (so it never "refreshes" to its own last answer). 0 when
 * nothing may be reused, or nothing is shown yet.
 */
function liveShareWindowMs(intervalSeconds: number, shownAt: number | undefined): number {
  return shownAt === undefined ? 0 : Math.max(0, Math.min(intervalSeconds * 900, Date.now() - shownAt));
}
