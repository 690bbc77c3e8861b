import type { ApiContext } from '../../api/context.js';
import { KalError, isAbort } from '../../api/errors.js';
import { type Leaderboard, type ScoreRow, getLeaderboard, getUserScore, listUserScores } from '../../api/game.js';
import { findViewer } from '../../api/viewer.js';
import { sameArgs } from '../shared/data-controller.js';
import { safeUrl } from '../shared/safe-url.js';
import { type DisplayRow, type LeaderboardSettings, type ResolveUsers, pageStart, privacySafeId } from './helpers.js';
import type { KnownNames } from './resolve-names.js';

// The leaderboard's data: what one run reads (readBoard) and how it becomes the rows on screen
// (BoardRows). The element decides when to read and renders; this knows the reads and the rows.

export type ReorderAnimation = typeof import('./reorder-animation.js');

/** What both a fetch and the screen know: the inputs and the board they were read for. */
export interface BoardState {
  inputs: unknown[];
  settings: LeaderboardSettings;
  sub: string;
  pageIndex: number;
  board: Leaderboard;
  totalCount: number;
  viewerId?: string;
}

/** What one run fetched. */
export interface Fetched extends BoardState {
  silent: boolean;
  pages: Array<{ index: number; rows: ScoreRow[] }>;
  self?: ScoreRow;
  /** Loaded with a table's refresh: its rows slide to their new places. */
  reorder?: ReorderAnimation;
}

/** What is on screen. */
export interface View extends BoardState {
  rows: DisplayRow[];
  /** How many rows each loaded page brought (scroll layout: the pages read so far). */
  pageLengths: number[];
  self?: DisplayRow;
  loadedAt: number;
}

export interface BoardRead {
  api: ApiContext;
  settings: LeaderboardSettings;
  /** The sub-leaderboard's id, '' for the overall board. */
  sub: string;
  /** The pages to read (1-based). */
  indexes: number[];
  /** The host's `user-id`, if any. */
  userId: string | undefined;
  /** The board's definition when it may be reused (paging through the same board). */
  knownBoard: Leaderboard | undefined;
  /** A refresh that can expect the viewer on the page again (or a board that had no scores). */
  expectOnPage: boolean;
  /** Loaded alongside the rows: the scroll layout (waited for), the reorder animation (never waited for). */
  scrollLayout?: Promise<void>;
  reorder?: Promise<ReorderAnimation | undefined>;
  /** Asks the host for the names these rows lack. */
  resolveNames: (rows: ScoreRow[]) => Promise<void>;
}

export type BoardPages = Pick<Fetched, 'board' | 'totalCount' | 'pages' | 'self' | 'viewerId' | 'reorder'>;

