import { type PropertyDeclarations, type TemplateResult, LitElement } from 'lit';
import type { ApiContext } from '../../api/context.js';
import { type KalError, toKalError } from '../../api/errors.js';
import type { GetKs, SessionSource } from '../../api/session.js';
import { type ElementSettings, currentConfig, onConfigure, resolveApi } from '../../config.js';
import type { MessageKey } from '../../i18n/en.js';
import type { Message } from '../../i18n/messages.js';
import { type MessageParams, directionOf, normaliseLocale, onCatalogueLoaded, translate } from '../../i18n/localize.js';
import { registerShippedLocales } from '../../i18n/register-locales.js';
import type { KalEventDetails, KalEventName } from './events.js';
import { watchLang } from './lang-watch.js';
import { renderStaleNote } from './note.js';
import { type SkeletonShape, type StateKind, kindOf, renderSkeleton, renderState } from './states.js';

/** Errors a person's retry cannot fix. */
const NO_RETRY: ReadonlySet<string> = new Set(['config', 'forbidden', 'not-found']);

/** Set-up mistakes already told to the page's developer (one warning each, however many elements). */
const warned = new Set<string>();

/**
 * What every kit element shares: the common config attributes, settings resolution,
 * i18n, typed events, and the loading / empty / error-with-retry states (states.ts).
 */
export abstract class KalElement extends LitElement {
  static override properties: PropertyDeclarations = {
    partnerId: { attribute: 'partner-id', type: Number },
    region: {},
    gameUrl: { attribute: 'game-url' },
    messagingUrl: { attribute: 'messaging-url' },
    eventsUrl: { attribute: 'events-url' },
    tokenEndpoint: { attribute: 'token-endpoint' },
    getKs: { attribute: false },
    theme: { reflect: true },
    configVersion: { state: true },
  };

  /** The element's own English text (its file in `i18n/elements/`); the kit's shared state and error text is added by `t`. */
  static messages: Partial<Record<MessageKey, Message>> = {};

  /** Kaltura partner id (overrides `configure({ partnerId })`). */
  partnerId?: number;
  /** Service region: nvp1 (default), irp2, frp2, sgp2, syp2, cap2. */
  region?: string;
  /** Game Services base URL (a host proxy or the sandbox). */
  gameUrl?: string;
  /** Messaging base URL. */
  messagingUrl?: string;
  /** Events Platform base URL: the host's Events proxy (`createEventsProxy`). */
  eventsUrl?: string;
  /** Same-origin URL that answers a USER KS for the signed-in person. */
  tokenEndpoint?: string;
  /** Token callback (property only, so a KS source never sits in an attribute). */
  getKs?: GetKs;
  /** `auto` (follows the system), `light` or `dark`. */
  theme: 'auto' | 'light' | 'dark' = 'auto';

  /** Bumped when `configure()` changes, so tasks depending on settings re-run. */
  protected configVersion = 0;

  /** Aborted when the element leaves the page: its requests stop with it. */
  protected connection = new AbortController();
  #cleanups: Array<() => void> = [];
  #lastReported: unknown;

  override connectedCallback(): void {
    super.connectedCallback();
    registerShippedLocales();
    if (this.connection.signal.aborted) this.connection = new AbortController();
    this.#cleanups.push(
      onConfigure(() => this.configVersion++),
      onCatalogueLoaded(() => this.requestUpdate()),
      watchLang(this),
    );
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.connection.abort();
    for (const cleanup of this.#cleanups.splice(0)) cleanup();
  }

  /** Everything the settings depend on: use it in a Task's args so any change re-fetches. */
  protected settingsKey(): unknown[] {
    return [this.partnerId, this.region, this.gameUrl, this.messagingUrl, this.eventsUrl, this.tokenEndpoint, this.getKs, this.configVersion];
  }

