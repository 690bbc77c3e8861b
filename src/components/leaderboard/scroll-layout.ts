import type { RangeChangedEvent, VisibilityChangedEvent } from '@lit-labs/virtualizer/events.js';
import { virtualize } from '@lit-labs/virtualizer/virtualize.js';
import {
  type ReactiveController,
  type ReactiveElement,
  type TemplateResult,
  adoptStyles,
  css,
  html,
  nothing,
} from 'lit';
import type { DisplayRow } from './helpers.js';
import { type BoardText, renderName, renderRank, rowClass } from './leaderboard-view.js';

// The leaderboard's `layout="scroll"`: a virtualised ARIA table that loads further pages as it
// scrolls. Downloaded (with the virtualizer) only by pages that use it; the element keeps the data
// logic and hands this module what it needs to read more rows; the rows look as the table's
// (leaderboard-view.ts).

/** How close to the end of the loaded rows (in rows, at least) the next page is asked for. */
const LOAD_AHEAD_ROWS = 10;
/** What the scroll layout shows: the rows loaded so far, of how many. */
export interface ScrollView {
  rows: DisplayRow[];
  totalCount: number;
  settings: { pageSize: number };
}

/** What the leaderboard lends its scroll layout. */
export interface ScrollParts {
  view(): ScrollView | undefined;
  /** False while the board itself is (re)loading: no further page then. */
  canLoadMore(): boolean;
  /** Whether the service has rows beyond the pages loaded. */
  hasMore(): boolean;
  /** Reads the next page and adds it to the view; an aborted read resolves quietly. */
  readMore(signal: AbortSignal): Promise<void>;
  reportError(error: unknown): void;
  /** The element's text and numbers, in its language. */
  text: BoardText;
}

const scrollStyles = css`
  .grid {
    font-variant-numeric: tabular-nums;
  }

  .grid-row {
    display: grid;
    grid-template-columns: 6.5em 1fr 8em;
    align-items: center;
    inline-size: 100%;
    padding-block-end: 2px;
  }

  .cell {
    padding-block: calc(var(--_space) * 0.75);
    padding-inline: var(--_space);
    background: var(--_surface);
    block-size: 100%;
    display: flex;
    align-items: center;
  }

  .grid-row.head .cell {
    font-size: 0.8125em;
    font-weight: 600;
    color: var(--_muted);
    background: transparent;
  }

  .cell.score {
    justify-content: flex-end;
  }

  .self .cell {
    background: var(--_highlight);
  }

  .self .cell:first-child {
    border-inline-start: 4px solid var(--_accent);
    padding-inline-start: calc(var(--_space) - 4px);
  }

  @media (prefers-reduced-motion: no-preference) {
    .moved .cell {
      animation: kal-lb-flash 1.2s ease-out;
    }
  }

  .scroller {
    block-size: var(--kal-leaderboard-scroll-height, 24rem);
    overflow: auto;
    overscroll-behavior: contain;
  }

  .more {
    margin: 0;
    color: var(--_muted);
    font-size: 0.875em;
    text-align: center;
  }

  .more-error {
    display: flex;
    align-items: center;
    justify-content: center;
    gap: var(--_space);
    color: var(--_danger);
  }

  .more-error p {
    margin: 0;
  }

  @container (max-width: 22rem) {
    .grid-row {
      grid-template-columns: 5em 1fr 6em;
    }
  }
`;

export class ScrollLayout implements ReactiveController {
  readonly #host: ReactiveElement;
  readonly #parts: ScrollParts;
  #loading = false;
  #failed = false;
  #controller?: AbortController;
  #visible = { first: 0, last: 0 };
  /** First index the virtualizer renders: rows are keyed by their slot in the rendered range. */
  #rangeFirst = 0;

  constructor(host: ReactiveElement, parts: ScrollParts) {
    this.#host = host;
    this.#parts = parts;
    host.addController(this);
    // Its own styles join the element's (added to the shadow root's sheets, or as one <style>
    // where constructable sheets are missing, as Lit does).
    const root = host.renderRoot;
    if (root instanceof ShadowRoot) {
      const sheet = scrollStyles.styleSheet;
      if (sheet) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
      else adoptStyles(root, [scrollStyles]);
    }
  }

  hostDisconnected(): void {
    this.cancel();
  }

