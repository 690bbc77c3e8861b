import { type PropertyDeclarations, type PropertyValues, type TemplateResult, html } from 'lit';
import { KalError, toKalError } from '../../api/errors.js';
import { leaderboardMessages } from '../../i18n/elements/leaderboard.js';
import { DataController, type LoadContext, sameArgs } from '../shared/data-controller.js';
import { KalElement } from '../shared/kal-element.js';
import { prefersReducedMotion } from '../shared/reduced-motion.js';
import { themeStyles } from '../shared/theme.styles.js';
import { type Fetched, type View, BoardRows, hasMorePages, readBoard } from './board-model.js';
import {
  DEFAULT_PAGE_SIZE,
  DEFAULT_REFRESH_SECONDS,
  MAX_REFRESH_PAGES,
  type DisplayRow,
  type LeaderboardLayout,
  type ResolveUsers,
  checkSettings,
  pagesOfRows,
  refreshSeconds,
} from './helpers.js';
import { leaderboardStyles } from './kal-leaderboard.styles.js';
import { type BoardText, renderBoard, renderTable } from './leaderboard-view.js';
import type { ScrollLayout } from './scroll-layout.js';

export type { LeaderboardLayout, ResolveUsers, ResolvedUsers } from './helpers.js';

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

  readonly #rows = new BoardRows();
  /** After a refresh's render, slides the rows from where they were (reorder-animation.ts). */
  #slide?: (after: readonly DisplayRow[]) => void;
  /** The locale and number format of the current render: thousands of rows, one formatter. */
  #numbers?: { locale: string; format: Intl.NumberFormat };

  /** The element's text, numbers and dates for the board's templates (leaderboard-view.ts). */
  readonly #text: BoardText = {
    locale: () => this.locale,
    t: (key, params) => this.t(key, params),
    number: (value) => this.formatNumber(value),
    date: (value) => this.formatDate(value),
  };

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
    return [this.leaderboardId, String(this.pageSize), this.layout, this.userId || undefined, this.resolveUsers, ...this.settingsKey()];
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // Another board, page size, tab or layout starts on its first page.
    if ((['leaderboardId', 'pageSize', 'subLeaderboard', 'layout'] as const).some((name) => changed.has(name))) this.pageIndex = 1;
    if (changed.has('resolveUsers')) this.#rows.useResolver(this.resolveUsers);
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
    const sub = this.subLeaderboard ?? '';
    const scroll = settings.layout === 'scroll';
    const pageIndex = scroll ? 1 : this.pageIndex;
    if (!silent) this.#scroll?.cancel();
    // A live refresh may use what another tab (or another widget here) read this interval (tab-share.ts).
    const api = shareAcrossTabsMs > 0 ? { ...this.api(signal), shareAcrossTabsMs } : this.api(signal);
    // A scroll layout's live refresh re-reads the pages in view (silent implies the view).
    const inView = scroll && silent && this.#scroll ? this.#scroll.rowsInView() : undefined;
    const read = await readBoard({
      api,
      settings,
      sub,
      indexes: inView && view ? pagesOfRows(view.pageLengths, inView.first, inView.last, MAX_REFRESH_PAGES) : [pageIndex],
      userId: this.userId,
      // Paging through one board reuses its definition; a first load or a refresh reads it again (its status may change).
      knownBoard: view && !silent && sameArgs(view.inputs, inputs) ? view.board : undefined,
      expectOnPage: silent && !!view && (view.totalCount === 0 || view.rows.some((row) => row.self)),
      scrollLayout: scroll ? this.#loadScrollLayout() : undefined,
      // Loaded with a table's first refresh; not loaded (offline?), the rows just jump, and the next refresh asks again.
      reorder: silent && !scroll && !prefersReducedMotion() ? import('./reorder-animation.js').catch(() => undefined) : undefined,
      resolveNames: (rows) => this.#rows.resolveNames(this.resolveUsers, rows, signal),
    });
    return { ...read, silent, inputs, settings, sub, pageIndex };
  }

  #apply(fetched: Fetched): void {
    const previous = this.view;
    const { view, viewerFrom: from } = this.#rows.merge(fetched, previous);
    const { self } = view;
    // Reduced motion is checked again: it may have been turned on while the rows loaded.
    const animation = fetched.silent && !prefersReducedMotion() ? fetched.reorder : undefined;
    if (animation && previous) this.#slide = animation.prepareSlide(this.renderRoot, previous.rows);
    // The viewer's own movement: announced (politely) and emitted; nobody else's is announced.
    if (self && from !== undefined) {
      this.announcement = this.t(self.rank < from ? 'leaderboard.announceUp' : 'leaderboard.announceDown', { rank: this.formatNumber(self.rank) });
      this.emit('kal-rank-change', { userId: self.userId, from, to: self.rank });
    }
    this.view = view;
    if (!fetched.silent) {
      this.#scroll?.reset();
      this.loaded(view.rows.length);
    }
  }

  // ---- interaction ----

  #selectTab(sub: string): void {
    if ((this.subLeaderboard ?? '') === sub) return;
    this.subLeaderboard = sub || undefined;
  }

  #goToPage(index: number, pages: number): void {
    if (index < 1 || index > pages || index === this.pageIndex) return;
    this.pageIndex = index;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const slide = this.#slide;
    this.#slide = undefined;
    slide?.(this.view?.rows ?? []);
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
    if (!view || !sameArgs(view.inputs, this.#inputs())) return failure === undefined ? this.renderLoading() : this.#renderFailure(failure);
    return renderBoard(this.#text, {
      view,
      panel: this.#renderPanel(view, failure),
      live: this.live,
      direction: this.direction,
      sub: this.subLeaderboard ?? '',
      pageIndex: this.pageIndex,
      busy: this.#data.pending && !this.#data.refreshingRun,
      staleSince: this.#data.staleSince,
      announcement: this.announcement,
      selectTab: (sub) => this.#selectTab(sub),
      goToPage: (page, pages) => this.#goToPage(page, pages),
    });
  }

  /** The rows in their layout, or the empty state, or (a failed run over rows of the same inputs) the error state. */
  #renderPanel(view: View, failure: unknown): TemplateResult {
    if (failure !== undefined) return this.renderError(failure, () => this.#data.retry());
    if (view.rows.length === 0) return this.renderEmpty(this.t(view.board.status === 'scheduled' ? 'leaderboard.emptyScheduled' : 'leaderboard.empty'));
    return view.settings.layout === 'scroll' ? (this.#scroll?.render(view) ?? this.renderLoading()) : renderTable(this.#text, view.rows);
  }

  /**
   * The error state of a board that could not be shown; one that is not there is named (a mistyped
   * `leaderboard-id` shows which), isolated so that its direction cannot turn the sentence around.
   */
  #renderFailure(failure: unknown): TemplateResult {
    const notFound = toKalError(failure).code === 'not-found' && this.leaderboardId;
    return this.renderError(failure, () => this.#data.retry(), notFound ? this.t('leaderboard.notFound', { id: `\u2068${this.leaderboardId}\u2069` }) : undefined);
  }

  /**
   * Downloads the scroll layout (with the virtualizer: its own chunk, fetched only for `layout="scroll"`)
   * once; the scroll layout's first load waits for it with its data.
   */
  #loadScrollLayout(): Promise<void> {
    this.#scrollReady ??= import('./scroll-layout.js').then(
      ({ ScrollLayout }) => {
        this.#scroll = new ScrollLayout(this, {
          view: () => this.view,
          canLoadMore: () => !this.#data.pending || this.#data.refreshingRun,
          hasMore: () => hasMorePages(this.view),
          // Adds the next page of what is shown (unless the board changed meanwhile).
          readMore: async (signal) => {
            const next = await this.#rows.readMore(this.api(signal), signal, this.resolveUsers, () => this.view);
            if (next) this.view = next;
          },
          reportError: (error) => this.reportError(error),
          text: this.#text,
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
}

declare global {
  interface HTMLElementTagNameMap {
    'kal-leaderboard': KalLeaderboard;
  }
}
