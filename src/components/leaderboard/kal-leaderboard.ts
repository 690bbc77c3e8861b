import { type PropertyDeclarations, type PropertyValues, type TemplateResult, html, nothing } from 'lit';
import { KalError, isAbort } from '../../api/errors.js';
import {
  type Leaderboard,
  type ScoreRow,
  getLeaderboard,
  getUserScore,
  listUserScores,
} from '../../api/game.js';
import { findViewer } from '../../api/viewer.js';
import { KalElement } from '../shared/kal-element.js';
import { DataController, type LoadContext, sameArgs } from '../shared/data-controller.js';
import { prefersReducedMotion } from '../shared/reduced-motion.js';
import { safeImageUrl } from '../shared/safe-image-url.js';
import { themeStyles } from '../shared/theme.styles.js';
import {
  DEFAULT_PAGE_SIZE,
  DEFAULT_REFRESH_SECONDS,
  MAX_REFRESH_PAGES,
  type LeaderboardLayout,
  type DisplayRow,
  type LeaderboardSettings,
  type ResolveUsers,
  checkSettings,
  pageStart,
  pagesOfRows,
  privacySafeId,
  refreshSeconds,
  relativeParts,
} from './helpers.js';
import { leaderboardStyles } from './kal-leaderboard.styles.js';
import { loadScrollLayout } from './load-scroll-layout.js';
import type { KnownNames } from './resolve-names.js';
import type { ScrollLayout } from './scroll-layout.js';
import { leaderboardMessages } from '../../i18n/elements/leaderboard.js';

type ReorderAnimation = typeof import('./reorder-animation.js');

export type { LeaderboardLayout, ResolveUsers, ResolvedUsers } from './helpers.js';

/** What both a fetch and the screen know: the inputs and the board they were read for. */
interface BoardState {
  inputs: unknown[];
  settings: LeaderboardSettings;
  sub: string;
  pageIndex: number;
  board: Leaderboard;
  totalCount: number;
  viewerId?: string;
}

/** What one run of the load task fetched. */
interface Fetched extends BoardState {
  silent: boolean;
  pages: Array<{ index: number; rows: ScoreRow[] }>;
  self?: ScoreRow;
  /** Loaded with a table's refresh: its rows slide to their new places. */
  reorder?: ReorderAnimation;
}

/** What is on screen. */
interface View extends BoardState {
  rows: DisplayRow[];
  /** How many rows each loaded page brought (scroll layout: the pages read so far). */
  pageLengths: number[];
  self?: DisplayRow;
  loadedAt: number;
}

