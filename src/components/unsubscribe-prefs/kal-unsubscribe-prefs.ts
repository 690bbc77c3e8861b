import { type PropertyDeclarations, type PropertyValues, type TemplateResult, html } from 'lit';
import type { ApiContext } from '../../api/context.js';
import { KalError, toKalError } from '../../api/errors.js';
import { type GroupChanges, getUnsubscribedGroups, syncGroups } from '../../api/messaging.js';
import type { ElementSettings } from '../../config.js';
import { KalElement } from '../shared/kal-element.js';
import { DataController } from '../shared/data-controller.js';
import { safeUrl } from '../shared/safe-url.js';
import { renderState } from '../shared/states.js';
import { themeStyles } from '../shared/theme.styles.js';
import { GroupDeclarations } from './declarations.js';
import { LinkSession } from './link-session.js';
import { UnsavedGuard } from './unsaved-guard.js';
import { prefsStyles } from './kal-unsubscribe-prefs.styles.js';
import { pageParam } from './link-ks.js';
import {
  type DeclaredGroup,
  type PrefRow,
  applyChanges,
  diffChoices,
  hasChanges,
  isSubscribed,
  oneClickGroup,
  pruneOverrides,
  rowsFor,
} from './prefs-model.js';
import { prefsMessages } from '../../i18n/elements/unsubscribe-prefs.js';
import { type SavePhase, type Translate, renderManager, renderOneClick, renderOutcome } from './prefs-view.js';

interface OneClick {
  group: string;
  /** The one-click view is shown (until the person asks to manage everything). */
  active: boolean;
  /** The unsubscribe was saved from the one-click view. */
  done: boolean;
}

/**
 * @summary An email preference centre: the person's Messaging unsubscribe groups as switches (on =
 * subscribed), a Save that sends only what changed, "Unsubscribe from all" with a confirmation, and a
 * one-click path for the "Unsubscribe" link of an email. A choice is never lost: a failed save keeps
 * every switch as the person left it with the reason and "Try again", a save made offline is sent on
 * reconnection, a refused KS is refreshed (when the page has a token source) and the save retried,
 * and leaving the page with unsaved changes asks first.
 *
 * ```html
 * <kal-unsubscribe-prefs ks-param="ks">
 *   <kal-pref-group group-id="event-updates" label="Event updates"
 *     description="Schedule changes and reminders"></kal-pref-group>
 *   <kal-pref-group group-id="marketing-emails" label="News and offers"></kal-pref-group>
 * </kal-unsubscribe-prefs>
 * ```
 *
 * The KS comes from the common configuration (`configure({ getKs })`, `token-endpoint`, the `.getKs`
 * property), or, with `ks-param`, from the page URL of an email link (query or fragment): it is
 * removed from the address bar at once (`history.replaceState`, other parameters and the fragment
 * kept) and held only in memory. A link KS cannot be refreshed: when the service refuses it, the
 * widget says the link has expired, with "Get a new link" to `link-request-url` when the page gives one
 * (else it asks the person to use the link of the latest email). Landing pages that take a KS in their URL
 * should also send `<meta name="referrer" content="no-referrer">`.
 *
 * One-click: `unsubscribe-group="id"` (or a `group` parameter in the page URL that names a declared
 * group) opens with that group switched off and a single "Confirm unsubscribe" action, plus "Manage
 * all email preferences".
 *
 * Groups the server says the person left but no `<kal-pref-group>` declares are shown as extra rows
 * labelled by their id. A group declared twice is shown once (the first declaration) and reported as
 * a `config` `kal-error` naming it; no declared group at all is a `config` error state.
 *
 * @fires kal-load - The person's groups are on screen (`detail.count`: rows shown).
 * @fires kal-error - Loading or saving failed, or the declarations are wrong (`detail: { code, message, retryable }`; never a KS).
 * @fires kal-prefs-saved - A save was stored (`detail: { subscribed, unsubscribed }`: the groups changed by it).
 *
 * @csspart base - The wrapper of everything.
 * @csspart groups - The list of groups (`aria-busy` while saving).
 * @csspart group - One group's row.
 * @csspart label - A group's label (the organiser's words).
 * @csspart description - A group's description.
 * @csspart switch - A group's switch (`role="switch"`, `aria-checked`).
 * @csspart actions - The row of actions under the list (and in the one-click view).
 * @csspart save - The Save button (`aria-disabled` until something changed, "Saving…" while saving).
 * @csspart unsubscribe-all - The "Unsubscribe from all" button.
 * @csspart confirm - The confirmation step of "Unsubscribe from all".
 * @csspart confirm-all - Its confirm button.
 * @csspart cancel - Its cancel button.
 * @csspart one-click - The one-click view.
 * @csspart confirm-unsubscribe - The one-click "Confirm unsubscribe" button.
 * @csspart manage-all - The "Manage all email preferences" button.
 * @csspart status - The polite live region ("Preferences saved", offline notice).
 * @csspart failure - A failed save: the reason and "Try again".
 * @csspart retry - "Try again" (a failed save, or a failed load).
 * @csspart action - "Get a new link" after an email link expired (with `link-request-url`).
 * @csspart loading - The loading state.
 * @csspart error - The error state (load failure, expired link, no groups).
 *
 * @cssprop --kal-switch-off-color - Track colour of a switch that is off (default: `--kal-color-muted`)
 * @cssprop --kal-switch-width - Width of a switch (default 2.75rem)
 *
 * @slot - Holds the `<kal-pref-group>` declarations: they are read as data, not rendered.
 */
