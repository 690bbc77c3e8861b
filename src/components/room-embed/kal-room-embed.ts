import { type PropertyDeclarations, type PropertyValues, type TemplateResult, html } from 'lit';
import { KalError, isAbort, toKalError } from '../../api/errors.js';
import { viewRoomUrl } from '../../api/rooms.js';
import { currentConfig } from '../../config.js';
import type { Translate } from '../../i18n/localize.js';
import { KalElement } from '../shared/kal-element.js';
import { safeUrl } from '../shared/safe-url.js';
import { themeStyles } from '../shared/theme.styles.js';
import { roomEmbedStyles } from './kal-room-embed.styles.js';
import { DEFAULT_LOAD_TIMEOUT_SECONDS, type RoomProblem, type RoomSettings, checkRoomSettings } from './room-settings.js';
import { renderCard, renderConnecting, renderFrame, renderProblem } from './room-view.js';
import { roomMessages } from '../../i18n/elements/room-embed.js';

export { DEFAULT_LOAD_TIMEOUT_SECONDS };
export { ROOM_ALLOW, ROOM_SANDBOX } from './room-view.js';

/**
 * - `idle`: not joined yet (the Join card, or about to join when `join="auto"`)
 * - `connecting`: asking the host for a KS
 * - `loading`: the iframe is on the page, waiting for its `load`
 * - `joined`: the room is open
 * - `left`: the person left; the Rejoin card
 * - `error`: joining failed (retry joins again with a fresh KS)
 */
type Phase = 'idle' | 'connecting' | 'loading' | 'joined' | 'left' | 'error';

interface Attempt {
  controller: AbortController;
  /** Started by the person (a click), so focus may follow it; never for `join="auto"`. */
  byUser: boolean;
}

/**
 * A Kaltura (KAF) meeting room in an iframe. By default the person clicks "Join room" first, so
 * the camera and microphone prompts only follow their click. Each join asks the host for a fresh
 * KS scoped to the room (`getKs({ widget: 'room', entryId })`, or `?widget=room&entryId=` on a
 * token endpoint); the KS only ever appears in the iframe's URL. Once a room is open nothing
 * reloads it (not a new KS, not `configure()`): settings changes apply at the next join.
 *
 * @summary A KAF meeting room with click-to-join, leave and rejoin, full screen, and clear errors.
 *
 * @fires kal-room-join - The room loaded in the iframe. `detail: { entryId }`.
 * @fires kal-room-leave - The person left a joined room (the iframe is gone). `detail: { entryId }`.
 * @fires kal-load - The room is on screen (with each join).
 * @fires kal-error - Joining failed: bad settings (`config`), the token callback failed, or the room did not load in time (`timeout`). `detail: { code, message, retryable }`, never a KS.
 *
 * @csspart card - The Join / Rejoin card: compact; the room takes its 16:9 box once opened.
 * @csspart poster - The Join card's image (`poster`).
 * @csspart join - The Join room / Rejoin button.
 * @csspart frame - The room's iframe.
 * @csspart toolbar - The bar above the room (full screen, leave).
 * @csspart fullscreen - The full screen button.
 * @csspart leave - The Leave button.
 * @csspart loading - The connecting / opening status.
 * @csspart error - The error state.
 * @csspart retry - The error state's retry button.
 *
 * @cssprop [--kal-room-aspect-ratio=16 / 9] - The room's shape; a `height` on the element wins over it.
 * @cssprop [--kal-room-frame-background=var(--kal-color-surface)] - Behind the iframe while it paints.
 * @cssprop [--kal-room-border=1px solid var(--kal-color-border)] - The element's border.
 */
export class KalRoomEmbed extends KalElement {
  static override styles = [themeStyles, roomEmbedStyles];
  static override messages = roomMessages;
  static override properties: PropertyDeclarations = {
    kafHost: { attribute: 'kaf-host' },
    entryId: { attribute: 'entry-id' },
    join: {},
    kafUrl: { attribute: 'kaf-url' },
    roomName: { attribute: 'room-name' },
    poster: {},
    loadTimeout: { attribute: 'load-timeout', type: Number },
    phase: { state: true },
    problem: { state: true },
    frameSrc: { state: true },
    fullscreen: { state: true },
  };

  /** The KAF instance's host name, e.g. `example.mediaspace.kaltura.com` (not a URL). */
  kafHost?: string;
  /** The room's entry id (create-room answers it). */
  entryId?: string;
  /** `click` (default): a Join card first; `auto`: join as soon as the element is on the page. */
  join: 'click' | 'auto' = 'click';
  /** A KAF base URL overriding `kaf-host` and `configure({ serviceUrls: { kaf } })` (a proxy, the sandbox). */
  kafUrl?: string;
  /** The room's name for people (the card and the iframe's title); default: the entry id. */
  roomName?: string;
  /** An image for the Join card (https, or this page's origin), e.g. the session's thumbnail. */
  poster?: string;
  /**
   * Seconds to wait for the room to load before showing an error (default 20, at most 600: larger
   * values are lowered to 600). Anything but a positive number is a config error.
   */
  loadTimeout = DEFAULT_LOAD_TIMEOUT_SECONDS;

