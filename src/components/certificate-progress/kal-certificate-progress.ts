import { type PropertyDeclarations, type PropertyValues, type TemplateResult, html, nothing } from 'lit';
import { getCertificate, listCertificateRows } from '../../api/certificates.js';
import { KalError, toKalError } from '../../api/errors.js';
import { getRuleProgress } from '../../api/rule-progress.js';
import { findViewer } from '../../api/viewer.js';
import { certificateMessages } from '../../i18n/elements/certificate-progress.js';
import { barStyles } from '../shared/bar.styles.js';
import { Celebration } from '../shared/celebration.js';
import { DataController, type LoadContext, sameArgs } from '../shared/data-controller.js';
import { KalElement } from '../shared/kal-element.js';
import { noteStyles } from '../shared/note.js';
import { DEFAULT_INTERVAL_SECONDS, liveIntervalSeconds, refreshIntervalProblem } from '../shared/refresh-interval.js';
import { themeStyles } from '../shared/theme.styles.js';
import { type CertificateView, buildView, newlyCertified } from './certificate-model.js';
import { type CertificateText, renderCertificate } from './certificate-view.js';
import { certificateProgressStyles } from './kal-certificate-progress.styles.js';

/** What one load produced, with the inputs it was loaded for (so a refresh can keep it on screen). */
interface CertificateData {
  args: readonly unknown[];
  view: CertificateView;
}

/**
 * @summary The viewer's progress toward a certificate (Game Services, guide 004 section 8): its name and
 * description, a credits-versus-threshold bar, per-rule progress with the credits mapping's levels, the
 * certified state with its date, one row per entry for a `perEntry` certificate, and a link to the
 * certificate page. `kal-certified` fires when the viewer is certified while the page is open.
 *
 * Attributes: `certificate-id` (required); `live` with `refresh-interval` (seconds, default 30, at least
 * 5); plus the kit's common attributes (`partner-id`, `region`, `game-url`, `token-endpoint`, `theme`).
 * Game Services take only an ADMIN KS, so the element reads through the host's Game proxy
 * (`createGameProxy`), which answers every per-user read for the signed-in viewer.
 *
 * What it reads, and why. Three documented reads tell the viewer's standing; it uses two:
 * - `userCertificateReport/list` (8.5): the viewer's rows: credits, `CERTIFIED` / `IN_PROGRESS`, the
 *   certification date, and for `perEntry` one row per entry. The only read with the certified state,
 *   its date and the entries, so it decides them. The guide's report holds every user's rows; the
 *   proxy reads it for everyone and keeps it for `reportCacheMs` (30 s by default), so a certification
 *   shows (and `kal-certified` fires) at the first refresh after that reading.
 * - `userScore/ruleProgress` (10.3) with the certificate as `gameObjectId`: each rule's progress and
 *   the credits it earned, read fresh each time: the per-rule list.
 * - `userScore/get` (10.1) with the certificate as `gameObjectId` gives a score and a rank: no state,
 *   date or entries, and nothing the two above lack, so it is not used.
 * `certificate/get` (8.1) gives the rest: its `description` holds HTML and is shown as text (paragraphs
 * and lists, never markup); `host` becomes a link only when it is an http(s) URL; `creditsMapping`
 * (8.3) is read leniently and shown as each rule's credits by level.
 *
 * @fires kal-load - The certificate is on screen (`detail.count`: 1, or the entries shown for `perEntry`).
 *   Once per load, not per refresh.
 * @fires kal-error - Loading failed (`detail: { code, message, retryable }`); a failed live refresh keeps
 *   the last progress on screen and fires once until a refresh succeeds again.
 * @fires kal-certified - The viewer became certified while the page was open (`detail: { certificateId,
 *   entryId?, certifiedAt }`: `entryId` for a `perEntry` certificate; `certifiedAt` an ISO 8601 string,
 *   the report's date).
 *
 * @csspart base - The wrapper of everything.
 * @csspart certificate - The certificate; `data-state` is `not-started`, `in-progress` or `certified`.
 * @csspart name - The certificate's name.
 * @csspart status - Not started / In progress / Certified on {date}; for `perEntry`, "1 of 2 sessions certified", and each entry's.
 * @csspart description - The description, as text.
 * @csspart credits - Credits against the threshold: the label, the figure and the bar.
 * @csspart bar - The bar track (`role="progressbar"`).
 * @csspart bar-fill - The filled share of the bar.
 * @csspart entries - The list of entries (`perEntry`).
 * @csspart entry - One entry; `data-state` as the certificate's.
 * @csspart rule - One rule: its name, what it earned, and its credits by level.
 * @csspart link - The link to the certificate page.
 * @csspart note - Quiet notes: a closed certificate, no entries yet, a failed refresh.
 * @csspart loading - The loading state.
 * @csspart error - The error state.
 * @csspart retry - The retry button.
 *
 * @cssprop --kal-certificate-bar-height - Credits bar thickness (default 10px).
 * @cssprop --kal-color-surface - Entry and rule backgrounds.
 * @cssprop --kal-color-accent - Bar fill, the link, focus ring.
 * @cssprop --kal-color-success - The certified state and full bars.
 * @cssprop --kal-color-muted - Secondary text (description, figures).
 * @cssprop --kal-color-border - Borders and the bar track.
 */
export class KalCertificateProgress extends KalElement {
  static override styles = [themeStyles, barStyles, noteStyles, certificateProgressStyles];
  static override messages = certificateMessages;
  static override properties: PropertyDeclarations = {
    certificateId: { attribute: 'certificate-id' },
    live: { type: Boolean },
    refreshInterval: { attribute: 'refresh-interval', type: Number },
    attrError: { state: true },
    data: { state: true },
  };

