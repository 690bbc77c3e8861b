import { type TemplateResult, html, nothing } from 'lit';
import type { Leaderboard } from '../../api/game.js';
import type { MessageKey } from '../../i18n/en.js';
import type { MessageParams } from '../../i18n/localize.js';
import type { View } from './board-model.js';
import { type DisplayRow, relativeParts } from './helpers.js';

/** What the leaderboard's templates need from the element: its text, numbers and dates, in its language. */
export interface BoardText {
  locale(): string;
  t(key: MessageKey, params?: MessageParams): string;
  number(value: number): string;
  date(value: Date): string;
}

// The leaderboard's templates: what a board, its rows and its controls look like. The element
// decides what to show (kal-leaderboard.ts); the scroll layout reuses the row parts.

/** A board on screen, as the element hands it to `renderBoard`. */
export interface BoardScreen {
  view: View;
  /** What the panel holds: the rows (table or scroll layout), the empty state, or a failed run's error state. */
  panel: TemplateResult;
  live: boolean;
  direction: 'ltr' | 'rtl';
  /** The open tab: a sub-leaderboard's id, '' for the overall board. */
  sub: string;
  /** The page asked for (table layout). */
  pageIndex: number;
  /** A run that replaces the rows is under way. */
  busy: boolean;
  /** Set while live refreshes fail: when the rows shown were read. */
  staleSince: number | undefined;
  /** The viewer's own move, read out politely. */
  announcement: string;
  selectTab: (sub: string) => void;
  goToPage: (page: number, pages: number) => void;
}

/** A board: its name and status, the tabs, the panel, the viewer's row pinned below it when not on the list, and the pager. */
export function renderBoard(text: BoardText, screen: BoardScreen): TemplateResult {
  const { view, pageIndex } = screen;
  const tabs = view.board.subLeaderboards;
  const activeTab = Math.max(0, tabs.findIndex((tab) => tab.id === screen.sub) + 1);
  const pages = Math.max(1, Math.ceil(view.totalCount / view.settings.pageSize));
  const selfOnList = !!view.self && view.rows.some((row) => row.self);
  return html`
    <div class="head">
      <h3 class="title" id="title" part="title">${view.board.name}</h3>
      ${renderStatus(text, view.board, screen.live)}
    </div>
    ${screen.staleSince !== undefined ? renderStale(text, screen.staleSince) : nothing}
    ${tabs.length > 0 ? renderTabs(text, [{ id: '', name: text.t('leaderboard.overall') }, ...tabs], activeTab, screen.direction, screen.selectTab) : nothing}
    <div
      class="panel"
      id="panel"
      role=${tabs.length > 0 ? 'tabpanel' : nothing}
      aria-labelledby=${tabs.length > 0 ? `tab-${activeTab}` : nothing}
      aria-busy=${screen.busy ? 'true' : 'false'}
    >
      ${screen.panel}
    </div>
    ${view.self && !selfOnList && !view.sub && view.rows.length > 0 ? renderPinned(text, view.self) : nothing}
    ${view.settings.layout === 'table' && (view.totalCount > view.settings.pageSize || pageIndex > 1)
      ? renderPager(text, Math.min(pageIndex, pages), pages, (page) => screen.goToPage(page, pages))
      : nothing}
    <div class="visually-hidden" aria-live="polite" aria-atomic="true">${screen.announcement}</div>
  `;
}

export function rowClass(row: DisplayRow): string {
  const top = row.rank >= 1 && row.rank <= 3 ? ` top top-${row.rank}` : '';
  return `row${top}${row.self ? ' self' : ''}${row.move !== undefined ? ' moved' : ''}`;
}

export function renderRank(text: BoardText, { rank, move }: DisplayRow): TemplateResult {
  // The first three are read out as "1st place" (…) instead of the number.
  const podium = rank === 1 || rank === 2 || rank === 3;
  return html`<span class="place" aria-hidden=${podium ? 'true' : nothing}>${text.number(rank)}</span>${podium
      ? html`<span class="visually-hidden">${text.t(`leaderboard.place${rank}`)}</span>`
      : nothing}${renderMove(text, move)}`;
}

function renderMove(text: BoardText, move: number | undefined): TemplateResult | typeof nothing {
  if (!move) return nothing;
  const up = move > 0;
  const count = text.number(Math.abs(move));
  return html`<span class="move ${up ? 'move--up' : 'move--down'}" part="movement"
    ><span aria-hidden="true">${up ? '▲' : '▼'}${count}</span
    ><span class="visually-hidden">${text.t(up ? 'leaderboard.movedUp' : 'leaderboard.movedDown', { count })}</span></span
  >`;
}

/**
 * The avatar and name, "You" on the viewer's row in the list (`you`; not on the pinned row), and a
 * note when the organiser hides the viewer from everyone else (`do_not_display`).
 */
export function renderName(text: BoardText, row: DisplayRow, you = row.self): TemplateResult {
  return html`<span class="name-inner"
    >${row.avatar ? html`<img class="avatar" part="avatar" src=${row.avatar} alt="" loading="lazy" />` : nothing}<span class="label" dir="auto" title=${row.label}
      >${row.label}</span
    >${you ? html`<span class="you">${text.t('leaderboard.you')}</span>` : nothing}</span
  >${row.hiddenFromOthers ? html`<span class="only-you" part="only-you">${text.t('leaderboard.onlyYou')}</span>` : nothing}`;
}

