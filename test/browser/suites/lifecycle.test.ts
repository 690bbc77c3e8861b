// Lifecycle (issue 8): an element taken off the page leaves nothing behind: no timer still pending,
// no listener on window or document, no request still open, no late kal-error.
//
// Timers and window/document listeners are tracked by wrapping setTimeout/clearTimeout/
// setInterval/clearInterval and window/document add/removeEventListener before the element is
// mounted (restored after). Only those created by the kit and its dependencies (Lit,
// @lit-labs/virtualizer: found by the creating code's stack) count, so the test runner's own
// timers do not blur the picture.
import { expect, oneEvent } from '@open-wc/testing';
import { setupIgnoreWindowResizeObserverLoopErrors } from '@lit-labs/virtualizer/support/resize-observer-errors.js';
import '../../../src/components/badge-progress/define.js';
import '../../../src/components/certificate-progress/define.js';
import '../../../src/components/leaderboard/define.js';
import '../../../src/components/room-embed/define.js';
import '../../../src/components/unsubscribe-prefs/define.js';
import '../../../src/components/event-agenda/define.js';
import '../../../src/components/points-guide/define.js';
import { configure, currentConfig } from '../../../src/config.js';
import { FAST_RETRIES, SANDBOX_URLS, callsTo, control, mintKs, newPartner, until } from '../helpers.js';
import { errorsOf } from '../dom.js';

// The scroll layout's virtualizer can trip Chromium's harmless "ResizeObserver loop" error.
setupIgnoreWindowResizeObserverLoopErrors(beforeEach, afterEach);

const saved = { ...currentConfig() };
const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
  configure({ ...saved, getKs: saved.getKs, tokenEndpoint: saved.tokenEndpoint });
});

/** A page-wide configuration for a fresh sandbox partner; the KS may carry room privileges. */
function setUp(): number {
  const partnerId = newPartner();
  configure({
    partnerId,
    serviceUrls: SANDBOX_URLS,
    getKs: async (context) =>
      mintKs(partnerId, {
        userId: 'viewer@example.com',
        ...(context.entryId ? { privileges: `entryId:${context.entryId},roomModerator:0,chatModerator:0` } : {}),
      }),
    retryDelaysMs: FAST_RETRIES,
  });
  return partnerId;
}

// The kit's own sources (served at /src/) and its runtime dependencies.
const KIT_CODE = /\/\/[^/\s]+\/src\/|\/node_modules\/(?:lit|lit-html|lit-element|@lit|@lit-labs)\//;

interface Pending {
  what: string;
  stack: string;
}

interface Tracker {
  /** Timers created by kit code that have neither fired nor been cleared. */
  timers(): Pending[];
  /** window/document listeners added by kit code and not removed. */
  listeners(): Pending[];
  restore(): void;
}

function firstKitFrame(stack: string): string {
  return stack.split('\n').find((line) => KIT_CODE.test(line) && !line.includes('lifecycle.test'))?.trim() ?? stack;
}

