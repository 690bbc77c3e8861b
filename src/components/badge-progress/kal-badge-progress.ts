import { type PropertyDeclarations, type PropertyValues, type TemplateResult, html, nothing } from 'lit';
import { type UserBadge, listBadges, listUserBadges } from '../../api/badges.js';
import { KalError } from '../../api/errors.js';
import { findViewer } from '../../api/viewer.js';
import { badgeMessages } from '../../i18n/elements/badge-progress.js';
import { DataController, type LoadContext, sameArgs } from '../shared/data-controller.js';
import { barStyles } from '../shared/bar.styles.js';
import { Celebration } from '../shared/celebration.js';
import { KalElement } from '../shared/kal-element.js';
import { noteStyles } from '../shared/note.js';
import { DEFAULT_INTERVAL_SECONDS, liveIntervalSeconds, refreshIntervalProblem } from '../shared/refresh-interval.js';
import { themeStyles } from '../shared/theme.styles.js';
import { type BadgeLayout, type BadgeSort, type BadgeView, LAYOUTS, SORTS, joinBadges, newlyAchieved, parseIdList, sortBadges } from './badge-model.js';
import { type BadgeText, renderCards, renderIcon, ruleText, stateText } from './badge-view.js';
import type { CompactLayout } from './compact-layout.js';
import { badgeProgressStyles } from './kal-badge-progress.styles.js';

/** What one load produced, with the inputs it was loaded for (so a refresh can keep it on screen). */
interface BadgeData {
  args: readonly unknown[];
  /** Definition order. */
  badges: BadgeView[];
  /** Requested badge ids the service does not know. */
  missing: number;
  /** When it was read (Date.now()). */
  loadedAt: number;
}

/**
 * @summary The viewer's badges: icon, name, description, state, and per-rule progress bars, with a
 * summary ("3 of 8 badges earned") and a celebration when a badge is earned while the page is open.
 *
 * Attributes: `badge-ids` (comma list) and/or `virtual-event-id` (all badges of an event; with both, the
 * listed badges of that event); `user-id` (default: the user of a readable KS, else the KS's own user as
 * the service answers); `layout` = `grid` (default) | `list` | `compact` (a row of icons whose tooltips
 * open on hover and keyboard focus, and close with Escape); `sort` = `definition` (default: the
 * service's order) | `achieved-first` | `achieved-last`; `live` with `refresh-interval` (seconds, default
 * 30, at least 5); plus the kit's common attributes (`partner-id`, `region`, `game-url`,
 * `token-endpoint`, `theme`).
 *
 * Progress bars are `role="progressbar"` elements (not `<progress>`): their width comes from a
 * `--_fill` custom property set through the CSSOM, so no `style` attribute is ever parsed (strict CSP).
 *
 * @fires kal-load - The badges are on screen (`detail.count`: how many). Once per load, not per refresh.
 * @fires kal-error - Loading failed (`detail: { code, message, retryable }`); a failed live refresh
 *   keeps the last badges on screen and fires once until a refresh succeeds again.
 * @fires kal-badge-achieved - A badge became achieved while the page was open
 *   (`detail: { badgeId, achievedAt }`, `achievedAt` an ISO 8601 string).
 *
 * @csspart base - The wrapper of everything.
 * @csspart summary - "3 of 8 badges earned".
 * @csspart note - Quiet notes: badges not found, a failed refresh.
 * @csspart list - The list of badges.
 * @csspart badge - One badge (card, row, or compact item); `data-state` is `locked`, `in-progress` or `achieved`.
 * @csspart icon - The badge's icon (image or built-in placeholder); in `compact` the focusable button.
 * @csspart name - The badge's name.
 * @csspart status - Locked / In progress / Achieved on {date}.
 * @csspart description - The badge's description.
 * @csspart progress - One rule: its name, `progress / goal` and its bar.
 * @csspart bar - The bar track (`role="progressbar"`).
 * @csspart bar-fill - The filled share of the bar.
 * @csspart tooltip - The tooltip of a badge in the `compact` layout.
 * @csspart loading - The loading state.
 * @csspart empty - The empty state.
 * @csspart error - The error state.
 * @csspart retry - The retry button.
 *
 * @cssprop --kal-badge-icon-size - Icon size in the grid and list layouts (default 48px).
 * @cssprop --kal-badge-compact-size - Icon size in the compact layout (default 32px).
 * @cssprop --kal-badge-bar-height - Progress bar thickness (default 8px).
 * @cssprop --kal-badge-card-min - Narrowest grid card (default 15rem).
 */
export class KalBadgeProgress extends KalElement {
  static override styles = [themeStyles, barStyles, noteStyles, badgeProgressStyles];
  static override messages = badgeMessages;
  static override properties: PropertyDeclarations = {
    badgeIds: { attribute: 'badge-ids' },
    virtualEventId: { attribute: 'virtual-event-id' },
    userId: { attribute: 'user-id' },
    layout: { reflect: true },
    sort: {},
    live: { type: Boolean },
    refreshInterval: { attribute: 'refresh-interval', type: Number },
    attrError: { state: true },
    view: { state: true },
    brokenIcons: { state: true },
  };

