import { Task, TaskStatus, initialState } from '@lit/task';
import type { ReactiveController, ReactiveElement } from 'lit';
import { isAbort, toKalError } from '../../api/errors.js';
import { LiveRefresh } from './live-refresh.js';

/** What one run of a load is told. */
export interface LoadContext {
  /** Aborted when a newer run replaces this one. */
  signal: AbortSignal;
  /** The run reads again what is on screen: a failure then keeps it there. */
  refreshing: boolean;
  /** A live refresh may reuse an answer another tab (or element) got this recently (ms; 0: ask the service). */
  shareAcrossTabsMs: number;
}

export interface DataOptions<T> {
  /** What the data depends on: a change starts a run (each compared with `Object.is`). */
  args: () => readonly unknown[];
  /** Whether anything may be loaded now (false while an attribute is invalid). Default: yes. */
  ready?: () => boolean;
  /** Whether a run now would read again what is on screen. */
  refreshing: () => boolean;
  load: (args: readonly unknown[], context: LoadContext) => Promise<T>;
  /** Puts new data on screen (`refreshing` as when its run started). */
  apply: (data: T, refreshing: boolean) => void;
  /** Tells the page about a failure: each failed load, and once per streak of failed refreshes. */
  report: (error: unknown) => void;
  /** Refresh on a timer (`live`), paused while the element cannot be seen. */
  live?: { enabled: () => boolean; intervalSeconds: () => number };
}

/** Whether two input lists hold the same values (`Object.is`, one by one). */
export function sameArgs(a: readonly unknown[] | undefined, b: readonly unknown[]): boolean {
  return !!a && a.length === b.length && a.every((value, index) => Object.is(value, b[index]));
}

/** How often a run cut short by someone else's cancellation (a shared request) is tried again. */
const ABORT_RETRIES = 2;

/**
 * An element's data: loads it with `@lit/task` whenever its inputs change, keeps it on screen when a
 * refresh fails (and says since when), loads again after a removal or a cancellation that was not
 * its own, and refreshes it on the live timer. Elements render what it holds and emit; this decides
 * when to read.
 */
export class DataController<T> implements ReactiveController {
  /** A failed load with nothing of its inputs to keep on screen: the error state. */
  failure: unknown;
  /** Set while refreshes fail: what is on screen was read at this time. */
  staleSince: number | undefined;
  /** When what is on screen was read. */
  loadedAt: number | undefined;
  /** The run under way (or the last) reads again what is on screen, which stays there meanwhile. */
  refreshingRun = false;

  readonly #host: ReactiveElement;
  readonly #options: DataOptions<T>;
  readonly #task: Task<readonly unknown[], T>;
  readonly #live: LiveRefresh | undefined;
  #abortRetries = 0;
  /** A run's load is over and its outcome is being handed over (apply / report): it is no longer "under way". */
  #settling = false;
  /** A run was cut short by the element leaving the page: it loads again when put back. */
  #interrupted = false;

  constructor(host: ReactiveElement, options: DataOptions<T>) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
    const { live } = options;
    this.#live = live && new LiveRefresh(host, { ...live, shownAt: () => this.loadedAt, refresh: () => this.canRefresh && void this.refresh() });
    this.#task = new Task<readonly unknown[], T>(host, {
      args: () => [options.ready?.() ?? true, ...options.args()],
      // Outcomes are handled inside the run, not in @lit/task's callbacks: those run before its status
      // is settled, so a listener starting a new run (refresh() from kal-error) would be overwritten.
      task: ([ready, ...args], { signal }) => (ready ? this.#run(args, signal) : initialState),
    });
  }

  get pending(): boolean {
    return this.#task.status === TaskStatus.PENDING;
  }

  /** Whether a refresh can help: not while nothing may load, nor after a set-up (`config`) error. */
  get canRefresh(): boolean {
    return (this.#options.ready?.() ?? true) && !(this.failure !== undefined && toKalError(this.failure).code === 'config');
  }

  /** See LiveRefresh.shareWindowMs: for a run the live timer starts. */
  get shareWindowMs(): number {
    return this.#live?.shareWindowMs ?? 0;
  }

  hostConnected(): void {
    // Put back after a removal (a framework moving it): what the removal cut short loads again, after
    // a turn so that requests shared with the cancelled run have let go of it.
    if (!this.#interrupted && !this.pending) return;
    this.#interrupted = false;
    setTimeout(() => this.#host.isConnected && void this.#task.run());
  }

  /**
   * Reads again now what is on screen (what the live timer does), or waits for the run under way.
   * Resolves once the outcome is rendered; never rejects (failures are shown and reported).
   */
  async refresh(): Promise<void> {
    // Called while a run hands its outcome over (a kal-error listener refreshing at once), it starts a new run.
    if (this.pending && !this.#settling) await this.#task.taskComplete.catch(() => undefined);
    else {
      this.#live?.refreshed();
      await this.#task.run();
    }
    await this.#host.updateComplete;
  }

  /** The error state's retry. */
  retry(): void {
    this.#live?.refreshed();
    void this.#task.run();
  }

  async #run(args: readonly unknown[], signal: AbortSignal): Promise<T> {
    const refreshing = (this.refreshingRun = this.#options.refreshing());
    this.failure = undefined;
    try {
      const data = await this.#options.load(args, { signal, refreshing, shareAcrossTabsMs: refreshing ? this.shareWindowMs : 0 });
      // Replaced by a newer run: its outcome is not this one's to show.
      if (signal.aborted) return data;
      this.#abortRetries = 0;
      this.staleSince = undefined;
      this.loadedAt = Date.now();
      // Rendered with the data: what `apply` awaits (updateComplete) is that render.
      this.#host.requestUpdate();
      this.#handOver(() => this.#options.apply(data, refreshing));
      return data;
    } catch (error) {
      if (!signal.aborted) this.#handOver(() => this.#failed(error, refreshing));
      throw error;
    }
  }

  #handOver(outcome: () => void): void {
    this.#settling = true;
    try {
      outcome();
    } finally {
      this.#settling = false;
    }
  }

  #failed(error: unknown, refreshing: boolean): void {
    if (isAbort(error)) {
      // Not replaced, so cancelled from outside: the element left the page (it loads again when put
      // back), or the run joined a shared request someone else cancelled (tried again, a few times).
      if (!this.#host.isConnected) this.#interrupted = true;
      else if (this.#abortRetries++ < ABORT_RETRIES) setTimeout(() => this.#host.isConnected && void this.#task.run());
      return;
    }
    this.#abortRetries = 0;
    if (!refreshing) {
      this.failure = error;
      this.#options.report(error);
    } else if (this.staleSince === undefined) {
      this.staleSince = this.loadedAt;
      this.#options.report(error);
    }
  }
}