/** Starts tracking timers and window/document listeners (until `restore()`). */
function track(): Tracker {
  // Deep enough stacks to see the kit code under Lit's and the browser's frames.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 50;
  const timers = new Map<number, Pending>();
  const win = window as unknown as Record<string, unknown>;
  type Schedule = (handler: TimerHandler, timeout?: number, ...rest: unknown[]) => number;
  type Clear = (id?: number) => void;
  const original = {
    setTimeout: window.setTimeout as unknown as Schedule,
    clearTimeout: window.clearTimeout as unknown as Clear,
    setInterval: window.setInterval as unknown as Schedule,
    clearInterval: window.clearInterval as unknown as Clear,
  };
  win.setTimeout = (handler: TimerHandler, timeout?: number, ...rest: unknown[]) => {
    const stack = new Error().stack ?? '';
    let id = 0;
    const run =
      typeof handler === 'function'
        ? function (this: unknown, ...args: unknown[]) {
            timers.delete(id);
            return (handler as (...a: unknown[]) => unknown).apply(this, args);
          }
        : handler;
    id = original.setTimeout.call(window, run, timeout, ...rest);
    if (KIT_CODE.test(stack)) timers.set(id, { what: `setTimeout(${timeout ?? 0} ms)`, stack });
    return id;
  };
  win.clearTimeout = (id?: number) => {
    if (id !== undefined) timers.delete(id);
    original.clearTimeout.call(window, id);
  };
  win.setInterval = (handler: TimerHandler, timeout?: number, ...rest: unknown[]) => {
    const stack = new Error().stack ?? '';
    const id = original.setInterval.call(window, handler, timeout, ...rest);
    if (KIT_CODE.test(stack)) timers.set(id, { what: `setInterval(${timeout ?? 0} ms)`, stack });
    return id;
  };
  win.clearInterval = (id?: number) => {
    if (id !== undefined) timers.delete(id);
    original.clearInterval.call(window, id);
  };

  interface Registered extends Pending {
    target: EventTarget;
    type: string;
    listener: EventListenerOrEventListenerObject;
    capture: boolean;
  }
  const registered: Registered[] = [];
  const capture = (options?: boolean | AddEventListenerOptions | EventListenerOptions) =>
    typeof options === 'boolean' ? options : !!options?.capture;
  const find = (target: EventTarget, type: string, listener: EventListenerOrEventListenerObject, useCapture: boolean) =>
    registered.findIndex(
      (entry) => entry.target === target && entry.type === type && entry.listener === listener && entry.capture === useCapture,
    );
  const forget = (target: EventTarget, type: string, listener: EventListenerOrEventListenerObject, useCapture: boolean) => {
    const index = find(target, type, listener, useCapture);
    if (index >= 0) registered.splice(index, 1);
  };
  const targets: Array<[EventTarget, string]> = [
    [window, 'window'],
    [document, 'document'],
  ];
  for (const [target, name] of targets) {
    const add = target.addEventListener;
    const remove = target.removeEventListener;
    const own = target as unknown as Record<string, unknown>;
    own.addEventListener = function (
      type: string,
      listener: EventListenerOrEventListenerObject | null,
      options?: boolean | AddEventListenerOptions,
    ) {
      add.call(target, type, listener, options);
      if (!listener) return;
      const stack = new Error().stack ?? '';
      const useCapture = capture(options);
      if (!KIT_CODE.test(stack) || find(target, type, listener, useCapture) >= 0) return;
      registered.push({ target, type, listener, capture: useCapture, what: `${name} "${type}" listener`, stack });
      if (typeof options === 'object' && options.once) {
        add.call(target, type, () => forget(target, type, listener, useCapture), { once: true, capture: useCapture });
      }
      if (typeof options === 'object' && options.signal) {
        options.signal.addEventListener('abort', () => forget(target, type, listener, useCapture), { once: true });
      }
    };
    own.removeEventListener = function (
      type: string,
      listener: EventListenerOrEventListenerObject | null,
      options?: boolean | EventListenerOptions,
    ) {
      remove.call(target, type, listener, options);
      if (listener) forget(target, type, listener, capture(options));
    };
  }

  const restore = () => {
    Error.stackTraceLimit = stackTraceLimit;
    Object.assign(win, original);
    for (const [target] of targets) {
      delete (target as unknown as Record<string, unknown>).addEventListener;
      delete (target as unknown as Record<string, unknown>).removeEventListener;
    }
  };
  cleanups.push(restore);
  return {
    timers: () => [...timers.values()],
    listeners: () => registered.map(({ what, stack }) => ({ what, stack })),
    restore,
  };
}

/** Pending items as readable lines (what, and the kit code that made it) for a failure message. */
const describeAll = (items: Pending[]) => items.map((item) => `${item.what} from ${firstKitFrame(item.stack)}`);

/** Mounts markup in a container on the page and answers its first element. */
function mount<T extends HTMLElement>(markup: string): T {
  const host = document.createElement('div');
  host.innerHTML = markup;
  document.body.append(host);
  cleanups.push(() => host.remove());
  return host.firstElementChild as T;
}

const frames = async (count: number) => {
  for (let i = 0; i < count; i++) await new Promise(requestAnimationFrame);
};

const PREFS = `<kal-unsubscribe-prefs>
  <kal-pref-group group-id="event-updates" label="Event updates"></kal-pref-group>
  <kal-pref-group group-id="marketing-emails" label="News and offers"></kal-pref-group>
</kal-unsubscribe-prefs>`;

interface Case {
  name: string;
  markup: string;
  /** Brings the element to its "in use" state (loaded, joined, edited). */
  use: (element: HTMLElement) => Promise<void>;
}

const loadedOnly = async (element: HTMLElement) => {
  await oneEvent(element, 'kal-load');
};