export class KalUnsubscribePrefs extends KalElement {
  static override styles = [themeStyles, prefsStyles];
  static override messages = prefsMessages;
  static override properties: PropertyDeclarations = {
    ksParam: { attribute: 'ks-param' },
    linkRequestUrl: { attribute: 'link-request-url' },
    unsubscribeGroup: { attribute: 'unsubscribe-group' },
    declared: { state: true },
    saved: { state: true },
    overrides: { state: true },
    phase: { state: true },
    saveError: { state: true },
    confirmingAll: { state: true },
    oneClick: { state: true },
    documentLoaded: { state: true },
  };

  /** Read the KS from this page URL parameter (query or fragment), then remove it from the address bar. */
  ksParam?: string;
  /** One-click: open with this group switched off and a single "Confirm unsubscribe" action. */
  unsubscribeGroup?: string;
  /** A page of yours where a person whose email link expired asks for a new one ("Get a new link"). */
  linkRequestUrl?: string;

  private declared: DeclaredGroup[] = [];
  /** The groups the person has left, as last loaded or saved. */
  private saved: ReadonlySet<string> | undefined;
  /** The person's choices that differ (or may differ) from `saved`: group id → subscribed. */
  private overrides: ReadonlyMap<string, boolean> = new Map();
  private phase: SavePhase = 'idle';
  private saveError: KalError | undefined;
  private confirmingAll = false;
  private oneClick: OneClick | undefined;
  /** Children may still be arriving from the parser until the document is read. */
  private documentLoaded = document.readyState !== 'loading';

  #urlGroup: string | undefined;

  constructor() {
    super();
    // Controllers register themselves with the element: the unsaved-changes prompt, and the
    // <kal-pref-group> children read as data.
    new UnsavedGuard(this, () => this.hasUnsavedChanges, () => this.t('prefs.unsaved'));
    new GroupDeclarations(this, {
      changed: (groups) => (this.declared = groups),
      documentLoaded: () => (this.documentLoaded = true),
      report: (error) => {
        console.warn(`kaltura-widgets: ${error.message}`);
        this.emit('kal-error', error.toDetail());
      },
    });
  }

  readonly #link = new LinkSession(this, () => this.ksParam);

  readonly #data = new DataController<string[]>(this, {
    // settingsKey() holds the link's KS callback too.
    args: () => [this.declared.length > 0, ...this.settingsKey()],
    // Children may still be arriving from the parser: with none yet, decide once the document is read.
    ready: () => this.declared.length > 0 || this.documentLoaded,
    refreshing: () => false,
    load: async (_args, { signal }) => {
      if (this.declared.length === 0) {
        throw new KalError(
          'config',
          'no <kal-pref-group> inside <kal-unsubscribe-prefs>: declare each email group, e.g. <kal-pref-group group-id="event-updates" label="Event updates">',
        );
      }
      return getUnsubscribedGroups(this.api(signal));
    },
    apply: (groups) => {
      this.saved = new Set(groups);
      this.loaded(this.#rows().length);
    },
    report: (error) => this.reportError(this.#link.refused(error) ? LinkSession.expiredError() : error),
  });

