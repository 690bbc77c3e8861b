// A fake clock for one test: `Date.now`, `setTimeout` and `clearTimeout` of this page, moved on only
// by the test (time-driven states with no timing threshold). The test runner's own timers were
// captured before it is installed.

export interface FakeClock {
  now(): number;
  /** Moves the clock to `time` and runs every timer due by then, in order. */
  tickTo(time: number): void;
  /** Puts the real functions back (axe and other libraries need real timers); timers still pending go on as real ones. */
  restore(): void;
}

/** Installs a clock that starts at the real time. */
export function installFakeClock(): FakeClock {
  const real = { now: Date.now, setTimeout: window.setTimeout, clearTimeout: window.clearTimeout };
  let now = real.now.call(Date);
  let nextId = 1_000_000_000;
  const timers = new Map<number, { at: number; run: () => void }>();
  Date.now = () => now;
  window.setTimeout = ((handler: TimerHandler, delay = 0, ...args: unknown[]) => {
    const id = nextId++;
    timers.set(id, { at: now + Math.max(0, Number(delay) || 0), run: () => (typeof handler === 'function' ? handler(...args) : undefined) });
    return id;
  }) as typeof window.setTimeout;
  window.clearTimeout = ((id?: number) => (id !== undefined && timers.delete(id) ? undefined : real.clearTimeout.call(window, id))) as typeof window.clearTimeout;
  return {
    now: () => now,
    tickTo(time) {
      now = Math.max(now, time);
      for (;;) {
        const due = [...timers].filter(([, timer]) => timer.at <= now).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) return;
        timers.delete(due[0]);
        due[1].run();
      }
    },
    restore() {
      if (Date.now === real.now) return;
      Date.now = real.now;
      window.setTimeout = real.setTimeout;
      window.clearTimeout = real.clearTimeout;
      for (const timer of timers.values()) real.setTimeout.call(window, timer.run, Math.max(0, timer.at - now));
      timers.clear();
    },
  };
}