const CASES: Case[] = [
  {
    name: 'kal-leaderboard (live, table)',
    markup: '<kal-leaderboard leaderboard-id="lb_conference" page-size="5" live refresh-interval="5"></kal-leaderboard>',
    use: loadedOnly,
  },
  {
    name: 'kal-leaderboard (live, scroll layout)',
    markup: '<kal-leaderboard leaderboard-id="lb_huge" page-size="20" layout="scroll" live refresh-interval="5"></kal-leaderboard>',
    use: async (element) => {
      await oneEvent(element, 'kal-load');
      // Scroll to the end of what is loaded until rows of the second page are drawn (page 1 shows 18
      // rows: lb_huge's hidden #3 and #9 are not shown, so row 23 and beyond are the second page's).
      const scroller = element.shadowRoot!.querySelector<HTMLElement>('.scroller')!;
      const lastRow = () =>
        Math.max(0, ...[...scroller.querySelectorAll('[role=row]')].map((row) => Number(row.getAttribute('aria-rowindex'))));
      await until(() => {
        scroller.scrollTop = scroller.scrollHeight;
        return lastRow() > 22;
      }, 'rows of the second page');
    },
  },
  {
    name: 'kal-badge-progress (live, compact, tooltip open)',
    markup: '<kal-badge-progress badge-ids="badge_attendee,badge_marathon" layout="compact" live refresh-interval="5"></kal-badge-progress>',
    use: async (element) => {
      await oneEvent(element, 'kal-load');
      element.shadowRoot!.querySelector<HTMLElement>('[part~=icon]')!.focus();
    },
  },
  {
    name: 'kal-certificate-progress (live)',
    markup: '<kal-certificate-progress certificate-id="cert_cpe" live refresh-interval="5"></kal-certificate-progress>',
    use: loadedOnly,
  },
  {
    name: 'kal-points-guide (live)',
    markup: '<kal-points-guide leaderboard-id="lb_conference" live refresh-interval="5"></kal-points-guide>',
    use: loadedOnly,
  },
  {
    name: 'kal-event-agenda (its clock waiting for the next session to start)',
    markup: '<kal-event-agenda event-id="7001"></kal-event-agenda>',
    use: async (element) => {
      await oneEvent(element, 'kal-load');
    },
  },
  {
    name: 'kal-room-embed (joined)',
    markup: '<kal-room-embed entry-id="1_sandboxroom" room-name="Keynote Room"></kal-room-embed>',
    use: async (element) => {
      await until(() => !!element.shadowRoot?.querySelector('[part~=join]'), 'the join card');
      const joined = oneEvent(element, 'kal-room-join');
      element.shadowRoot!.querySelector<HTMLButtonElement>('[part~=join]')!.click();
      await joined;
    },
  },
  {
    name: 'kal-unsubscribe-prefs (with an unsaved change)',
    markup: PREFS,
    use: async (element) => {
      await oneEvent(element, 'kal-load');
      await (element as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      element.shadowRoot!.querySelector<HTMLButtonElement>('[data-group-id="event-updates"] [part~=switch]')!.click();
      await until(() => (element as HTMLElement & { hasUnsavedChanges: boolean }).hasUnsavedChanges, 'an unsaved change');
    },
  },
];

describe('lifecycle: removing an element leaves nothing behind', () => {
  for (const { name, markup, use } of CASES) {
    it(name, async () => {
      setUp();
      const tracker = track();
      const element = mount<HTMLElement>(markup);
      const errors = errorsOf(element);
      await use(element);
      // Something was in use while it was on the page (else the test would prove nothing). The live
      // timer loads after the first data, so it may take a moment to appear.
      await until(() => tracker.timers().length + tracker.listeners().length > 0, 'timers or listeners while in use');

      element.remove();
      await frames(2);
      expect(describeAll(tracker.timers()), 'timers still pending').to.deep.equal([]);
      expect(describeAll(tracker.listeners()), 'listeners still registered').to.deep.equal([]);
      expect(errors).to.deep.equal([]);
      tracker.restore();
    });
  }
});

describe('lifecycle: a request in flight is aborted on removal, without a kal-error', () => {
  /** Records the signal of every fetch whose URL contains `fragment`. */
  function watchFetch(fragment: string): AbortSignal[] {
    const signals: AbortSignal[] = [];
    const original = window.fetch;
    window.fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
      const url = String(input instanceof Request ? input.url : input);
      if (url.includes(fragment) && init?.signal) signals.push(init.signal);
      return original(input, init);
    }) as typeof window.fetch;
    cleanups.push(() => {
      window.fetch = original;
    });
    return signals;
  }

  const HUNG: Array<{ name: string; markup: string; match: string }> = [
    {
      name: 'kal-leaderboard',
      markup: '<kal-leaderboard leaderboard-id="lb_conference" live refresh-interval="5"></kal-leaderboard>',
      match: 'userScore/list',
    },
    { name: 'kal-badge-progress', markup: '<kal-badge-progress badge-ids="badge_attendee" live></kal-badge-progress>', match: 'badge/list' },
    {
      name: 'kal-certificate-progress',
      markup: '<kal-certificate-progress certificate-id="cert_course" live></kal-certificate-progress>',
      match: 'userCertificateReport/list',
    },
    { name: 'kal-event-agenda', markup: '<kal-event-agenda event-id="7001"></kal-event-agenda>', match: 'sessions/list' },
    { name: 'kal-points-guide', markup: '<kal-points-guide leaderboard-id="lb_conference" live></kal-points-guide>', match: 'rule/list' },
    { name: 'kal-unsubscribe-prefs', markup: PREFS, match: 'userGroupsStatus' },
  ];

  for (const { name, markup, match } of HUNG) {
    it(name, async () => {
      const partnerId = setUp();
      await control(partnerId, { hang: { count: 1, match } });
      const signals = watchFetch(match);
      const tracker = track();
      const element = mount<HTMLElement>(markup);
      const errors = errorsOf(element);
      await until(async () => (await callsTo(partnerId, match)).length === 1, 'the request to reach the service');
      expect(signals).to.have.length(1);
      expect(signals[0]!.aborted).to.equal(false);

      element.remove();
      await until(() => signals[0]!.aborted, 'the request to be aborted');
      await frames(3);
      expect(errors).to.deep.equal([]);
      // Nothing on screen says it failed (chai is given text: it hangs formatting shadow-DOM nodes).
      expect(element.shadowRoot!.querySelector('[role=alert]')?.textContent ?? '').to.equal('');
      expect(describeAll(tracker.timers()), 'timers still pending').to.deep.equal([]);
      expect(describeAll(tracker.listeners()), 'listeners still registered').to.deep.equal([]);
      tracker.restore();
    });
  }

  it('kal-unsubscribe-prefs, while saving', async () => {
    const partnerId = setUp();
    const signals = watchFetch('syncGroups');
    const tracker = track();
    const element = mount<HTMLElement>(PREFS);
    const errors = errorsOf(element);
    await oneEvent(element, 'kal-load');
    await control(partnerId, { hang: { count: 1, match: 'syncGroups' } });
    await (element as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    element.shadowRoot!.querySelector<HTMLButtonElement>('[data-group-id="event-updates"] [part~=switch]')!.click();
    await (element as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    element.shadowRoot!.querySelector<HTMLButtonElement>('[part~=save]')!.click();
    await until(async () => (await callsTo(partnerId, 'syncGroups')).length === 1, 'the save to reach the service');

    element.remove();
    await until(() => signals[0]?.aborted === true, 'the save to be aborted');
    await frames(3);
    expect(errors).to.deep.equal([]);
    expect(describeAll(tracker.timers()), 'timers still pending').to.deep.equal([]);
    expect(describeAll(tracker.listeners()), 'listeners still registered').to.deep.equal([]);
    tracker.restore();
  });

  it('kal-room-embed, while the room is loading', async () => {
    const partnerId = setUp();
    await control(partnerId, { roomHang: true });
    const tracker = track();
    const element = mount<HTMLElement>('<kal-room-embed entry-id="1_sandboxroom" join="auto"></kal-room-embed>');
    const errors = errorsOf(element);
    await until(async () => (await callsTo(partnerId, 'view-room')).length === 1, 'the room page to be asked for');
    expect(element.shadowRoot!.querySelector('iframe') !== null, 'the room iframe').to.equal(true);
    expect(tracker.timers().length, 'the load timeout is running').to.be.above(0);

    element.remove();
    await frames(3);
    expect(element.shadowRoot!.querySelector('iframe') === null, 'the room iframe is gone').to.equal(true);
    expect(errors).to.deep.equal([]);
    expect(describeAll(tracker.timers()), 'timers still pending').to.deep.equal([]);
    expect(describeAll(tracker.listeners()), 'listeners still registered').to.deep.equal([]);
    tracker.restore();
    await control(partnerId, { roomHang: false });
  });
});