  /** The certificate's id (Game Services). */
  certificateId?: string;
  /** Refresh periodically (paused while the tab is hidden or the element is off-screen). */
  live = false;
  /**
   * Seconds between live refreshes (default 30, at least 5: smaller values are raised to 5). Anything
   * but a positive number (empty, `NaN`, `1e309`, negative) is a config error.
   */
  refreshInterval = DEFAULT_INTERVAL_SECONDS;

  /** A bad `refresh-interval`: shown as a config error. */
  private attrError: KalError | undefined;
  private data: CertificateData | undefined;
  /** What was just certified: `''` for the certificate, entry ids for `perEntry`. */
  readonly #celebration = new Celebration(this);
  readonly #text: CertificateText = {
    t: (key, params) => this.t(key, params),
    number: (value) => this.formatNumber(value),
    day: (value) => this.formatDate(value, { dateStyle: 'medium' }),
    celebrating: (id) => this.#celebration.ids.has(id),
  };

  readonly #data = new DataController<CertificateData>(this, {
    args: () => this.#dataArgs(),
    ready: () => this.attrError === undefined,
    refreshing: () => !!this.#current(),
    load: (args, context) => this.#load(args, context),
    apply: (data, refreshing) => this.#accept(data, refreshing),
    report: (error) => this.reportError(error),
    live: { enabled: () => this.live, intervalSeconds: () => liveIntervalSeconds(this.refreshInterval) },
  });

  /**
   * Reads the certificate and the viewer's progress again now, keeping what is on screen until the
   * answer arrives; a certification fires `kal-certified`. Resolves once the result (or, after a
   * failure, the last good progress with a note) is rendered; never rejects.
   */
  refresh(): Promise<void> {
    return this.#data.refresh();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('refreshInterval')) {
      const problem = refreshIntervalProblem(this, this.refreshInterval);
      if (problem?.message !== this.attrError?.message) {
        this.attrError = problem;
        if (problem) this.reportError(problem);
      }
    }
  }

  #dataArgs(): unknown[] {
    return [this.certificateId, ...this.settingsKey()];
  }

  async #load(args: readonly unknown[], { signal, shareAcrossTabsMs }: LoadContext): Promise<CertificateData> {
    const certificateId = (args[0] as string | undefined)?.trim();
    if (!certificateId) throw new KalError('config', 'kal-certificate-progress: set certificate-id');
    // A live refresh may use what another tab (or another widget here) read this interval (tab-share.ts).
    const api = shareAcrossTabsMs > 0 ? { ...this.api(signal), shareAcrossTabsMs } : this.api(signal);
    const viewer = findViewer(api, undefined);
    viewer.catch(() => undefined); // A token failure is reported by the reads; never unhandled here.
    const [certificate, rows, progress] = await Promise.all([
      getCertificate(api, certificateId),
      viewer.then((userId) => listCertificateRows(api, certificateId, userId)),
      viewer.then((userId) => getRuleProgress(api, certificateId, userId)),
    ]);
    return { args, view: buildView(certificate, rows, progress) };
  }

  /** The last good data, when it was loaded for the current inputs. */
  #current(): CertificateData | undefined {
    return this.data && sameArgs(this.data.args, this.#dataArgs()) ? this.data : undefined;
  }

  #accept(data: CertificateData, refreshing: boolean): void {
    const previous = refreshing ? this.#current() : undefined;
    this.data = data;
    const { view } = data;
    const certified = previous ? newlyCertified(previous.view, view) : [];
    if (!previous) this.loaded(view.certificate.eligibility === 'perEntry' ? view.entries.length : 1);
    if (certified.length === 0) return this.#celebration.clear();
    const { id, name } = view.certificate;
    const entryName = (entryId: string) => view.entries.find((entry) => entry.id === entryId)?.name ?? entryId;
    const announcement = certified
      .map((each) => (each.entryId ? this.t('certificate.announceEntry', { name, entry: entryName(each.entryId) }) : this.t('certificate.announce', { name })))
      .join(' ');
    const now = new Date();
    this.#celebration.celebrate(
      certified.map((each) => each.entryId ?? ''),
      announcement,
      () => {
        for (const each of certified) {
          this.emit('kal-certified', { certificateId: id, ...(each.entryId ? { entryId: each.entryId } : {}), certifiedAt: (each.certifiedAt ?? now).toISOString() });
        }
      },
    );
  }

  // ------------------------------------------------------------------ rendering

  override render(): TemplateResult {
    return html`<div class="root" part="base" dir=${this.direction} lang=${this.locale}>
      ${this.#renderContent()}
      ${this.#celebration.renderAnnouncer()}
    </div>`;
  }

  #renderContent(): TemplateResult {
    if (this.attrError) return this.renderError(this.attrError, () => undefined);
    const current = this.#current();
    if (current) {
      const stale = this.#data.staleSince !== undefined;
      return html`${stale ? this.renderStale(this.t('certificate.stale'), () => void this.refresh()) : nothing}
        ${renderCertificate(this.#text, current.view, this.#data.pending)}`;
    }
    const failure = this.#data.failure;
    if (failure !== undefined) {
      // Not found names the id asked for, isolated so that its direction cannot turn the sentence around.
      const notFound = toKalError(failure).code === 'not-found';
      const id = `\u2068${this.certificateId?.trim() ?? ''}\u2069`;
      return this.renderError(failure, () => this.#data.retry(), notFound ? this.t('certificate.notFound', { id }) : undefined);
    }
    return this.renderLoading('rows');
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kal-certificate-progress': KalCertificateProgress;
  }
}