  private phase: Phase = 'idle';
  private problem: RoomProblem | undefined;
  private frameSrc: string | undefined;
  private fullscreen = false;

  /** Problems with the attributes themselves, found before any KS is asked for. */
  #settingsProblem: RoomProblem | undefined;
  #settings: RoomSettings | undefined;
  #reportedSettingsMessage = '';
  #lastSettingsKey: unknown[] = [];
  #attempt: Attempt | undefined;
  #loadTimer: ReturnType<typeof setTimeout> | undefined;
  /** The room that is open (or opening): events name it even if `entry-id` changed since. */
  #openEntryId = '';
  #pendingFocus: 'join' | 'leave' | 'retry' | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('fullscreenchange', this.#onFullscreenChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('fullscreenchange', this.#onFullscreenChange);
    // Taken off the page: the room goes with it (a moved iframe reloads anyway).
    this.#unload();
    this.phase = 'idle';
    this.problem = undefined;
  }

  /** Joins the room (what the Join button does). Each join asks for a fresh KS. */
  joinRoom(): Promise<void> {
    return this.#start(true);
  }

  /** Leaves the room: the iframe is removed and the Rejoin card shown. */
  leaveRoom(): void {
    const wasJoined = this.phase === 'joined';
    if (this.phase !== 'connecting' && this.phase !== 'loading' && !wasJoined) return;
    const entryId = this.#openEntryId;
    this.#unload();
    this.phase = 'left';
    this.#focusAfterRender('join');
    if (wasJoined) void this.updateComplete.then(() => this.emit('kal-room-leave', { entryId }));
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const check = checkRoomSettings({
      kafHost: this.kafHost,
      kafUrl: this.kafUrl,
      configuredKafUrl: currentConfig().serviceUrls?.kaf,
      entryId: this.entryId,
      loadTimeout: this.loadTimeout,
      loadTimeoutAttribute: this.getAttribute('load-timeout'),
    });
    if ('problem' in check) {
      this.#settings = undefined;
      if (check.problem.error.message !== this.#settingsProblem?.error.message) this.#settingsProblem = check.problem;
    } else {
      this.#settings = check.settings;
      this.#settingsProblem = undefined;
    }
    // A failed join is not final: new settings (a getKs at last, another room) mean a new try.
    const key = [...this.settingsKey(), this.kafHost, this.kafUrl, this.entryId, this.loadTimeout];
    // Object.is: a NaN partner-id or load-timeout is the same setting as before, not a change each render.
    const settingsChanged = key.length !== this.#lastSettingsKey.length || key.some((value, i) => !Object.is(value, this.#lastSettingsKey[i]));
    this.#lastSettingsKey = key;
    if (settingsChanged && this.phase === 'error') {
      this.phase = 'idle';
      this.problem = undefined;
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // Bad attributes are reported once each, when they show (not while a room is open).
    const message = this.#settingsProblem?.error.message ?? '';
    if (!this.#active && message !== this.#reportedSettingsMessage) {
      this.#reportedSettingsMessage = message;
      if (this.#settingsProblem) this.reportError(this.#settingsProblem.error);
    }
    if (this.#pendingFocus) {
      const part = this.#pendingFocus;
      this.#pendingFocus = undefined;
      const active = document.activeElement;
      // Only when focus was ours (or lost with a removed button): never pulled from elsewhere on the page.
      if (!active || active === document.body || active === this) {
        this.renderRoot.querySelector<HTMLElement>(`[part~="${part}"]`)?.focus();
      }
    }
    if (this.join === 'auto' && this.phase === 'idle' && !this.#settingsProblem && this.isConnected) void this.#start(false);
  }

  /** A room is open or opening: nothing may disturb it. */
  get #active(): boolean {
    return this.phase === 'connecting' || this.phase === 'loading' || this.phase === 'joined';
  }

  async #start(byUser: boolean): Promise<void> {
    if (this.#active) return;
    const settings = this.#settings;
    if (!settings) return;
    this.#cancelAttempt();
    const attempt: Attempt = { controller: new AbortController(), byUser };
    this.#attempt = attempt;
    this.problem = undefined;
    this.phase = 'connecting';
    this.#openEntryId = settings.entryId;
    const { signal } = attempt.controller;
    try {
      const api = this.api(signal, { widget: 'room', entryId: settings.entryId });
      // Every join gets a KS of its own, with its full lifetime: never one cached for an earlier join.
      api.session.forget();
      const ks = await api.session.ks(api.signal);
      if (this.#attempt !== attempt) return;
      this.frameSrc = viewRoomUrl({ kafHost: settings.kafHost, kafBaseUrl: settings.kafBaseUrl }, ks);
      this.phase = 'loading';
      if (byUser) this.#focusAfterRender('leave');
      const seconds = settings.loadTimeoutSeconds;
      this.#loadTimer = setTimeout(() => this.#onLoadTimeout(attempt, seconds), seconds * 1000);
    } catch (error) {
      if (this.#attempt !== attempt || isAbort(error)) return;
      const kalError = toKalError(error);
      this.#fail(attempt, { error: kalError, textKey: kalError.messageKey });
    }
  }

  #onLoadTimeout(attempt: Attempt, seconds: number): void {
    if (this.#attempt !== attempt || this.phase !== 'loading') return;
    this.#fail(attempt, {
      error: new KalError('timeout', `the meeting room did not load within ${seconds} s`, { retryable: true }),
      textKey: 'room.unreachable',
    });
  }

  readonly #onFrameLoad = (event: Event): void => {
    const frame = event.currentTarget as HTMLIFrameElement;
    if (this.phase !== 'loading' || !this.frameSrc || frame.getAttribute('src') !== this.frameSrc) return;
    // The initial about:blank of a same-origin frame is not the room.
    let blank = false;
    try {
      blank = frame.contentDocument?.URL === 'about:blank';
    } catch {
      blank = false;
    }
    if (blank) return;
    this.#clearLoadTimer();
    this.phase = 'joined';
    const entryId = this.#openEntryId;
    void this.updateComplete.then(() => {
      this.emit('kal-room-join', { entryId });
      this.emit('kal-load', {});
    });
  };

  #fail(attempt: Attempt, problem: RoomProblem): void {
    this.#unload();
    this.problem = problem;
    this.phase = 'error';
    if (attempt.byUser && problem.error.code !== 'config') this.#focusAfterRender('retry');
    this.reportError(problem.error);
  }

  /** Removes the iframe and stops whatever the last join was doing. */
  #unload(): void {
    this.#cancelAttempt();
    this.frameSrc = undefined;
    if (this.fullscreen && document.fullscreenElement === this) void document.exitFullscreen().catch(() => undefined);
  }

  #cancelAttempt(): void {
    this.#clearLoadTimer();
    this.#attempt?.controller.abort();
    this.#attempt = undefined;
  }

  #clearLoadTimer(): void {
    if (this.#loadTimer !== undefined) clearTimeout(this.#loadTimer);
    this.#loadTimer = undefined;
  }

  #focusAfterRender(part: 'join' | 'leave' | 'retry'): void {
    this.#pendingFocus = part;
  }

  readonly #onFullscreenChange = (): void => {
    const room = this.renderRoot.querySelector('.room');
    this.fullscreen = !!room && (this.renderRoot as ShadowRoot).fullscreenElement === room;
  };

  #toggleFullscreen(): void {
    if (this.fullscreen) {
      void document.exitFullscreen().catch(() => undefined);
      return;
    }
    this.renderRoot.querySelector('.room')?.requestFullscreen().catch(() => undefined);
  }

  get #displayName(): string {
    return this.roomName?.trim() || this.#openEntryId || this.entryId?.trim() || '';
  }

  /** The element's translations for the templates (room-view.ts). */
  readonly #t: Translate = (key, params) => this.t(key, params);

  override render(): TemplateResult {
    const open = !!this.frameSrc && (this.phase === 'loading' || this.phase === 'joined');
    return html`<div class="room ${open ? 'room--open' : ''}" dir=${this.direction} lang=${this.locale}>${this.#renderBody()}</div>`;
  }

  #renderBody(): TemplateResult {
    const t = this.#t;
    if (this.frameSrc && (this.phase === 'loading' || this.phase === 'joined')) {
      const frame = { src: this.frameSrc, name: this.#displayName, opening: this.phase === 'loading', fullscreen: this.fullscreen };
      return renderFrame(t, frame, { load: this.#onFrameLoad, toggleFullscreen: this.#toggleFullscreen, leave: this.leaveRoom });
    }
    if (this.phase === 'connecting' || (this.phase === 'idle' && this.join === 'auto' && !this.#settingsProblem)) return renderConnecting(t);
    const problem = this.#settingsProblem ?? (this.phase === 'error' ? this.problem : undefined);
    if (problem) return renderProblem(t, problem, () => void this.joinRoom());
    return renderCard(t, { left: this.phase === 'left', name: this.roomName?.trim(), poster: safeUrl(this.poster) }, this.joinRoom);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kal-room-embed': KalRoomEmbed;
  }
}
