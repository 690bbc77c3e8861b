import { type PropertyDeclarations, type PropertyValues, type TemplateResult, html } from 'lit';
import type { ApiContext } from '../../api/context.js';
import { KalError } from '../../api/errors.js';
import { getUnsubscribedGroups } from '../../api/messaging.js';
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
import { type DeclaredGroup, type PrefRow, oneClickGroup, rowsFor } from './prefs-model.js';
import { PrefsSave } from './prefs-save.js';
import { prefsMessages } from '../../i18n/elements/unsubscribe-prefs.js';
import type { Translate } from '../../i18n/localize.js';
import { renderManager, renderOneClick, renderOutcome } from './prefs-view.js';

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
  /** The saved groups, the person's choices over them, and their save (prefs-save.ts). */
  readonly #save = new PrefsSave(this, this.#link, {
    api: () => this.api(this.connection.signal),
    stored: (changes) => {
      if (this.oneClick?.active) this.oneClick = { ...this.oneClick, done: true };
      this.emit('kal-prefs-saved', { subscribed: [...changes.subscribed], unsubscribed: [...changes.unsubscribed] });
    },
    report: (error) => this.reportError(error),
  });

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
      this.#save.loaded(groups);
      this.loaded(this.#rows().length);
    },
    report: (error) => this.reportError(this.#link.refused(error) ? LinkSession.expiredError() : error),
  });

  override connectedCallback(): void {
    super.connectedCallback();
    this.#urlGroup ??= pageParam('group');
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('ksParam')) this.#link.paramChanged();
    if (changed.has('unsubscribeGroup') || changed.has('declared') || !this.hasUpdated) {
      const { group, fromUrl } = oneClickGroup(this.unsubscribeGroup, this.#urlGroup, this.declared);
      if (group && group !== this.oneClick?.group) {
        this.oneClick = { group, active: true, done: false };
        this.#save.choose([group], false);
      } else if (!group && changed.has('unsubscribeGroup') && this.oneClick?.group !== fromUrl) {
        this.oneClick = undefined;
      }
    }
  }

  /** Whether leaving now would lose a choice (the one-click proposal counts once the person acted on it). */
  get hasUnsavedChanges(): boolean {
    if (!this.#save.dirty) return false;
    const oneClickProposalOnly = this.oneClick?.active && this.#save.phase === 'idle';
    return !oneClickProposalOnly;
  }

  // The link's KS (link-session.ts) takes part in the settings.
  protected override settingsKey(): unknown[] {
    return [...super.settingsKey(), this.#link.getKs];
  }

  protected override apiSettings(): ElementSettings {
    return this.#link.settings(this);
  }

  protected override api(signal: AbortSignal): ApiContext {
    return this.#link.api(() => super.api(signal));
  }

  /** Saves what differs from the last saved state. A second call while one is in flight is ignored. */
  save(): Promise<void> {
    return this.#save.save();
  }

  // --- state ---

  #rows(): PrefRow[] {
    const { saved, overrides } = this.#save;
    return rowsFor(this.declared, [...(saved ?? []), ...(this.oneClick ? [this.oneClick.group] : []), ...overrides.keys()]);
  }

  #toggle(id: string): void {
    this.#save.choose([id], !this.#save.subscribed(id));
    this.#save.dismissSaved();
  }

  async #askUnsubscribeAll(): Promise<void> {
    if (this.#save.phase === 'saving' || this.#allOff()) return;
    this.confirmingAll = true;
    this.#save.dismissSaved();
    await this.#focusAfterRender('[part~="confirm-all"]');
  }

  async #confirmUnsubscribeAll(): Promise<void> {
    this.#save.choose(this.#rows().map((row) => row.id), false);
    this.confirmingAll = false;
    this.#save.dismissSaved();
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
    return this.#rows().every((row) => !this.#save.subscribed(row.id));
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
    if (this.#data.pending || !this.#save.saved) return this.renderLoading('toggles');
    if (this.oneClick?.active) return this.#renderOneClick(this.oneClick);
    return this.#renderManager();
  }

  #renderLoadError(error: unknown): TemplateResult {
    if (this.#link.refused(error)) {
      const request = this.#requestLink();
      return request ? renderState(this.#t, 'session', this.t('prefs.linkExpired'), request) : this.renderNotice('session', this.t('prefs.linkExpiredHelp'));
    }
    if (this.#link.missing(error)) return this.renderNotice('session', this.t('prefs.linkMissing'));
    return this.renderError(error, () => this.#data.retry());
  }

  /** The element's translations for the templates (prefs-view.ts). */
  readonly #t: Translate = (key, params) => this.t(key, params);

  #renderManager(): TemplateResult {
    return renderManager(
      this.#t,
      {
        rows: this.#rows(),
        subscribed: (id) => this.#save.subscribed(id),
        saving: this.#save.phase === 'saving',
        dirty: this.#save.dirty,
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
      { row, group: row?.label ?? oneClick.group, pending: this.#save.dirty, saving: this.#save.phase === 'saving', done: oneClick.done },
      { save: () => void this.save(), manageAll: () => void this.#manageAll() },
      this.#renderOutcome(),
    );
  }

  #renderOutcome(): TemplateResult {
    return renderOutcome(this.#t, this.#save.phase, this.#save.error, () => void this.save(), this.#requestLink());
  }

  /** "Get a new link" for an expired email link, when the page says where (a safe URL only). */
  #requestLink(): { label: string; href: string } | undefined {
    const href = safeUrl(this.linkRequestUrl);
    return href ? { label: this.t('prefs.requestLink'), href } : undefined;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kal-unsubscribe-prefs': KalUnsubscribePrefs;
  }
}