  /** The API context for these settings; throws a `config` KalError when they are unusable. */
  protected api(signal: AbortSignal, scope?: SessionSource['scope']): ApiContext {
    return { ...resolveApi(this.apiSettings(), scope), signal: AbortSignal.any([signal, this.connection.signal]) };
  }

  /** The settings its service calls use: the element's own (partnerId, region, gameUrl, messagingUrl, eventsUrl, tokenEndpoint, getKs). */
  protected apiSettings(): ElementSettings {
    return this;
  }

  /** The UI language: own `lang`, then `configure({ locale })`, then the nearest `lang`, then the browser's. */
  get locale(): string {
    const own = this.getAttribute('lang');
    const inherited = this.parentElement?.closest('[lang]')?.getAttribute('lang');
    return normaliseLocale(own || currentConfig().locale || inherited || globalThis.navigator?.language);
  }

  /** Text direction: own `dir`, else the language's. */
  get direction(): 'ltr' | 'rtl' {
    const own = this.getAttribute('dir');
    return own === 'rtl' || own === 'ltr' ? own : directionOf(this.locale);
  }

  protected t(key: MessageKey, params?: MessageParams): string {
    return translate(this.locale, key, params, (this.constructor as typeof KalElement).messages[key]);
  }

  protected formatNumber(value: number, options?: Intl.NumberFormatOptions): string {
    return new Intl.NumberFormat(this.locale, options).format(value);
  }

  protected formatDate(value: Date, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' }): string {
    return new Intl.DateTimeFormat(this.locale, options).format(value);
  }

  /** Dispatches one of the kit's events: bubbling, composed, typed. */
  protected emit<K extends KalEventName>(name: K, detail: KalEventDetails[K]): boolean {
    return this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }

  /** Emits `kal-load` once what was loaded is on screen (after this render). */
  protected loaded(count?: number): void {
    void this.updateComplete.then(() => this.emit('kal-load', count === undefined ? {} : { count }));
  }

  /**
   * Turns anything thrown into a KalError and emits `kal-error` once for it (never for a cancellation).
   * A set-up mistake (`config`) is also told to the page's developer, once per page: a console warning
   * naming the setting to fix (messages are KS-free).
   */
  protected reportError(error: unknown): KalError {
    const kalError = toKalError(error);
    if (kalError.code !== 'aborted' && error !== this.#lastReported) {
      this.#lastReported = error;
      if (kalError.code === 'config' && !warned.has(kalError.message)) {
        warned.add(kalError.message);
        console.warn(`kaltura-widgets: ${kalError.message}`);
      }
      this.emit('kal-error', kalError.toDetail());
    }
    return kalError;
  }

  /** The loading state: a skeleton shaped like the element's data. */
  protected renderLoading(shape: SkeletonShape = 'rows'): TemplateResult {
    return renderSkeleton(this.t('state.loading'), shape);
  }

  protected renderEmpty(message: string): TemplateResult {
    return this.renderNotice('empty', message);
  }

  /** The quiet note over data kept on screen after a failed refresh (`message`), with a retry. */
  protected renderStale(message: string, retry: () => void): TemplateResult {
    return renderStaleNote(message, this.t('state.retry'), retry);
  }

  /** A state with no action: nothing to show yet, or a problem retrying cannot fix. */
  protected renderNotice(kind: StateKind, message: string): TemplateResult {
    return renderState((key) => this.t(key), kind, message);
  }

  /**
   * The error state: its kind's icon and title, the translated reason (or the element's own `text`
   * for it) and a retry button where retrying can help: not for a set-up mistake, a refusal (403) or
   * something that is not there (404).
   */
  protected renderError(error: unknown, retry: () => void, text?: string): TemplateResult {
    const kalError = toKalError(error);
    const action = NO_RETRY.has(kalError.code) ? undefined : { label: this.t('state.retry'), run: retry };
    return renderState((key) => this.t(key), kindOf(kalError), text ?? this.t(kalError.messageKey), action);
  }
}