  /** Stops reading further rows (the board is reloading, or the element left the page). */
  cancel(): void {
    this.#controller?.abort();
  }

  /** A new board is on screen: a failed "more" from the previous one no longer stands. */
  reset(): void {
    this.#failed = false;
    this.#host.requestUpdate();
  }

  /** The loaded rows in view (positions), for a live refresh of the pages that hold them. */
  rowsInView(): { first: number; last: number } {
    const loaded = this.#parts.view()?.rows.length ?? 0;
    const first = Math.min(this.#visible.first, Math.max(0, loaded - 1));
    return { first, last: Math.min(Math.max(this.#visible.last, first), Math.max(0, loaded - 1)) };
  }

  async #loadMore(): Promise<void> {
    const view = this.#parts.view();
    if (!view || this.#loading || this.#failed || !this.#parts.hasMore() || !this.#parts.canLoadMore()) return;
    const controller = new AbortController();
    this.#controller = controller;
    this.#setLoading(true);
    try {
      await this.#parts.readMore(controller.signal);
    } catch (error) {
      if (!controller.signal.aborted) {
        this.#failed = true;
        this.#parts.reportError(error);
      }
    } finally {
      if (this.#controller === controller) {
        this.#controller = undefined;
        this.#setLoading(false);
      }
    }
  }

  #setLoading(loading: boolean): void {
    this.#loading = loading;
    this.#host.requestUpdate();
  }

  readonly #onRangeChanged = (event: RangeChangedEvent): void => {
    // Read by the virtualizer's key function in this same event (this listener is added first).
    this.#rangeFirst = event.first;
    const view = this.#parts.view();
    if (!view) return;
    // Ask for the next page while half a page (at least a few rows) is still to come.
    const ahead = Math.max(LOAD_AHEAD_ROWS, Math.ceil(view.settings.pageSize / 2));
    if (event.last >= view.rows.length - ahead) void this.#loadMore();
  };

  readonly #onVisibilityChanged = (event: VisibilityChangedEvent): void => {
    this.#visible = { first: event.first, last: event.last };
  };

  readonly #retry = (): void => {
    this.#failed = false;
    this.#host.requestUpdate();
    void this.#loadMore();
  };

  render(view: ScrollView): TemplateResult {
    const { text } = this.#parts;
    return html`<div class="grid" role="table" part="table" aria-labelledby="title" aria-rowcount=${view.totalCount + 1}>
        <div role="rowgroup">
          <div class="grid-row head" role="row" aria-rowindex="1">
            <span class="cell" role="columnheader">${text.t('leaderboard.colRank')}</span>
            <span class="cell" role="columnheader">${text.t('leaderboard.colName')}</span>
            <span class="cell score" role="columnheader">${text.t('leaderboard.colScore')}</span>
          </div>
        </div>
        <div
          class="scroller"
          role="rowgroup"
          tabindex="0"
          aria-label=${text.t('leaderboard.label')}
          @rangeChanged=${this.#onRangeChanged}
          @visibilityChanged=${this.#onVisibilityChanged}
        >
          ${virtualize({
            items: view.rows,
            scroller: true,
            // Slots, not people: rows scrolled out are reused rather than removed (see lit/lit#5010).
            keyFunction: (_row: DisplayRow, index: number) => index - this.#rangeFirst,
            renderItem: (row: DisplayRow, index: number) => html`<div
              role="row"
              part=${row.self ? 'row self' : 'row'}
              class=${`grid-row ${rowClass(row)}`}
              aria-rowindex=${index + 2}
              aria-current=${row.self ? 'true' : nothing}
            >
              <span class="cell rank" role="cell" part="rank">${renderRank(text, row)}</span>
              <span class="cell name" role="cell" part="name">${renderName(text, row)}</span>
              <span class="cell score" role="cell" part="score">${text.number(row.score)}</span>
            </div>`,
          })}
        </div>
      </div>
      ${this.#loading ? html`<p class="more">${text.t('leaderboard.loadingMore')}</p>` : nothing}
      ${this.#failed
        ? html`<div class="more-error">
            <p>${text.t('leaderboard.moreFailed')}</p>
            <button type="button" class="secondary" part="retry" @click=${this.#retry}>${text.t('state.retry')}</button>
          </div>`
        : nothing}`;
  }
}