/**
 * A ranked list from Game Services: rank, name and score, the viewer's own row highlighted (and
 * pinned below when it is on another page), paging or endless scrolling, sub-leaderboard tabs,
 * status (scheduled, live, final) and live updates that show who moved.
 *
 * Display names are not in score rows: a row's own name field is used when present, else the
 * host's `resolveUsers` (called once per page of rows lacking names), else a privacy-safe form of
 * the user id (never a whole email address).
 *
 * The viewer is `user-id`, else the user of a readable (v1) KS; with an encrypted (v2) USER KS the
 * service is asked for the session's own row and the answer says who the viewer is.
 *
 * Hosts may call `refresh()` to read the rows again now (what `live` does on its timer); the rows stay
 * on screen meanwhile and a failure keeps them, with a quiet "Updated … · retrying" note.
 *
 * @summary A live, accessible leaderboard from Kaltura Game Services.
 *
 * @fires kal-load - Rows are on screen (first load, page or tab change, retry): `{ count }`.
 * @fires kal-error - Loading failed, or an attribute is unusable (`code: 'config'`): `{ code, message, retryable }`. A live refresh that fails emits it once, then retries quietly.
 * @fires kal-rank-change - The viewer's own rank changed: `{ userId, from, to }` (1-based).
 *
 * @csspart title - The leaderboard's name.
 * @csspart status - "Live", "Final results" or "Starts {date}".
 * @csspart note - The quiet "Updated 2 min. ago · retrying" note after a failed live refresh.
 * @csspart tabs - The sub-leaderboard tablist.
 * @csspart tab - Each tab.
 * @csspart table - The table (or, in the scroll layout, the ARIA table).
 * @csspart row - Each ranked row; the viewer's row also has `self`.
 * @csspart self - The viewer's own row (in the list, and pinned).
 * @csspart only-you - The note on the viewer's row when the organiser hides them from other viewers.
 * @csspart pinned - The viewer's row pinned below when it is not in the list shown.
 * @csspart rank - The rank cell.
 * @csspart name - The name cell.
 * @csspart avatar - An avatar image (from a row or `resolveUsers`).
 * @csspart score - The score cell.
 * @csspart movement - The up/down movement marker.
 * @csspart pager - The previous/next pager.
 * @csspart loading - The loading state.
 * @csspart empty - The empty state.
 * @csspart error - The error state.
 * @csspart retry - The retry button.
 *
 * @cssprop --kal-font-family - Text font (default: inherited)
 * @cssprop --kal-color-bg - Background
 * @cssprop --kal-color-surface - Row background
 * @cssprop --kal-color-fg - Main text
 * @cssprop --kal-color-muted - Secondary text (headers, status, pager)
 * @cssprop --kal-color-border - Dividers
 * @cssprop --kal-color-accent - Buttons, selected tab, the viewer's marker, focus ring
 * @cssprop --kal-color-accent-fg - Text on the accent colour
 * @cssprop --kal-color-highlight - The viewer's own row
 * @cssprop --kal-color-success - Moved up, the live dot
 * @cssprop --kal-color-danger - Moved down, errors
 * @cssprop --kal-radius - Corner radius
 * @cssprop --kal-space - Base spacing unit
 * @cssprop --kal-leaderboard-gold - First place marker (default #f2c94c)
 * @cssprop --kal-leaderboard-silver - Second place marker (default #cfd6df)
 * @cssprop --kal-leaderboard-bronze - Third place marker (default #e0a370)
 * @cssprop --kal-leaderboard-scroll-height - Height of the scroll layout's list (default 24rem)
 */
export class KalLeaderboard extends KalElement {
  static override styles = [themeStyles, leaderboardStyles];
  static override messages = leaderboardMessages;
  static override properties: PropertyDeclarations = {
    leaderboardId: { attribute: 'leaderboard-id' },
    pageSize: { attribute: 'page-size' },
    userId: { attribute: 'user-id' },
    subLeaderboard: { attribute: 'sub-leaderboard' },
    live: { type: Boolean, reflect: true },
    refreshInterval: { attribute: 'refresh-interval' },
    layout: {},
    resolveUsers: { attribute: false },
    pageIndex: { state: true },
    view: { state: true },
    announcement: { state: true },
  };

  /** The leaderboard to show (required). */
  leaderboardId?: string;
  /** Rows per page (and per request in the scroll layout): 1–100, default 10. */
  pageSize: string | number = DEFAULT_PAGE_SIZE;
  /** The viewer's Kaltura user id; default: the user of a readable KS, else the session's own row. */
  userId?: string;
  /** The id of a sub-leaderboard to open on (the tabs change it); empty for the overall board. */
  subLeaderboard?: string;
  /** Refresh on a timer (jittered; paused while the tab is hidden or the element is off-screen). */
  live = false;
  /** Seconds between live refreshes: default 30, at least 5 (smaller values are raised to 5). */
  refreshInterval: string | number = DEFAULT_REFRESH_SECONDS;
  /** `table` (pages with previous/next) or `scroll` (loads further pages as the list scrolls, virtualised). */
  layout: LeaderboardLayout = 'table';
  /** Host callback turning user ids into display names (property only). Failures fall back to ids quietly. */
  resolveUsers?: ResolveUsers;

  /** The page asked for (1-based, table layout). */
  private pageIndex = 1;
  private view?: View;
  private announcement = '';
  /** The scroll layout (with the virtualizer), downloaded only when a page uses `layout="scroll"`. */
  #scroll?: ScrollLayout;
  #scrollReady?: Promise<void>;