/** One run's reads: the board, the pages, the viewer's own row, in as few round trips as it can. */
export async function readBoard(read: BoardRead): Promise<BoardPages> {
  const { api, settings, sub, indexes } = read;
  // A sub-leaderboard asked by attribute is checked before its rows are read.
  let board = read.knownBoard;
  if (!board && sub) board = await getLeaderboard(api, settings.leaderboardId);
  if (board && sub && !board.subLeaderboards.some((candidate) => candidate.id === sub)) {
    throw new KalError(
      'config',
      `kal-leaderboard: "${settings.leaderboardId}" has no sub-leaderboard "${sub}"` +
        ` (it has: ${board.subLeaderboards.map((candidate) => candidate.id).join(', ') || 'none'})`,
    );
  }
  const query = (pageIndex: number) =>
    listUserScores(api, { leaderboardId: settings.leaderboardId, pageIndex, pageSize: settings.pageSize, subLeaderboardId: sub || undefined });
  const viewer = findViewer(api, read.userId);
  const listed = Promise.all(indexes.map(query));
  // The viewer's own row (overall board only: sub-leaderboard rows are segments) is read alongside
  // the page, not after it: one round trip instead of two. Skipped when a refresh can expect the
  // viewer on the page again; then it is read after, if needed.
  const ownRow = (viewerId: string | undefined) =>
    getUserScore(api, settings.leaderboardId, viewerId, listed).catch((error: unknown) => {
      if (isAbort(error)) throw error;
      return undefined; // The board is worth showing without the viewer's row.
    });
  const [resolvedBoard, , ksViewer, pages, early, reorder] = await Promise.all([
    board ?? getLeaderboard(api, settings.leaderboardId),
    read.scrollLayout,
    viewer,
    listed,
    sub || read.expectOnPage ? undefined : viewer.then(ownRow),
    // The animation never holds the rows back: without it by the time they arrive, this refresh skips it.
    read.reorder && Promise.race([read.reorder, listed.then(() => undefined, () => undefined)]),
  ]);
  const totalCount = pages[0]?.totalCount ?? 0;

  let viewerId = ksViewer;
  let self: ScoreRow | undefined;
  if (!sub && totalCount > 0) {
    self = viewerId ? pages.flatMap((page) => page.rows).find((row) => row.userId === viewerId) : undefined;
    if (!self) {
      self = read.expectOnPage ? await ownRow(viewerId) : early;
      if (self && viewerId && self.userId !== viewerId) self = undefined;
      viewerId ??= self?.userId;
    }
  }
  if (!sub) await read.resolveNames([...pages.flatMap((page) => page.rows), ...(self ? [self] : [])]);
  return {
    board: resolvedBoard,
    totalCount,
    pages: pages.map((page, i) => ({ index: indexes[i] ?? 1, rows: page.rows })),
    self,
    viewerId: viewerId || undefined,
    reorder,
  };
}

/** Whether the service has more rows than the pages a scroll layout read so far. */
export const hasMorePages = (view: View | undefined): boolean => !!view && view.pageLengths.length * view.settings.pageSize < view.totalCount;

/** A scroll layout's next page of the board on screen. */
function readNextPage(api: ApiContext, view: View): Promise<{ index: number; rows: ScoreRow[]; totalCount: number }> {
  const index = view.pageLengths.length + 1;
  const { leaderboardId, pageSize } = view.settings;
  return listUserScores(api, { leaderboardId, pageIndex: index, pageSize, subLeaderboardId: view.sub || undefined }).then((page) => ({ index, ...page }));
}

/** Score rows as shown: labelled (names the host resolved, else a privacy-safe id), the viewer's marked, moves counted. */
export class BoardRows {
  /** Names from the host's `resolveUsers` (the one they came from), kept across pages and refreshes. */
  readonly names: KnownNames = new Map();
  #resolver?: ResolveUsers;
  /** The viewer's place at the last read of a board (its inputs), to tell when it moves. */
  #viewerRank?: { inputs: unknown[]; rank: number };

