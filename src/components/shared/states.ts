import { type TemplateResult, html, nothing, svg } from 'lit';
import type { KalError } from '../../api/errors.js';
import type { MessageKey } from '../../i18n/en.js';

/** What a state says happened; it picks the icon and the title. */
export type StateKind = 'empty' | 'error' | 'offline' | 'setup' | 'not-found' | 'locked' | 'session';

/** The shape a loading skeleton takes: ranked rows, badge cards, or rows with a switch. */
export type SkeletonShape = 'rows' | 'cards' | 'toggles';

// 24×24 line icons (stroke only, so they take the state's colour).
const ICONS: Record<StateKind, TemplateResult> = {
  empty: svg`<path d="M4 13h4l1.5 3h5L16 13h4M5.5 6h13L21 13v6H3v-6z"/>`,
  error: svg`<circle cx="12" cy="12" r="9"/><path d="M12 7.5v5.5M12 16.5v.5"/>`,
  offline: svg`<path d="M3 3l18 18M8.5 8.6A5 5 0 0 0 6.5 18H17M11 5.2A6 6 0 0 1 18.4 10a4 4 0 0 1 2.4 6.6"/>`,
  setup: svg`<path d="M4 7h9M17 7h3M4 17h3M11 17h9"/><circle cx="15" cy="7" r="2"/><circle cx="9" cy="17" r="2"/>`,
  'not-found': svg`<circle cx="10.5" cy="10.5" r="6"/><path d="M15 15l5 5M8.5 10.5h4"/>`,
  locked: svg`<rect x="5" y="10.5" width="14" height="9.5" rx="2"/><path d="M8.5 10.5V8a3.5 3.5 0 0 1 7 0v2.5"/>`,
  session: svg`<circle cx="12" cy="8" r="3.5"/><path d="M5 20a7 7 0 0 1 14 0"/>`,
};

const TITLES: Record<StateKind, MessageKey> = {
  empty: 'state.emptyTitle',
  error: 'state.errorTitle',
  offline: 'state.offlineTitle',
  setup: 'state.setupTitle',
  'not-found': 'state.notFoundTitle',
  locked: 'state.lockedTitle',
  session: 'state.sessionTitle',
};

/** Which kind of state an error is, from what a person can do about it. */
export function kindOf(error: KalError): StateKind {
  if (error.code === 'config') return 'setup';
  if (error.code === 'not-found') return 'not-found';
  if (error.code === 'forbidden') return 'locked';
  if (error.code === 'unauthorized' || error.messageKey === 'error.tokenFailed') return 'session';
  if (error.code === 'network') return 'offline';
  return 'error';
}

/** What a state offers: a button that runs `run`, or a link to `href` (a safe URL). */
export type StateAction = { label: string; run: () => void } | { label: string; href: string };

/**
 * An empty, error or set-up state: an icon, a title, a sentence saying what happened and what to do,
 * and an action when one can help. Errors are alerts; an empty state is plain content.
 */
export function renderState(
  t: (key: MessageKey) => string,
  kind: StateKind,
  text: string,
  action?: StateAction,
  part: string = kind === 'empty' ? 'empty' : 'error',
): TemplateResult {
  return html`<div class="state state--${kind === 'empty' ? 'empty' : 'error'}" part=${part} role=${kind === 'empty' ? nothing : 'alert'}>
    <svg class="state-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">${ICONS[kind]}</svg>
    <p class="state-title">${t(TITLES[kind])}</p>
    <p class="state-text">${text}</p>
    ${action === undefined
      ? nothing
      : 'href' in action
        ? html`<a class="action" part="action" href=${action.href}>${action.label}</a>`
        : html`<button type="button" part="retry" class="secondary" @click=${action.run}>${action.label}</button>`}
  </div>`;
}

/** Placeholder items per shape: enough to read as the data to come without pushing the page around. */
const ITEMS: Record<SkeletonShape, number> = { rows: 5, cards: 3, toggles: 3 };

/**
 * The loading state: a still or gently pulsing outline of the data to come (still under reduced
 * motion), announced once as "Loading…".
 */
export function renderSkeleton(label: string, shape: SkeletonShape): TemplateResult {
  return html`<div class="skeleton skeleton--${shape}" role="status" part="loading">
    <span class="visually-hidden">${label}</span>
    <span class="bone bone--title" aria-hidden="true"></span>
    ${Array.from(
      { length: ITEMS[shape] },
      () => html`<span class="bone-item" aria-hidden="true"><span class="bone bone--lead"></span><span class="bone bone--text"></span><span class="bone bone--end"></span></span>`,
    )}
  </div>`;
}
