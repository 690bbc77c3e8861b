import { type PropertyDeclarations, type TemplateResult, html, nothing } from 'lit';
import { KalError, toKalError } from '../../api/errors.js';
import { getRuleProgress } from '../../api/rule-progress.js';
import { listRules } from '../../api/rules.js';
import { findViewer } from '../../api/viewer.js';
import { pointsMessages } from '../../i18n/elements/points-guide.js';
import { DataController, type LoadContext, sameArgs } from '../shared/data-controller.js';
import { KalElement } from '../shared/kal-element.js';
import { barStyles } from '../shared/bar.styles.js';
import { Celebration } from '../shared/celebration.js';
import { noteStyles } from '../shared/note.js';
import { DEFAULT_INTERVAL_SECONDS, liveIntervalSeconds, refreshIntervalProblem } from '../shared/refresh-interval.js';
import { themeStyles } from '../shared/theme.styles.js';
import { pointsGuideStyles } from './kal-points-guide.styles.js';
import { type WayView, joinWays, newlyDone, sortWays } from './points-model.js';
import { type PointsText, renderWays, wayName } from './points-view.js';

/** What one load produced, with the inputs it was loaded for (so a refresh can keep it on screen). */
interface PointsData {
  args: readonly unknown[];
  /** The service's order. */
  ways: WayView[];
}

const TAG = 'kal-points-guide';

/**
 * @summary How to earn points on a leaderboard: each of its rules as a way to earn points, with what
 * to do, the points per action, the cap, and the viewer's progress toward it. Rules the viewer has used
 * up are shown as done, after the open ones.
 *
 * Attributes: `leaderboard-id` (required); `live` with `refresh-interval` (seconds, default 30, at least
 * 5); plus the kit's common attributes (`partner-id`, `region`, `game-url`, `token-endpoint`, `theme`).
 *
 * Reads `rule/list` for the leaderboard and `userScore/ruleProgress` for the viewer (guide 004, sections
 * 6 and 10.3) through the host's Game proxy, which answers for the viewer its KS names. Rules that are
 * disabled or give no points (`dont_distribute_points`) are left out. A cap (`maxPoints`) counted per
 * video or item (`groupBy` beyond the user) never runs out: such a rule shows the points earned so far.
 *
 * @fires kal-load - The ways to earn points are on screen (`detail.count`: how many). Once per load, not per refresh.
 * @fires kal-error - Loading failed (`detail: { code, message, retryable }`); a failed live refresh
 *   keeps the last progress on screen and fires once until a refresh succeeds again.
 *
 * @csspart base - The wrapper of everything.
 * @csspart title - "How to earn points".
 * @csspart summary - "3 ways to earn points · 1 done".
 * @csspart note - A failed refresh.
 * @csspart list - The list of ways to earn points.
 * @csspart rule - One way to earn points; `data-state` is `open` or `done`.
 * @csspart name - The rule's name.
 * @csspart points - The points per action ("+10 points").
 * @csspart description - What to do (the rule's description).
 * @csspart cap - The cap ("Up to 50 points", "No limit").
 * @csspart progress - The viewer's progress: text, and a bar when the cap is the viewer's own.
 * @csspart status - "Done", on a rule used up.
 * @csspart bar - The bar track (`role="progressbar"`).
 * @csspart bar-fill - The filled share of the bar.
 * @csspart loading - The loading state.
 * @csspart empty - The empty state.
 * @csspart error - The error state.
 * @csspart retry - The retry button.
 *
 * @cssprop --kal-points-bar-height - Progress bar thickness (default 8px).
 * @cssprop --kal-color-surface - Background of each rule.
 * @cssprop --kal-color-accent - Points per action, progress bar fill, focus ring.
 * @cssprop --kal-color-success - Done state and full bars.
 * @cssprop --kal-color-muted - Secondary text (description, cap, progress).
 * @cssprop --kal-color-border - Rule borders and the bar track.
 */
export class KalPointsGuide extends KalElement {
  static override styles = [themeStyles, barStyles, noteStyles, pointsGuideStyles];
  static override messages = pointsMessages;
  static override properties: PropertyDeclarations = {
    leaderboardId: { attribute: 'leaderboard-id' },
    live: { type: Boolean },
    refreshInterval: { attribute: 'refresh-interval', type: Number },
    view: { state: true },
  };

  /** The leaderboard whose rules to show (required). */
  leaderboardId?: string;
  /** Refresh the viewer's progress periodically (paused while the tab is hidden or the element is off-screen). */
  live = false;
  /**
   * Seconds between live refreshes (default 30, at least 5: smaller values are raised to 5). Anything
   * but a positive number (empty, `NaN`, `1e309`, negative) is a config error.
   */
  refreshInterval = DEFAULT_INTERVAL_SECONDS;

