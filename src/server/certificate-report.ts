import { isObject, type Json } from './http.js';
import { rowUserId } from './participation.js';
import type { Shown } from './read-proxy.js';
import { TtlCache, sharedRead } from './ttl-cache.js';
import { failure, type ServiceUpstream, type UpstreamFailure } from './upstream.js';

/** Rows asked for per page while reading a report: the guide's own example (§8.5) asks for 100. */
const PAGE_SIZE = 100;
/** Pages read at once once the first has told how many there are. */
const PARALLEL_PAGES = 4;

export interface CertificateReportOptions {
  /** How long one reading of a certificate's report serves every viewer, in ms. */
  cacheMs: number;
  /** A report with more rows than this is not read (502 REPORT_TOO_LARGE). */
  maxRows: number;
  timeoutMs: number;
}

type Report = { ok: true; byUser: ReadonlyMap<string, Json[]>; retryAfter: string | null } | UpstreamFailure;

/**
 * The viewer's own rows of `userCertificateReport/list`. The guide (§8.5) documents the action with
 * `gameObjectId` and a pager only, and its answer holds every user's rows: the proxy reads the whole
 * report once (page by page, exactly as documented), keeps it for `cacheMs` for every viewer, and
 * shows each viewer their rows alone (one per entry for a `perEntry` certificate).
 */
export class CertificateReports {
  readonly #upstream: ServiceUpstream;
  readonly #options: CertificateReportOptions;
  readonly #reports: TtlCache<Promise<Report>>;

  constructor(upstream: ServiceUpstream, options: CertificateReportOptions) {
    this.#upstream = upstream;
    this.#options = options;
    this.#reports = new TtlCache(options.cacheMs, 100);
  }

  async rowsOf(gameObjectId: string, viewerId: string): Promise<Shown> {
    // A failed reading is not kept: the next viewer asks again.
    const read = await sharedRead(this.#reports, gameObjectId, () => this.#read(gameObjectId), (report) => report.ok);
    if (!read.ok) return read;
    const objects = read.byUser.get(viewerId) ?? [];
    return { ok: true, data: { totalCount: objects.length, objects }, retryAfter: read.retryAfter };
  }

  /** Every row of the report, by user. Not tied to one request: other viewers may be waiting on it. */
  async #read(gameObjectId: string): Promise<Report> {
    const byUser = new Map<string, Json[]>();
    const page = async (pageIndex: number) => {
      const body = { gameObjectId, pager: { pageSize: PAGE_SIZE, pageIndex } };
      const result = await this.#upstream.call('userCertificateReport/list', body, AbortSignal.timeout(this.#options.timeoutMs));
      if (!result.ok) return result;
      const { data } = result;
      if (!isObject(data) || !Array.isArray(data.objects)) {
        return failure(502, 'UPSTREAM_INVALID_RESPONSE', 'Game Services answered with an unexpected shape');
      }
      for (const row of data.objects) {
        const userId = isObject(row) ? rowUserId(row) : undefined;
        if (userId) byUser.set(userId, [...(byUser.get(userId) ?? []), row as Json]);
      }
      const totalCount = typeof data.totalCount === 'number' ? data.totalCount : undefined;
      return { ok: true as const, rows: data.objects.length, totalCount, retryAfter: result.retryAfter };
    };

    const first = await page(1);
    if (!first.ok) return first;
    const { totalCount } = first;
    if (totalCount !== undefined && totalCount > this.#options.maxRows) return this.#tooLarge(gameObjectId);
    if (totalCount !== undefined) {
      // The count is known: the other pages are read a few at a time.
      const rest = Array.from({ length: Math.ceil(totalCount / PAGE_SIZE) - 1 }, (_, i) => i + 2);
      for (let i = 0; i < rest.length; i += PARALLEL_PAGES) {
        const failed = (await Promise.all(rest.slice(i, i + PARALLEL_PAGES).map(page))).find((read) => !read.ok);
        if (failed && !failed.ok) return failed;
      }
    } else {
      // No count: pages until one comes back short.
      for (let index = 2, last = first.rows; last === PAGE_SIZE; index++) {
        if ((index - 1) * PAGE_SIZE >= this.#options.maxRows) return this.#tooLarge(gameObjectId);
        const next = await page(index);
        if (!next.ok) return next;
        last = next.rows;
      }
    }
    return { ok: true, byUser, retryAfter: null };
  }

  #tooLarge(gameObjectId: string): UpstreamFailure {
    const error = new Error(`userCertificateReport/list of "${gameObjectId}" has more than ${this.#options.maxRows} rows (maxReportRows)`);
    return failure(502, 'REPORT_TOO_LARGE', "the certificate's report is too large to read", null, error);
  }
}