export function renderTable(text: BoardText, rows: readonly DisplayRow[]): TemplateResult {
  return html`<table part="table" aria-labelledby="title">
    <colgroup>
      <col class="col-rank" />
      <col />
      <col class="col-score" />
    </colgroup>
    <thead>
      <tr>
        <th scope="col">${text.t('leaderboard.colRank')}</th>
        <th scope="col">${text.t('leaderboard.colName')}</th>
        <th scope="col" class="score">${text.t('leaderboard.colScore')}</th>
      </tr>
    </thead>
    <tbody>
      ${rows.map(
        (row) => html`<tr part=${row.self ? 'row self' : 'row'} class=${rowClass(row)} aria-current=${row.self ? 'true' : nothing}>
          <td class="rank" part="rank">${renderRank(text, row)}</td>
          <td class="name" part="name">${renderName(text, row)}</td>
          <td class="score" part="score">${text.number(row.score)}</td>
        </tr>`,
      )}
    </tbody>
  </table>`;
}

function renderPinned(text: BoardText, self: DisplayRow): TemplateResult {
  return html`<div class="pinned" part="row self pinned">
    <span class="rank" part="rank">${text.t('leaderboard.youAt', { rank: text.number(self.rank) })}${renderMove(text, self.move)}</span>
    <span class="name" part="name">${renderName(text, self, false)}</span>
    <span class="score" part="score">${text.number(self.score)}</span>
  </div>`;
}

/** Not started (with its date), final, or live (when the element refreshes). */
function renderStatus(text: BoardText, board: Leaderboard, live: boolean): TemplateResult | typeof nothing {
  if (board.status === 'scheduled') {
    return board.startDate
      ? html`<p class="status status--scheduled" part="status">${text.t('leaderboard.statusStarts', { date: text.date(board.startDate) })}</p>`
      : nothing;
  }
  if (board.status === 'disabled') return html`<p class="status status--final" part="status">${text.t('leaderboard.statusFinal')}</p>`;
  return live ? html`<p class="status status--live" part="status">${text.t('leaderboard.statusLive')}</p>` : nothing;
}

/** The quiet note of a live board whose refreshes fail: how old the rows shown are. */
function renderStale(text: BoardText, since: number): TemplateResult {
  const [value, unit] = relativeParts(Date.now() - since);
  const ago = new Intl.RelativeTimeFormat(text.locale(), { numeric: 'auto', style: 'short' }).format(value, unit);
  return html`<p class="note" part="note">${text.t('state.updatedAgo', { ago })}</p>`;
}

function renderPager(text: BoardText, page: number, pages: number, goTo: (page: number) => void): TemplateResult {
  const atStart = page <= 1;
  const atEnd = page >= pages;
  return html`<nav class="pager" part="pager" aria-label=${text.t('leaderboard.pager')}>
    <button type="button" class="secondary" data-page="previous" aria-disabled=${atStart ? 'true' : 'false'} @click=${() => goTo(page - 1)}>
      ${text.t('leaderboard.previous')}
    </button>
    <p>${text.t('leaderboard.pageOf', { page: text.number(page), pages: text.number(pages) })}</p>
    <button type="button" class="secondary" data-page="next" aria-disabled=${atEnd ? 'true' : 'false'} @click=${() => goTo(page + 1)}>
      ${text.t('leaderboard.next')}
    </button>
  </nav>`;
}

/**
 * The overall board and its sub-leaderboards as tabs: arrow keys (mirrored right-to-left), Home and
 * End move between them and select, as the ARIA tabs pattern has it.
 */
function renderTabs(
  text: BoardText,
  tabs: ReadonlyArray<{ id: string; name: string }>,
  active: number,
  direction: 'ltr' | 'rtl',
  select: (sub: string) => void,
): TemplateResult {
  const onKeydown = (event: KeyboardEvent) => {
    const buttons = [...(event.currentTarget as HTMLElement).querySelectorAll<HTMLButtonElement>('[role=tab]')];
    const current = buttons.indexOf((event.target as HTMLElement).closest<HTMLButtonElement>('[role=tab]')!);
    const step = direction === 'rtl' ? -1 : 1;
    const moves = new Map([['ArrowRight', current + step], ['ArrowLeft', current - step], ['Home', 0], ['End', buttons.length - 1]]);
    const next = moves.get(event.key);
    if (current < 0 || next === undefined) return;
    event.preventDefault();
    const target = buttons[(next + buttons.length) % buttons.length]!;
    target.focus();
    select(target.dataset.sub ?? '');
  };
  return html`<div class="tabs" role="tablist" part="tabs" aria-label=${text.t('leaderboard.tabs')} @keydown=${onKeydown}>
    ${tabs.map(
      (tab, index) => html`<button
        type="button"
        role="tab"
        part="tab"
        id=${`tab-${index}`}
        data-sub=${tab.id}
        aria-selected=${index === active ? 'true' : 'false'}
        aria-controls="panel"
        tabindex=${index === active ? '0' : '-1'}
        title=${tab.name}
        @click=${() => select(tab.id)}
      >
        ${tab.name}
      </button>`,
    )}
  </div>`;
}