  override connectedCallback(): void {
    super.connectedCallback();
    this.#urlGroup ??= pageParam('group');
    globalThis.addEventListener('online', this.#onOnline);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    globalThis.removeEventListener('online', this.#onOnline);
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('ksParam')) this.#link.paramChanged();
    if (changed.has('unsubscribeGroup') || changed.has('declared') || !this.hasUpdated) {
      const { group, fromUrl } = oneClickGroup(this.unsubscribeGroup, this.#urlGroup, this.declared);
      if (group && group !== this.oneClick?.group) {
        this.oneClick = { group, active: true, done: false };
        this.overrides = new Map(this.overrides).set(group, false);
      } else if (!group && changed.has('unsubscribeGroup') && this.oneClick?.group !== fromUrl) {
        this.oneClick = undefined;
      }
    }
  }

  /** Whether leaving now would lose a choice (the one-click proposal counts once the person acted on it). */
  get hasUnsavedChanges(): boolean {
    if (!this.saved || !hasChanges(this.#changes())) return false;
    const oneClickProposalOnly = this.oneClick?.active && this.phase === 'idle';
    return !oneClickProposalOnly;
  }

  protected override settingsKey(): unknown[] {
    return [...super.settingsKey(), this.#link.getKs];
  }

  /** With a link KS, the link's callback replaces the configured token source. */
  protected override apiSettings(): ElementSettings {
    const { partnerId, region, gameUrl, messagingUrl } = this;
    return this.#link.getKs ? { partnerId, region, gameUrl, messagingUrl, getKs: this.#link.getKs } : this;
  }

  protected override api(signal: AbortSignal): ApiContext {
    try {
      return super.api(signal);
    } catch (error) {
      if (this.ksParam && !this.#link.getKs && error instanceof KalError && error.messageKey === 'error.noToken') {
        throw new KalError('config', `no KS: the page URL has no "${this.ksParam}" parameter (ks-param), and no getKs or token-endpoint is configured`, {
          messageKey: 'error.noToken',
        });
      }
      throw error;
    }
  }

  // --- state ---

  #rows(): PrefRow[] {
    return rowsFor(this.declared, [...(this.saved ?? []), ...(this.oneClick ? [this.oneClick.group] : []), ...this.overrides.keys()]);
  }

  #changes(): GroupChanges {
    return this.saved ? diffChoices(this.saved, this.overrides) : { unsubscribed: [], subscribed: [] };
  }

  #subscribed(id: string): boolean {
    return isSubscribed(id, this.saved ?? new Set(), this.overrides);
  }

  #toggle(id: string): void {
    this.overrides = new Map(this.overrides).set(id, !this.#subscribed(id));
    if (this.phase === 'saved') this.phase = 'idle';
  }

  /** Saves what differs from the last saved state. A second call while one is in flight is ignored. */
  async save(): Promise<void> {
    if (this.phase === 'saving' || !this.saved) return;
    const changes = this.#changes();
    if (!hasChanges(changes)) return;
    this.saveError = undefined;
    if (isOffline()) {
      // Nothing leaves the page; the `online` event sends the latest choices.
      this.phase = 'offline';
      return;
    }
    this.phase = 'saving';
    try {
      const answer = await syncGroups(this.api(this.connection.signal), changes);
      // The service answers the full new state; our own changes hold in any case.
      this.saved = applyChanges(answer ? new Set(answer) : this.saved, changes);
      this.overrides = pruneOverrides(this.saved, this.overrides);
      this.phase = 'saved';
      if (this.oneClick?.active) this.oneClick = { ...this.oneClick, done: true };
      this.emit('kal-prefs-saved', { subscribed: [...changes.subscribed], unsubscribed: [...changes.unsubscribed] });
    } catch (caught) {
      const error = toKalError(caught);
      if (error.code === 'aborted') {
        this.phase = 'idle';
        return;
      }
      if (this.#link.refused(error)) {
        this.phase = 'expired';
        this.reportError(LinkSession.expiredError());
        return;
      }
      // Offline: saved on reconnection. A dropped connection (the browser still online) is a failure to say.
      this.phase = error.code === 'network' && isOffline() ? 'offline' : 'failed';
      this.saveError = error;
      this.reportError(error);
    }
  }

  readonly #onOnline = (): void => {
    if (this.phase === 'offline' || (this.phase === 'failed' && this.saveError?.code === 'network')) void this.save();
  };

  async #askUnsubscribeAll(): Promise<void> {
    if (this.phase === 'saving' || this.#allOff()) return;
    this.confirmingAll = true;
    // The question is about what comes next: an earlier "Preferences saved" does not stand under it.
    if (this.phase === 'saved') this.phase = 'idle';
    await this.#focusAfterRender('[part~="confirm-all"]');
  }