  #names: KnownNames = new Map();
  #namesFrom?: ResolveUsers;
  #viewerRank?: { inputs: unknown[]; rank: number };
  #flipFrom?: { animation: ReorderAnimation; positions: Map<string, number> };
  /** The locale and number format of the current render: thousands of rows, one formatter. */
  #numbers?: { locale: string; format: Intl.NumberFormat };

  readonly #data = new DataController<Fetched>(this, {
    // The interval is checked with the other attributes, but changing it only re-reads in place.
    args: () => [...this.#inputs(), String(this.refreshInterval), this.subLeaderboard ?? '', this.pageIndex],
    refreshing: () => this.#rereadsView(),
    load: (_args, context) => this.#fetchView(context),
    apply: (fetched) => this.#apply(fetched),
    report: (error) => this.reportError(error),
    live: {
      enabled: () => this.live && !!this.view && this.view.board.status !== 'disabled',
      intervalSeconds: () => refreshSeconds(this.refreshInterval),
    },
  });

  /**
   * Reads the rows shown again now, keeping them on screen meanwhile (what `live` does on its timer).
   * Resolves when the refresh has finished, whether it succeeded or not.
   */
  refresh(): Promise<void> {
    return this.#data.refresh();
  }

  /** What, besides the tab and page, decides what is shown: any change starts afresh. */
  #inputs(): unknown[] {
    return [
      this.leaderboardId,
      String(this.pageSize),
      this.layout,
      this.userId || undefined,
      this.resolveUsers,
      ...this.settingsKey(),
    ];
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (
      changed.has('leaderboardId') ||
      changed.has('pageSize') ||
      changed.has('subLeaderboard') ||
      changed.has('layout')
    ) {
      this.pageIndex = 1;
    }
    if (changed.has('resolveUsers') && this.resolveUsers !== this.#namesFrom) {
      this.#names.clear();
      this.#namesFrom = this.resolveUsers;
      // Fetched now, alongside the token and the rows (the browser keeps the module once loaded).
      if (typeof this.resolveUsers === 'function') void import('./resolve-names.js').catch(() => undefined);
    }
  }

  // ---- data ----

  /** Whether a run now reads again the rows on screen: same board, tab and page (any page when scrolling). */
  #rereadsView(): boolean {
    const view = this.view;
    const scroll = this.layout === 'scroll';
    return !!view && sameArgs(view.inputs, this.#inputs()) && view.sub === (this.subLeaderboard ?? '') && (scroll || view.pageIndex === this.pageIndex);
  }

  async #fetchView({ signal, refreshing: silent, shareAcrossTabsMs }: LoadContext): Promise<Fetched> {
    const settings = checkSettings({
      leaderboardId: this.leaderboardId,
      pageSize: this.pageSize,
      refreshInterval: this.refreshInterval,
      layout: this.layout,
    });
    const inputs = this.#inputs();
    const view = this.view;
    const sameInputs = !!view && sameArgs(view.inputs, inputs);
    const sub = this.subLeaderboard ?? '';
    const scroll = settings.layout === 'scroll';
    const pageIndex = scroll ? 1 : this.pageIndex;
    if (!silent) this.#scroll?.cancel();

    // A live refresh may use what another tab (or another widget here) read this interval (tab-share.ts).
    const api = shareAcrossTabsMs > 0 ? { ...this.api(signal), shareAcrossTabsMs } : this.api(signal);
    const query = (index: number) =>
      listUserScores(api, {
        leaderboardId: settings.leaderboardId,
        pageIndex: index,
        pageSize: settings.pageSize,
        subLeaderboardId: sub || undefined,
      });

    // Paging through one board reuses its definition; a first load or a refresh reads it again
    // (its status may have changed). A sub-leaderboard asked by attribute is checked first.
    let board: Leaderboard | undefined = sameInputs && !silent ? view.board : undefined;
    if (!board && sub) board = await getLeaderboard(api, settings.leaderboardId);
    if (board && sub && !board.subLeaderboards.some((candidate) => candidate.id === sub)) {
      throw new KalError(
        'config',
        `kal-leaderboard: "${settings.leaderboardId}" has no sub-leaderboard "${sub}"` +
          ` (it has: ${board.subLeaderboards.map((candidate) => candidate.id).join(', ') || 'none'})`,
      );
    }
    // A scroll layout's live refresh re-reads the pages in view (silent implies the view).
    const inView = scroll && silent && this.#scroll ? this.#scroll.rowsInView() : undefined;
    const indexes = inView && view ? pagesOfRows(view.pageLengths, inView.first, inView.last, MAX_REFRESH_PAGES) : [pageIndex];
    const viewer = findViewer(api, this.userId);
    const listed = Promise.all(indexes.map((index) => query(index)));
    // The viewer's own row (overall board only: sub-leaderboard rows are segments) is read alongside
    // the page, not after it: one round trip instead of two. Skipped when a refresh can expect the
    // viewer on the page again, or the board had no scores; then it is read after, if needed.
    const ownRow = (viewerId: string | undefined) =>
      getUserScore(api, settings.leaderboardId, viewerId, listed).catch((error: unknown) => {
        if (isAbort(error)) throw error;
        return undefined; // The board is worth showing without the viewer's row.
      });
    const expectOnPage = silent && !!view && (view.totalCount === 0 || view.rows.some((row) => row.self));
    const [resolvedBoard, , ksViewer, pages, early, reorder] = await Promise.all([
      board ?? getLeaderboard(api, settings.leaderboardId),
      scroll ? this.#loadScrollLayout() : undefined,
      viewer,
      listed,
      sub || expectOnPage ? undefined : viewer.then(ownRow),
      // The animation never holds the rows back: without it by the time they arrive, this refresh skips it.
      silent && !scroll && !prefersReducedMotion() ? Promise.race([this.#loadReorder(), listed.then(() => undefined, () => undefined)]) : undefined,
    ]);
    const totalCount = pages[0]?.totalCount ?? 0;

    // The viewer's own row: on the overall board only (sub-leaderboard rows are segments).
    let viewerId = ksViewer;
    let self: ScoreRow | undefined;
    if (!sub && totalCount > 0) {
      const fetchedRows = pages.flatMap((page) => page.rows);
      self = viewerId ? fetchedRows.find((row) => row.userId === viewerId) : undefined;
      if (!self) {
        self = expectOnPage ? await ownRow(viewerId) : early;
        if (self && viewerId && self.userId !== viewerId) self = undefined;
        viewerId ??= self?.userId;
      }
    }
    if (!sub) await this.#resolveNames([...pages.flatMap((page) => page.rows), ...(self ? [self] : [])], signal);

    return {
      silent,
      inputs,
      settings,
      sub,
      pageIndex,
      board: resolvedBoard,
      totalCount,
      pages: pages.map((page, i) => ({ index: indexes[i] ?? 1, rows: page.rows })),
      self,
      viewerId: viewerId || undefined,
      reorder,
    };
  }

  /**
   * Asks the host for the names these rows lack, once (resolve-names.ts). That code is loaded only
   * when a `resolveUsers` is set, from the moment it is (alongside the token and the rows), like the
   * scroll layout. Not loaded (offline?): the ids stay, and the next page or refresh tries again.
   */
  async #resolveNames(rows: ScoreRow[], signal: AbortSignal): Promise<void> {
    const resolver = this.resolveUsers;
    if (typeof resolver !== 'function') return;
    const module = await import('./resolve-names.js').catch(() => undefined);
    await module?.resolveNames(resolver, rows, this.#names, signal);
  }

  #decorate(row: ScoreRow, sub: string, viewerId: string | undefined, oldRanks?: Map<string, number>): DisplayRow {
    const resolved = sub ? undefined : this.#names.get(row.userId);
    const label = row.name || resolved?.name || privacySafeId(row.userId);
    const avatar = safeImageUrl(row.avatarUrl) ?? resolved?.avatar;
    const before = oldRanks ? (oldRanks.get(row.userId) ?? row.oldRank) : undefined;
    const move = before === undefined ? 0 : before - row.rank;
    return {
      ...row,
      label,
      avatar,
      self: !sub && viewerId !== undefined && row.userId === viewerId,
      move: move || undefined,
    };
  }

  #apply(fetched: Fetched): void {
    const previous = this.view;
    const { silent, sub, viewerId, settings } = fetched;
    const oldRanks = silent && previous ? new Map(previous.rows.map((row) => [row.userId, row.rank])) : undefined;
    if (oldRanks && previous?.self && !oldRanks.has(previous.self.userId)) oldRanks.set(previous.self.userId, previous.self.rank);
    const decorate = (row: ScoreRow) => this.#decorate(row, sub, viewerId, oldRanks);

    let rows: DisplayRow[];
    let pageLengths: number[];
    if (settings.layout === 'scroll' && silent && previous) {
      // Each refreshed page replaces the rows it brought last time (pages may be short: hidden people).
      rows = previous.rows.slice();
      pageLengths = previous.pageLengths.slice();
      for (const page of fetched.pages) {
        if (page.index - 1 > pageLengths.length) continue;
        rows.splice(pageStart(pageLengths, page.index), pageLengths[page.index - 1] ?? 0, ...page.rows.map(decorate));
        pageLengths[page.index - 1] = page.rows.length;
      }
    } else {
      rows = fetched.pages.flatMap((page) => page.rows.map(decorate));
      pageLengths = fetched.pages.map((page) => page.rows.length);
    }
    const onList = fetched.self ? rows.find((row) => row.userId === fetched.self?.userId) : undefined;
    const self = onList ?? (fetched.self ? decorate(fetched.self) : undefined);

    // Reduced motion is checked again: it may have been turned on while the rows loaded.
    const animation = silent && !prefersReducedMotion() ? fetched.reorder : undefined;
    if (animation && previous) this.#flipFrom = { animation, positions: animation.rowPositions(this.renderRoot, previous.rows) };

    // The viewer's own movement: announced (politely) and emitted; nobody else's is announced.
    if (self && !sub) {
      const before = this.#viewerRank && sameArgs(this.#viewerRank.inputs, fetched.inputs) ? this.#viewerRank.rank : undefined;
      if (before !== undefined && before !== self.rank) {
        this.announcement = this.t(self.rank < before ? 'leaderboard.announceUp' : 'leaderboard.announceDown', {
          rank: this.formatNumber(self.rank),
        });
        this.emit('kal-rank-change', { userId: self.userId, from: before, to: self.rank });
      }
      this.#viewerRank = { inputs: fetched.inputs, rank: self.rank };
    }

    this.view = {
      inputs: fetched.inputs,
      settings,
      sub,
      pageIndex: fetched.pageIndex,
      board: fetched.board,
      totalCount: settings.layout === 'scroll' && silent && previous ? Math.max(fetched.totalCount, rows.length) : fetched.totalCount,
      rows,
      pageLengths,
      self,
      viewerId,
      loadedAt: Date.now(),
    };
    if (!silent) {
      this.#scroll?.reset();
      this.loaded(rows.length);
    }
  }

  /** Scroll layout: whether the service has more than the pages read so far. */
  #hasMore(): boolean {
    const view = this.view;
    return !!view && view.pageLengths.length * view.settings.pageSize < view.totalCount;
  }

  /** Scroll layout: reads the next page of what is shown and adds it (unless the board changed meanwhile). */
  async #readMore(signal: AbortSignal): Promise<void> {
    const view = this.view;
    if (!view) return;
    const { settings, sub } = view;
    const index = view.pageLengths.length + 1;
    try {
      const page = await listUserScores(this.api(signal), {
        leaderboardId: settings.leaderboardId,
        pageIndex: index,
        pageSize: settings.pageSize,
        subLeaderboardId: sub || undefined,
      });
      if (!sub) await this.#resolveNames(page.rows, signal);
      const current = this.view;
      if (signal.aborted || !current || !sameArgs(current.inputs, view.inputs) || current.sub !== sub) return;
      const rows = current.rows.slice(0, pageStart(current.pageLengths, index)).concat(page.rows.map((row) => this.#decorate(row, sub, current.viewerId)));
      const pageLengths = [...current.pageLengths.slice(0, index - 1), page.rows.length];
      this.view = { ...current, rows, pageLengths, totalCount: Math.max(page.totalCount, rows.length) };
    } catch (error) {
      // Joined a shared request that someone else cancelled: not a failure of this list.
      if (!isAbort(error)) throw error;
    }
  }

  // ---- interaction ----

  #selectTab(sub: string): void {
    if ((this.subLeaderboard ?? '') === sub) return;
    this.subLeaderboard = sub || undefined;
  }

  #onTabKeydown(event: KeyboardEvent): void {
    const tabs = [...this.renderRoot.querySelectorAll<HTMLButtonElement>('[role=tab]')];
    const current = tabs.indexOf((event.target as HTMLElement).closest<HTMLButtonElement>('[role=tab]')!);
    if (current < 0 || tabs.length === 0) return;
    const step = this.direction === 'rtl' ? -1 : 1;
    let next: number;
    switch (event.key) {
      case 'ArrowRight':
        next = current + step;
        break;
      case 'ArrowLeft':
        next = current - step;
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = tabs.length - 1;
        break;
      default:
        return;
    }
    event.preventDefault();
    const target = tabs[(next + tabs.length) % tabs.length]!;
    target.focus();
    this.#selectTab(target.dataset.sub ?? '');
  }

  #goToPage(index: number, pages: number): void {
    if (index < 1 || index > pages || index === this.pageIndex) return;
    this.pageIndex = index;
  }

  // ---- reordering animation (reorder-animation.ts) ----

  /**
   * The animation, loaded with a table's first refresh (alongside its data); undefined when it could
   * not be (the browser keeps the module once loaded, and asks again after a failure).
   */
  #loadReorder(): Promise<ReorderAnimation | undefined> {
    return import('./reorder-animation.js').catch(() => undefined);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const from = this.#flipFrom;
    this.#flipFrom = undefined;
    if (from) from.animation.slideRows(this.renderRoot, this.view?.rows ?? [], from.positions);
  }

  // ---- rendering ----

  protected override formatNumber(value: number, options?: Intl.NumberFormatOptions): string {
    return options || !this.#numbers ? super.formatNumber(value, options) : this.#numbers.format.format(value);
  }

  override render(): TemplateResult {
    const locale = this.locale;
    if (this.#numbers?.locale !== locale) this.#numbers = { locale, format: new Intl.NumberFormat(locale) };
    return html`<div class="root" dir=${this.direction} lang=${locale}>${this.#renderContent()}</div>`;
  }

  #renderContent(): TemplateResult {
    const view = this.view;
    const { failure } = this.#data;
    const failed = failure !== undefined;
    if (!view || !sameArgs(view.inputs, this.#inputs())) {
      if (failed) return this.renderError(failure, () => this.#data.retry());
      return this.renderLoading();
    }
    const busy = this.#data.pending && !this.#data.refreshingRun;
    const tabs = view.board.subLeaderboards;
    const activeSub = this.subLeaderboard ?? '';
    const activeTab = Math.max(0, tabs.findIndex((tab) => tab.id === activeSub) + 1);
    const pages = Math.max(1, Math.ceil(view.totalCount / view.settings.pageSize));
    const selfOnList = !!view.self && view.rows.some((row) => row.self);
    return html`
      <div class="head">
        <h3 class="title" id="title" part="title">${view.board.name}</h3>
        ${this.#renderStatus(view.board)}
      </div>
      ${this.#data.staleSince !== undefined ? this.#renderStale(this.#data.staleSince) : nothing}
      ${tabs.length > 0
        ? html`<div class="tabs" role="tablist" part="tabs" aria-label=${this.t('leaderboard.tabs')} @keydown=${this.#onTabKeydown}>
            ${[{ id: '', name: this.t('leaderboard.overall') }, ...tabs].map(
              (tab, index) => html`<button
                type="button"
                role="tab"
                part="tab"
                id=${`tab-${index}`}
                data-sub=${tab.id}
                aria-selected=${index === activeTab ? 'true' : 'false'}
                aria-controls="panel"
                tabindex=${index === activeTab ? '0' : '-1'}
                @click=${() => this.#selectTab(tab.id)}
              >
                ${tab.name}
              </button>`,
            )}
          </div>`
        : nothing}
      <div
        class="panel"
        id="panel"
        role=${tabs.length > 0 ? 'tabpanel' : nothing}
        aria-labelledby=${tabs.length > 0 ? `tab-${activeTab}` : nothing}
        aria-busy=${busy ? 'true' : 'false'}
      >
        ${failed
          ? this.renderError(failure, () => this.#data.retry())
          : view.rows.length === 0
            ? this.renderEmpty(this.t(view.board.status === 'scheduled' ? 'leaderboard.emptyScheduled' : 'leaderboard.empty'))
            : view.settings.layout === 'scroll'
              ? (this.#scroll?.render(view) ?? this.renderLoading())
              : this.#renderTable(view)}
      </div>
      ${view.self && !selfOnList && !view.sub && view.rows.length > 0 ? this.#renderPinned(view.self) : nothing}
      ${view.settings.layout === 'table' && (view.totalCount > view.settings.pageSize || this.pageIndex > 1)
        ? this.#renderPager(pages)
        : nothing}
      <div class="visually-hidden" aria-live="polite" aria-atomic="true">${this.announcement}</div>
    `;
  }

  #renderStatus(board: Leaderboard): TemplateResult | typeof nothing {
    if (board.status === 'scheduled') {
      return board.startDate
        ? html`<p class="status status--scheduled" part="status">
            ${this.t('leaderboard.statusStarts', { date: this.formatDate(board.startDate) })}
          </p>`
        : nothing;
    }
    if (board.status === 'disabled') {
      return html`<p class="status status--final" part="status">${this.t('leaderboard.statusFinal')}</p>`;
    }
    return this.live ? html`<p class="status status--live" part="status">${this.t('leaderboard.statusLive')}</p>` : nothing;
  }

  #renderStale(since: number): TemplateResult {
    const [value, unit] = relativeParts(Date.now() - since);
    const ago = new Intl.RelativeTimeFormat(this.locale, { numeric: 'auto', style: 'short' }).format(value, unit);
    return html`<p class="note" part="note">${this.t('state.updatedAgo', { ago })}</p>`;
  }

  #renderTable(view: View): TemplateResult {
    return html`<table part="table" aria-labelledby="title">
      <colgroup>
        <col class="col-rank" />
        <col />
        <col class="col-score" />
      </colgroup>
      <thead>
        <tr>
          <th scope="col">${this.t('leaderboard.colRank')}</th>
          <th scope="col">${this.t('leaderboard.colName')}</th>
          <th scope="col" class="score">${this.t('leaderboard.colScore')}</th>
        </tr>
      </thead>
      <tbody>
        ${view.rows.map(
          (row) => html`<tr
            part=${row.self ? 'row self' : 'row'}
            class=${this.#rowClass(row)}
            aria-current=${row.self ? 'true' : nothing}
          >
            <td class="rank" part="rank">${this.#renderRank(row)}</td>
            <td class="name" part="name">${this.#renderName(row)}</td>
            <td class="score" part="score">${this.formatNumber(row.score)}</td>
          </tr>`,
        )}
      </tbody>
    </table>`;
  }

  /** Downloads the scroll layout once; the scroll layout's first load waits for it with its data. */
  #loadScrollLayout(): Promise<void> {
    this.#scrollReady ??= loadScrollLayout().then(
      ({ ScrollLayout }) => {
        this.#scroll = new ScrollLayout(this, {
          view: () => this.view,
          canLoadMore: () => !this.#data.pending || this.#data.refreshingRun,
          hasMore: () => this.#hasMore(),
          readMore: (signal) => this.#readMore(signal),
          reportError: (error) => this.reportError(error),
          text: (key) => this.t(key),
          rowClass: (row) => this.#rowClass(row),
          rank: (row) => this.#renderRank(row),
          name: (row) => this.#renderName(row),
          score: (row) => this.formatNumber(row.score),
        });
      },
      (error: unknown) => {
        this.#scrollReady = undefined;
        const reason = error instanceof Error ? error.message : String(error);
        throw new KalError('network', `kal-leaderboard: the scroll layout could not be loaded (${reason})`);
      },
    );
    return this.#scrollReady;
  }

  #rowClass(row: DisplayRow): string {
    const top = row.rank >= 1 && row.rank <= 3 ? ` top top-${row.rank}` : '';
    return `row${top}${row.self ? ' self' : ''}${row.move !== undefined ? ' moved' : ''}`;
  }

  #renderRank({ rank, move }: DisplayRow): TemplateResult {
    // The first three are read out as "1st place" (…) instead of the number.
    const podium = rank === 1 || rank === 2 || rank === 3;
    return html`<span class="place" aria-hidden=${podium ? 'true' : nothing}>${this.formatNumber(rank)}</span>${podium
        ? html`<span class="visually-hidden">${this.t(`leaderboard.place${rank}`)}</span>`
        : nothing}${this.#renderMove(move)}`;
  }

  #renderMove(move: number | undefined): TemplateResult | typeof nothing {
    if (!move) return nothing;
    const up = move > 0;
    const count = this.formatNumber(Math.abs(move));
    return html`<span class="move ${up ? 'move--up' : 'move--down'}" part="movement"
      ><span aria-hidden="true">${up ? '▲' : '▼'}${count}</span
      ><span class="visually-hidden">${this.t(up ? 'leaderboard.movedUp' : 'leaderboard.movedDown', { count })}</span></span
    >`;
  }

  /**
   * The avatar and name, "You" on the viewer's row in the list (`you`; not on the pinned row), and a
   * note when the organiser hides the viewer from everyone else (`do_not_display`).
   */
  #renderName(row: DisplayRow, you = row.self): TemplateResult {
    return html`<span class="name-inner"
      >${row.avatar ? html`<img class="avatar" part="avatar" src=${row.avatar} alt="" loading="lazy" />` : nothing}<span
        >${row.label}</span
      >${you ? html`<span class="you">${this.t('leaderboard.you')}</span>` : nothing}</span
    >${row.hiddenFromOthers ? html`<span class="only-you" part="only-you">${this.t('leaderboard.onlyYou')}</span>` : nothing}`;
  }

  #renderPinned(self: DisplayRow): TemplateResult {
    return html`<div class="pinned" part="row self pinned">
      <span class="rank" part="rank">${this.t('leaderboard.youAt', { rank: this.formatNumber(self.rank) })}${this.#renderMove(self.move)}</span>
      <span class="name" part="name">${this.#renderName(self, false)}</span>
      <span class="score" part="score">${this.formatNumber(self.score)}</span>
    </div>`;
  }

  #renderPager(pages: number): TemplateResult {
    const page = Math.min(this.pageIndex, pages);
    const atStart = page <= 1;
    const atEnd = page >= pages;
    return html`<nav class="pager" part="pager" aria-label=${this.t('leaderboard.pager')}>
      <button
        type="button"
        class="secondary"
        data-page="previous"
        aria-disabled=${atStart ? 'true' : 'false'}
        @click=${() => this.#goToPage(page - 1, pages)}
      >
        ${this.t('leaderboard.previous')}
      </button>
      <p>${this.t('leaderboard.pageOf', { page: this.formatNumber(page), pages: this.formatNumber(pages) })}</p>
      <button
        type="button"
        class="secondary"
        data-page="next"
        aria-disabled=${atEnd ? 'true' : 'false'}
        @click=${() => this.#goToPage(page + 1, pages)}
      >
        ${this.t('leaderboard.next')}
      </button>
    </nav>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kal-leaderboard': KalLeaderboard;
  }
}