  private view: PointsData | undefined;
  /** Rules used up while the page is open: said once, politely (nothing is drawn for them). */
  readonly #celebration = new Celebration(this);
  /** The element's text and numbers for the templates (points-view.ts). */
  readonly #text: PointsText = {
    t: (key, params) => this.t(key, params),
    number: (value, options) => this.formatNumber(value, options),
  };

  readonly #data = new DataController<PointsData>(this, {
    args: () => this.#dataArgs(),
    refreshing: () => !!this.#currentView(),
    load: (args, context) => this.#load(args, context),
    apply: (data, refreshing) => this.#accept(data, refreshing),
    report: (error) => this.reportError(error),
    live: { enabled: () => this.live && !!this.view, intervalSeconds: () => liveIntervalSeconds(this.refreshInterval) },
  });

  /**
   * Reads the rules and the viewer's progress again now, keeping what is on screen until the answer
   * arrives. Resolves once the result (or, after a failure, the last good progress with a note) is
   * rendered; never rejects.
   */
  refresh(): Promise<void> {
    return this.#data.refresh();
  }

  /** What the data depends on (a bad interval is a set-up error, so it is one of them). */
  #dataArgs(): unknown[] {
    return [this.leaderboardId, this.refreshInterval, ...this.settingsKey()];
  }

  async #load(args: readonly unknown[], { signal, shareAcrossTabsMs }: LoadContext): Promise<PointsData> {
    const [idAttribute] = args as [unknown];
    const leaderboardId = typeof idAttribute === 'string' ? idAttribute.trim() : '';
    if (!leaderboardId) throw new KalError('config', `${TAG}: the leaderboard-id attribute is required`);
    const badInterval = refreshIntervalProblem(this, this.refreshInterval);
    if (badInterval) throw badInterval;
    // A live refresh may use what another tab (or another widget here) read this interval (tab-share.ts).
    const api = shareAcrossTabsMs > 0 ? { ...this.api(signal), shareAcrossTabsMs } : this.api(signal);
    // The progress is read alongside the rules, not after them: one round trip.
    const progress = findViewer(api, undefined).then((userId) => getRuleProgress(api, leaderboardId, userId));
    const [rules, answer] = await Promise.all([listRules(api, 'leaderboard', leaderboardId), progress]);
    return { args, ways: joinWays(rules, answer) };
  }

  /** The last good data, when it was loaded for the current inputs. */
  #currentView(): PointsData | undefined {
    return this.view && sameArgs(this.view.args, this.#dataArgs()) ? this.view : undefined;
  }

  #accept(data: PointsData, refreshing: boolean): void {
    const previous = refreshing ? this.#currentView() : undefined;
    this.view = data;
    if (!previous) {
      this.loaded(data.ways.length);
      return;
    }
    // A rule used up while the page is open is said once, politely.
    const done = newlyDone(previous.ways, data.ways);
    if (done.length === 0) return this.#celebration.clear();
    const announcement = done.map((way) => this.t('points.announceDone', { name: wayName(this.#text, way) })).join(' ');
    this.#celebration.celebrate(done.map((way) => way.id), announcement, () => undefined);
  }

  // ------------------------------------------------------------------ rendering

  override render(): TemplateResult {
    return html`<div class="root" part="base" dir=${this.direction} lang=${this.locale}>
      ${this.#renderContent()}
      ${this.#celebration.renderAnnouncer()}
    </div>`;
  }

  #renderContent(): TemplateResult {
    const view = this.#currentView();
    if (view) return this.#renderView(view);
    const { failure } = this.#data;
    if (failure === undefined) return this.renderLoading('rows');
    // A mistyped leaderboard-id is named, isolated so that its direction cannot turn the sentence around.
    const notFound = toKalError(failure).code === 'not-found' && this.leaderboardId;
    return this.renderError(failure, () => this.#data.retry(), notFound ? this.t('points.notFound', { id: `\u2068${this.leaderboardId}\u2069` }) : undefined);
  }

  #renderView(view: PointsData): TemplateResult {
    const ways = sortWays(view.ways);
    const done = ways.filter((way) => way.state === 'done').length;
    return html`
      <h3 class="title" part="title" id="title">${this.t('points.title')}</h3>
      ${ways.length
        ? html`<p class="summary" part="summary">
            ${this.t('points.summary', { count: ways.length })}${done ? ` · ${this.t('points.doneCount', { count: done })}` : nothing}
          </p>`
        : nothing}
      ${this.#data.staleSince !== undefined
        ? this.renderStale(this.t('points.stale'), () => void this.refresh())
        : nothing}
      ${ways.length ? renderWays(this.#text, ways, 'title', this.#data.pending) : this.renderEmpty(this.t('points.empty'))}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kal-points-guide': KalPointsGuide;
  }
}