  async #confirmUnsubscribeAll(): Promise<void> {
    const overrides = new Map(this.overrides);
    for (const row of this.#rows()) overrides.set(row.id, false);
    this.overrides = overrides;
    this.confirmingAll = false;
    if (this.phase === 'saved') this.phase = 'idle';
    await this.#focusAfterRender('[part~="save"]');
    await this.save();
  }

  async #cancelUnsubscribeAll(): Promise<void> {
    this.confirmingAll = false;
    await this.#focusAfterRender('[part~="unsubscribe-all"]');
  }

  async #manageAll(): Promise<void> {
    if (!this.oneClick) return;
    const group = this.oneClick.group;
    this.oneClick = { ...this.oneClick, active: false };
    await this.#focusAfterRender(`[data-group-id="${CSS.escape(group)}"] [part~="switch"]`);
  }

  #allOff(): boolean {
    return this.#rows().every((row) => !this.#subscribed(row.id));
  }

  /** Moves focus once the next render is on screen (after a question opens or closes). */
  async #focusAfterRender(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  // --- rendering ---

  override render(): TemplateResult {
    return html`<div class="prefs" part="base" dir=${this.direction} lang=${this.locale}>${this.#renderBody()}</div>`;
  }

  #renderBody(): TemplateResult {
    if (this.declared.length === 0 && this.documentLoaded) return this.renderNotice('setup', this.t('prefs.noGroups'));
    if (this.#data.failure !== undefined) return this.#renderLoadError(this.#data.failure);
    if (this.#data.pending || !this.saved) return this.renderLoading('toggles');
    if (this.oneClick?.active) return this.#renderOneClick(this.oneClick);
    return this.#renderManager();
  }

  #renderLoadError(error: unknown): TemplateResult {
    if (this.#link.refused(error)) {
      const request = this.#requestLink();
      return request ? renderState(this.#t, 'session', this.t('prefs.linkExpired'), request) : this.renderNotice('session', this.t('prefs.linkExpiredHelp'));
    }
    const kalError = toKalError(error);
    if (this.ksParam && !this.#link.getKs && kalError.messageKey === 'error.noToken') return this.renderNotice('session', this.t('prefs.linkMissing'));
    return this.renderError(kalError, () => this.#data.retry());
  }

  /** The element's translations for the templates (prefs-view.ts). */
  readonly #t: Translate = (key, params) => this.t(key, params);

  #renderManager(): TemplateResult {
    return renderManager(
      this.#t,
      {
        rows: this.#rows(),
        subscribed: (id) => this.#subscribed(id),
        saving: this.phase === 'saving',
        dirty: hasChanges(this.#changes()),
        confirmingAll: this.confirmingAll,
        allOff: this.#allOff(),
      },
      {
        toggle: (id) => this.#toggle(id),
        save: () => void this.save(),
        askAll: () => void this.#askUnsubscribeAll(),
        confirmAll: () => void this.#confirmUnsubscribeAll(),
        cancelAll: () => void this.#cancelUnsubscribeAll(),
      },
      this.#renderOutcome(),
    );
  }

  #renderOneClick(oneClick: OneClick): TemplateResult {
    const row = this.#rows().find((each) => each.id === oneClick.group);
    return renderOneClick(
      this.#t,
      { row, group: row?.label ?? oneClick.group, pending: hasChanges(this.#changes()), saving: this.phase === 'saving', done: oneClick.done },
      { save: () => void this.save(), manageAll: () => void this.#manageAll() },
      this.#renderOutcome(),
    );
  }

  #renderOutcome(): TemplateResult {
    return renderOutcome(this.#t, this.phase, this.saveError, () => void this.save(), this.#requestLink());
  }

  /** "Get a new link" for an expired email link, when the page says where (a safe URL only). */
  #requestLink(): { label: string; href: string } | undefined {
    const href = safeUrl(this.linkRequestUrl);
    return href ? { label: this.t('prefs.requestLink'), href } : undefined;
  }
}

/** The browser knows it has no connection (a save then waits for it). */
const isOffline = (): boolean => globalThis.navigator?.onLine === false;

declare global {
  interface HTMLElementTagNameMap {
    'kal-unsubscribe-prefs': KalUnsubscribePrefs;
  }
}
