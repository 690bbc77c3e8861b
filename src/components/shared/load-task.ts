import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * `idle`: nothing asked yet, or the task had nothing to load (it returned `undefined`);
 * `pending`: a run is under way; `done`: the last run succeeded; `failed`: it threw (see `error`).
 */
export type LoadState = 'idle' | 'pending' | 'done' | 'failed';

export interface LoadTaskOptions<T> {
  /** The inputs: a run starts before the next render whenever one of them changes (`Object.is`). */
  args: () => unknown[];
  /** Loads for these inputs; `signal` aborts when a newer run starts. `undefined` means nothing to load. */
  task: (args: unknown[], signal: AbortSignal) => Promise<T | undefined>;
  onComplete?: (value: T) => void;
  onError?: (error: unknown) => void;
}

export function sameArgs(a: readonly unknown[] | undefined, b: readonly unknown[]): boolean {
  return !!a && a.length === b.length && a.every((value, index) => Object.is(value, b[index]));
}

/**
 * An element's async load: re-runs when its inputs change, aborts the run it replaces, and
 * reports only the latest run's outcome. It does what `@lit/task` did for the kit, in under half
 * the bytes (see bench/size.mjs): the budgets for single-element entries left no room for it.
 */
export class LoadTask<T> implements ReactiveController {
  state: LoadState = 'idle';
  /** What the latest failed run threw. */
  error: unknown;

  readonly #host: ReactiveControllerHost;
  readonly #options: LoadTaskOptions<T>;
  #args?: unknown[];
  #abort?: AbortController;
  #runs = 0;
  #latest?: Promise<void>;

  constructor(host: ReactiveControllerHost, options: LoadTaskOptions<T>) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostUpdate(): void {
    const args = this.#options.args();
    if (!sameArgs(this.#args, args)) void this.run(args);
  }

  /** Runs now (with the current inputs). The outcome goes to `onComplete` / `onError`, never to the caller. */
  run(args = this.#options.args()): Promise<void> {
    this.#args = args;
    // Only a run under way is cut short: a finished run's signal may still be shared.
    if (this.state === 'pending') this.#abort?.abort();
    this.#abort = new AbortController();
    this.state = 'pending';
    this.#host.requestUpdate();
    return (this.#latest = this.#settle(++this.#runs, this.#options.task(args, this.#abort.signal)));
  }

  async #settle(run: number, loading: Promise<T | undefined>): Promise<void> {
    let value: T | undefined;
    try {
      value = await loading;
    } catch (error) {
      if (run !== this.#runs) return;
      this.#finish('failed');
      this.#options.onError?.((this.error = error));
      return;
    }
    if (run !== this.#runs) return;
    this.#finish(value === undefined ? 'idle' : 'done');
    if (value !== undefined) this.#options.onComplete?.(value);
  }

  /**
   * Before the callbacks: one that starts another run (a host's kal-error listener calling refresh())
   * then replaces a finished run rather than aborting it, and one that throws (a bug, surfaced as a
   * rejection) leaves a consistent state behind.
   */
  #finish(state: LoadState): void {
    this.state = state;
    this.#host.requestUpdate();
  }

  /** Resolves once no run is pending (a run that replaced the one under way is waited for too). */
  async settled(): Promise<void> {
    while (this.state === 'pending') await this.#latest;
  }
}