  /** Comma-separated badge ids, shown in this order. */
  badgeIds?: string;
  /** A virtual event id: shows all of its badges. */
  virtualEventId?: string;
  /** Whose progress to show; default: the user of the KS. */
  userId?: string;
  /** `grid` (default), `list` or `compact`. */
  layout: BadgeLayout = 'grid';
  /** `definition` (default), `achieved-first` or `achieved-last`. */
  sort: BadgeSort = 'definition';
  /** Refresh periodically (paused while the tab is hidden or the element is off-screen). */
  live = false;
  /**
   * Seconds between live refreshes (default 30, at least 5: smaller values are raised to 5). Anything
   * but a positive number (empty, `NaN`, `1e309`, negative) is a config error.
   */
  refreshInterval = DEFAULT_INTERVAL_SECONDS;

  /** A bad `layout` / `sort` / `refresh-interval`: shown as a config error. */
  private attrError: KalError | undefined;
  private view: BadgeData | undefined;
  readonly #celebration = new Celebration(this);
  private brokenIcons = new Map<string, string>();
  /** The element's text, numbers, dates and icon state for the badges' templates (badge-view.ts). */
  readonly #text: BadgeText = {
    t: (key, params) => this.t(key, params),
    number: (value) => this.formatNumber(value),
    day: (value) => this.formatDate(value, { dateStyle: 'medium' }),
    brokenIcon: (badgeId) => this.brokenIcons.get(badgeId),
    iconFailed: (badgeId, url) => this.#iconFailed(badgeId, url),
  };
  /** The compact layout (icons with tooltips), downloaded only when a page uses `layout="compact"`. */
  #compact?: CompactLayout;
  #compactLoad?: Promise<void>;
  #compactFailed = false;

  readonly #data = new DataController<BadgeData>(this, {
    args: () => this.#dataArgs(),
    ready: () => this.attrError === undefined,
    refreshing: () => !!this.#currentView(),
    // The compact layout, when asked for, downloads alongside the data: no round trip after it.
    load: async (args, context) => (await Promise.all([this.#load(args, context), this.#loadCompact()]))[0],
    apply: (data, refreshing) => this.#accept(data, refreshing),
    report: (error) => this.reportError(error),
    live: { enabled: () => this.live, intervalSeconds: () => liveIntervalSeconds(this.refreshInterval) },
  });

  /**
   * Reads the badges and the viewer's progress again now, keeping what is on screen until the answer
   * arrives. A badge that became achieved fires `kal-badge-achieved`. Resolves once the result (or, after
   * a failure, the last good badges with a note) is rendered; never rejects.
   */
  refresh(): Promise<void> {
    return this.#data.refresh();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('layout') || changed.has('sort') || changed.has('refreshInterval')) {
      const problem = this.#checkAttributes();
      if (problem?.message !== this.attrError?.message) {
        this.attrError = problem;
        if (problem) this.reportError(problem);
      }
      // Switched to compact after the data came: the layout downloads now (loading shown meanwhile).
      void this.#loadCompact();
    }
  }

  #checkAttributes(): KalError | undefined {
    if (!LAYOUTS.includes(this.layout || 'grid')) {
      return new KalError('config', `kal-badge-progress: layout must be grid, list or compact, not "${String(this.layout)}"`);
    }
    if (!SORTS.includes(this.sort || 'definition')) {
      return new KalError(
        'config',
        `kal-badge-progress: sort must be definition, achieved-first or achieved-last, not "${String(this.sort)}"`,
      );
    }
    return refreshIntervalProblem(this, this.refreshInterval);
  }

  /** What the data depends on. */
  #dataArgs(): unknown[] {
    return [this.badgeIds, this.virtualEventId, this.userId, ...this.settingsKey()];
  }

  async #load(args: readonly unknown[], { signal, shareAcrossTabsMs }: LoadContext): Promise<BadgeData> {
    const [badgeIdsAttribute, virtualEventId, userIdAttribute] = args as [string | undefined, string | undefined, string | undefined];
    const ids = parseIdList(badgeIdsAttribute);
    const eventId = virtualEventId?.trim();
    if (ids.length === 0 && !eventId) {
      throw new KalError('config', 'kal-badge-progress: set badge-ids (a comma list) or virtual-event-id');
    }
    // A live refresh may use what another tab (or another widget here) read this interval (tab-share.ts).
    const api = shareAcrossTabsMs > 0 ? { ...this.api(signal), shareAcrossTabsMs } : this.api(signal);
    const userId = findViewer(api, userIdAttribute);
    userId.catch(() => undefined); // A token failure is reported by the reads; never unhandled here.
    const progressOf = (badgeIds: string[]) => userId.then((id) => listUserBadges(api, id, badgeIds));
    // With badge-ids the viewer's progress is read alongside the definitions, not after them (one
    // round trip instead of two); the answer for an id the service turns out not to know is dropped.
    const early = ids.map((id) =>
      progressOf([id]).then(
        (rows) => ({ rows }),
        (error: unknown) => ({ error }),
      ),
    );
    const definitions = await listBadges(api, { ...(ids.length ? { ids } : {}), ...(eventId ? { virtualEventId: eventId } : {}) });
    // Keep the order the host listed; by event, the service's order.
    const ordered = ids.length
      ? ids.flatMap((id) => definitions.filter((badge) => badge.id === id))
      : definitions;
    let progress: UserBadge[] = [];
    if (ids.length) {
      const known = new Set(ordered.map((badge) => badge.id));
      const settled = await Promise.all(early);
      settled.forEach((result, index) => {
        if (!known.has(ids[index]!)) return;
        if ('error' in result) throw result.error;
        progress.push(...result.rows);
      });
    } else if (ordered.length) {
      progress = await progressOf(ordered.map((badge) => badge.id));
    }
    return {
      args,
      badges: joinBadges(ordered, progress),
      missing: ids.filter((id) => !definitions.some((badge) => badge.id === id)).length,
      loadedAt: Date.now(),
    };
  }

  /** The last good data, when it was loaded for the current inputs. */
  #currentView(): BadgeData | undefined {
    return this.view && sameArgs(this.view.args, this.#dataArgs()) ? this.view : undefined;
  }

  #accept(data: BadgeData, refreshing: boolean): void {
    const previous = refreshing ? this.#currentView() : undefined;
    this.view = data;
    const earned = previous ? newlyAchieved(previous.badges, data.badges) : [];
    if (!previous) this.loaded(data.badges.length);
    if (earned.length === 0) return this.#celebration.clear();
    const announcement = earned.map((badge) => this.t('badges.announce', { name: badge.name })).join(' ');
    this.#celebration.celebrate(
      earned.map((badge) => badge.id),
      announcement,
      () => {
        for (const badge of earned) {
          this.emit('kal-badge-achieved', { badgeId: badge.id, achievedAt: (badge.achievedAt ?? new Date()).toISOString() });
        }
      },
    );
  }

  // ------------------------------------------------------------------ compact layout (compact-layout.ts)

  /** Downloads the compact layout once, when it is first asked for. Not loaded (offline?): cards. */
  #loadCompact(): Promise<void> {
    if (this.layout !== 'compact') return Promise.resolve();
    return (this.#compactLoad ??= import('./compact-layout.js').then(
      ({ CompactLayout }) => {
        this.#compact = new CompactLayout(this, {
          text: (key) => this.t(key),
          icon: (badge) => renderIcon(this.#text, badge),
          stateText: (badge) => stateText(this.#text, badge),
          ruleText: (rule, index) => ruleText(this.#text, rule, index),
          celebrating: (badgeId) => this.#celebration.ids.has(badgeId),
        });
        this.requestUpdate();
      },
      () => {
        this.#compactFailed = true;
        this.requestUpdate();
      },
    ));
  }

  #iconFailed(badgeId: string, url: string): void {
    if (this.brokenIcons.get(badgeId) === url) return;
    this.brokenIcons = new Map(this.brokenIcons).set(badgeId, url);
  }

  // ------------------------------------------------------------------ rendering

  override render(): TemplateResult {
    return html`<div class="root layout--${this.layout || 'grid'}" part="base" dir=${this.direction} lang=${this.locale}>
      ${this.#renderContent()}
      ${this.#celebration.renderAnnouncer()}
    </div>`;
  }

  #renderContent(): TemplateResult {
    if (this.attrError) return this.renderError(this.attrError, () => undefined);
    const view = this.#currentView();
    if (view) return this.#renderView(view);
    if (this.#data.failure !== undefined) return this.renderError(this.#data.failure, () => this.#data.retry());
    return this.renderLoading(this.layout === 'compact' ? 'rows' : 'cards');
  }

  #renderView(view: BadgeData): TemplateResult {
    const badges = sortBadges(view.badges, this.sort || 'definition');
    const achieved = badges.filter((badge) => badge.state === 'achieved').length;
    const busy = this.#data.pending;
    return html`
      ${badges.length
        ? html`<p class="summary" part="summary">
            ${this.t('badges.summary', { achieved: this.formatNumber(achieved), count: badges.length })}
          </p>`
        : nothing}
      ${view.missing
        ? html`<p class="note note--missing" part="note">${this.t('badges.missing', { count: view.missing })}</p>`
        : nothing}
      ${this.#data.staleSince !== undefined
        ? this.renderStale(this.t('badges.stale'), () => void this.refresh())
        : nothing}
      ${badges.length === 0
        ? this.renderEmpty(this.t('badges.empty'))
        : this.layout !== 'compact' || this.#compactFailed
          ? renderCards(this.#text, badges, busy, this.#celebration.ids)
          : (this.#compact?.render(badges, busy) ?? this.renderLoading())}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kal-badge-progress': KalBadgeProgress;
  }
}