  /** A new `resolveUsers` forgets the last one's names, and fetches the code that calls it now, alongside the token and the rows. */
  useResolver(resolver: ResolveUsers | undefined): void {
    if (resolver === this.#resolver) return;
    this.names.clear();
    this.#resolver = resolver;
    if (typeof resolver === 'function') void import('./resolve-names.js').catch(() => undefined);
  }

  /**
   * Asks the host for the names these rows lack, once (resolve-names.ts). That code is loaded only when
   * a `resolveUsers` is set (the element fetches it as soon as one is); not loaded (offline?), the ids
   * stay, and the next page or refresh tries again.
   */
  async resolveNames(resolver: ResolveUsers | undefined, rows: ScoreRow[], signal: AbortSignal): Promise<void> {
    if (typeof resolver !== 'function') return;
    const module = await import('./resolve-names.js').catch(() => undefined);
    await module?.resolveNames(resolver, rows, this.names, signal);
  }

  decorate(row: ScoreRow, sub: string, viewerId: string | undefined, oldRanks?: Map<string, number>): DisplayRow {
    const resolved = sub ? undefined : this.names.get(row.userId);
    const before = oldRanks ? (oldRanks.get(row.userId) ?? row.oldRank) : undefined;
    const move = before === undefined ? 0 : before - row.rank;
    return {
      ...row,
      label: row.name || resolved?.name || privacySafeId(row.userId),
      avatar: safeUrl(row.avatarUrl) ?? resolved?.avatar,
      self: !sub && viewerId !== undefined && row.userId === viewerId,
      move: move || undefined,
    };
  }

  /**
   * What a fetch puts on screen. A scroll layout's refresh replaces, page by page, the rows each page
   * brought last time (pages may be short: a Game proxy leaves hidden people out), and counts at least
   * the rows it holds; anything else replaces them all. Moves are counted against the rows (and viewer)
   * of a refresh's previous view; `viewerFrom` is the viewer's place before, when this read of the
   * same board moved them.
   */
  merge(fetched: Fetched, previous: View | undefined): { view: View; viewerFrom?: number } {
    const { silent, sub, viewerId, settings } = fetched;
    const refreshed = silent ? previous : undefined;
    const oldRanks = refreshed ? new Map(refreshed.rows.map((row) => [row.userId, row.rank])) : undefined;
    if (oldRanks && refreshed?.self && !oldRanks.has(refreshed.self.userId)) oldRanks.set(refreshed.self.userId, refreshed.self.rank);
    const decorate = (row: ScoreRow) => this.decorate(row, sub, viewerId, oldRanks);
    let rows: DisplayRow[];
    let pageLengths: number[];
    if (settings.layout === 'scroll' && refreshed) {
      rows = refreshed.rows.slice();
      pageLengths = refreshed.pageLengths.slice();
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
    const view: View = {
      inputs: fetched.inputs,
      settings,
      sub,
      pageIndex: fetched.pageIndex,
      board: fetched.board,
      totalCount: refreshed && settings.layout === 'scroll' ? Math.max(fetched.totalCount, rows.length) : fetched.totalCount,
      rows,
      pageLengths,
      self,
      viewerId,
      loadedAt: Date.now(),
    };
    if (!self || sub) return { view };
    const last = this.#viewerRank;
    this.#viewerRank = { inputs: fetched.inputs, rank: self.rank };
    const moved = last && sameArgs(last.inputs, fetched.inputs) && last.rank !== self.rank;
    return { view, viewerFrom: moved ? last.rank : undefined };
  }

  /**
   * Reads a scroll layout's next page and adds it to the rows on screen by then (`current()`).
   * Undefined when the board changed meanwhile, or the read joined a shared request that someone
   * else cancelled (not a failure of this list).
   */
  async readMore(api: ApiContext, signal: AbortSignal, resolver: ResolveUsers | undefined, current: () => View | undefined): Promise<View | undefined> {
    const view = current();
    if (!view) return undefined;
    try {
      const page = await readNextPage(api, view);
      if (!view.sub) await this.resolveNames(resolver, page.rows, signal);
      const now = current();
      if (signal.aborted || !now || !sameArgs(now.inputs, view.inputs) || now.sub !== view.sub) return undefined;
      const next = this.#append(now, page.index, page.rows);
      return { ...now, ...next, totalCount: Math.max(page.totalCount, next.rows.length) };
    } catch (error) {
      if (!isAbort(error)) throw error;
      return undefined;
    }
  }

  /** A scroll layout's next page, added after the pages before it. */
  #append(view: View, index: number, pageRows: ScoreRow[]): Pick<View, 'rows' | 'pageLengths'> {
    return {
      rows: view.rows.slice(0, pageStart(view.pageLengths, index)).concat(pageRows.map((row) => this.decorate(row, view.sub, view.viewerId))),
      pageLengths: [...view.pageLengths.slice(0, index - 1), pageRows.length],
    };
  }
}
