/**
 * The demo page's toolbar (the form in index.html): theme, language and direction for every widget,
 * and the sandbox's fault switches. Every choice is kept in the URL query, so a state can be linked.
 *
 * Theme, language and direction are attributes the kit reads (`theme`, `lang`, `dir` on each element),
 * so the widgets follow them at once. A fault is put in the sandbox, then the widgets are put back on
 * the page afresh, so each one meets it the way a page load would; the KS they share stays cached, as
 * it does on a page that has been open a while.
 */
import { KIT_TAGS } from '../src/elements.js';
import { DEMO_LOCALES, type DemoState, type Fault, readState, withState } from './demo-state.js';
import { SLOW_MS, expireSessions, putSandboxIn } from './sandbox-faults.js';

/** What each fault does, said in the toolbar's status line. */
const NOTES: Record<Fault, string> = {
  none: 'Services answer normally.',
  offline: 'Every service call fails as a dropped connection: after the kit’s retries the widgets show their error state.',
  500: 'Every service call answers HTTP 500: after the kit’s retries the widgets show their error state.',
  slow: `Every service answer waits ${SLOW_MS / 1000} s (a Game read once per call the proxy makes): the widgets show their loading state first.`,
  expired: 'The KS the widgets held has expired: their next call got 401, the kit asked the token endpoint again (reason “rejected”) and carried on.',
};

/** The elements that load as soon as they are on the page (the room waits for a click). */
const SELF_LOADING: ReadonlySet<string> = new Set(KIT_TAGS.filter((tag) => tag !== 'kal-room-embed'));
/** Longest wait for the widgets' first outcome before the KS they hold is expired. */
const SETTLE_TIMEOUT_MS = 30_000;

export interface ToolbarOptions {
  /** The sandbox partner the page's KS names (its world takes the faults). */
  partnerId: number;
  /** The page's token endpoint: its calls are counted in the toolbar. */
  tokenEndpoint: string;
}

export interface Toolbar {
  /** Call once the kit is configured: a linked "expired KS" state plays out once the widgets have loaded. */
  kitLoaded(): Promise<void>;
}

const widgets = (): Element[] => [...document.querySelectorAll(KIT_TAGS.join(','))];

/** An element of the toolbar form, by id. */
function byId<T extends HTMLElement>(form: HTMLFormElement, id: string): T {
  const found = form.querySelector<T>(`#${id}`);
  if (!found) throw new Error(`demo toolbar: no #${id} in index.html`);
  return found;
}

/** Each language named in itself ("Deutsch (Deutschland)", "עברית (ישראל)"), marked with its own lang. */
function fillLanguages(select: HTMLSelectElement): void {
  for (const tag of DEMO_LOCALES) {
    const option = new Option(new Intl.DisplayNames([tag], { type: 'language' }).of(tag) ?? tag, tag);
    option.lang = tag;
    select.append(option);
  }
}

/** Theme, language and direction on the page and on every widget. */
function applyLook(state: DemoState): void {
  const root = document.documentElement;
  // demo.css gives the page the matching color-scheme.
  root.dataset.theme = state.theme;
  if (state.dir === 'auto') root.removeAttribute('dir');
  else root.dir = state.dir;
  for (const widget of widgets()) {
    widget.setAttribute('theme', state.theme);
    widget.setAttribute('lang', state.lang);
    if (state.dir === 'auto') widget.removeAttribute('dir');
    else widget.setAttribute('dir', state.dir);
  }
}

/** Puts every widget back on the page afresh (same attributes and children): each loads again. */
function remount(): Element[] {
  return widgets().map((old) => {
    const fresh = old.cloneNode(true) as Element;
    old.replaceWith(fresh);
    return fresh;
  });
}

/** Resolves once each self-loading widget has shown data or an error (or after a long while). */
function settled(elements: Element[]): Promise<void> {
  const loading = elements.filter((element) => SELF_LOADING.has(element.localName));
  const outcome = (element: Element) =>
    new Promise<void>((done) => {
      element.addEventListener('kal-load', () => done(), { once: true });
      element.addEventListener('kal-error', () => done(), { once: true });
    });
  const timeout = new Promise<void>((done) => setTimeout(done, SETTLE_TIMEOUT_MS));
  return Promise.race([Promise.all(loading.map(outcome)).then(() => undefined), timeout]);
}

/** Counts the token endpoint's calls as the browser makes them, with the reason of the last one. */
function countTokenCalls(tokenEndpoint: string, output: HTMLElement): void {
  const path = new URL(tokenEndpoint, document.baseURI).pathname;
  let count = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const url = new URL(entry.name);
      if (url.pathname !== path) continue;
      count++;
      const reason = url.searchParams.get('reason') ?? '?';
      output.textContent = `Token endpoint: ${count} ${count === 1 ? 'call' : 'calls'} (last reason: ${reason})`;
    }
  }).observe({ type: 'resource' });
}

/**
 * Wires the toolbar and puts the page and the sandbox in the state the URL names. Resolves before the
 * kit loads, so that the widgets' first calls already meet the chosen fault.
 */
export async function startToolbar({ partnerId, tokenEndpoint }: ToolbarOptions): Promise<Toolbar> {
  const form = document.querySelector<HTMLFormElement>('#demo-toolbar');
  if (!form) throw new Error('demo toolbar: no #demo-toolbar in index.html');
  const selects: Record<keyof DemoState, HTMLSelectElement> = {
    theme: byId(form, 'demo-theme'),
    lang: byId(form, 'demo-lang'),
    dir: byId(form, 'demo-dir'),
    fault: byId(form, 'demo-fault'),
  };
  const note = byId(form, 'demo-note');
  const grid = document.querySelector('main') ?? document.body;
  fillLanguages(selects.lang);
  countTokenCalls(tokenEndpoint, byId(form, 'demo-tokens'));

  let state = readState(location.search);
  let kitReady = false;
  for (const key of Object.keys(selects) as Array<keyof DemoState>) selects[key].value = state[key];
  applyLook(state);

  /** One fault change at a time, in the order asked. */
  let queue = Promise.resolve();
  const putInFault = (chosen: Fault) => {
    queue = queue.then(async () => {
      grid.setAttribute('aria-busy', 'true');
      note.textContent = 'Switching the sandbox…';
      try {
        const wasReset = await putSandboxIn(partnerId, chosen);
        if (kitReady) {
          // A reset forgot which KS the widgets hold: they use it once more before it is expired.
          if (chosen === 'expired') {
            if (wasReset) await settled(remount());
            await expireSessions(partnerId);
          }
          remount();
        }
        note.textContent = NOTES[chosen];
      } catch (error) {
        note.textContent = `The sandbox could not be switched: ${error instanceof Error ? error.message : String(error)}`;
      } finally {
        grid.removeAttribute('aria-busy');
      }
    });
    return queue;
  };

  form.addEventListener('submit', (event) => event.preventDefault());
  form.addEventListener('change', (event) => {
    const name = (event.target as HTMLSelectElement).name as keyof DemoState;
    // The selects offer only valid values.
    state = { ...state, [name]: selects[name].value } as DemoState;
    history.replaceState(history.state, '', withState(new URL(location.href), state));
    if (name === 'fault') void putInFault(state.fault);
    else applyLook(state);
  });
  byId(form, 'demo-reload').addEventListener('click', () => void putInFault(state.fault));

  await putInFault(state.fault);
  return {
    async kitLoaded() {
      kitReady = true;
      if (state.fault !== 'expired') return;
      await settled(widgets());
      await putInFault('expired');
    },
  };
}
