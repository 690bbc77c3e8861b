import { type TemplateResult, html, nothing } from 'lit';
import type { Translate } from '../../i18n/localize.js';
import { kindOf, renderState } from '../shared/states.js';
import type { RoomProblem } from './room-settings.js';

// The room's templates: the Join and Rejoin cards, the room in its frame with the toolbar, and the
// connecting and problem states. The element (kal-room-embed.ts) joins and leaves, and decides which
// to show. Listeners bound here run with the element as `this` (Lit's host).

/** What the room may use: camera, microphone, screen sharing, sound without a click, full screen, copy. */
export const ROOM_ALLOW = 'camera; microphone; display-capture; autoplay; fullscreen; clipboard-write';

/**
 * As sandboxed as a meeting room allows: it keeps its own origin (its session, media permissions)
 * and may open windows and download files, but it can never navigate or script the host page.
 */
export const ROOM_SANDBOX = [
  'allow-scripts',
  'allow-same-origin',
  'allow-forms',
  'allow-popups',
  'allow-popups-to-escape-sandbox',
  'allow-modals',
  'allow-downloads',
  'allow-presentation',
  'allow-storage-access-by-user-activation',
].join(' ');

/** The Join card (the poster, the room's name when given, else "Meeting room": one title, not two), or after leaving the Rejoin card. */
export function renderCard(t: Translate, card: { left: boolean; name: string | undefined; poster: string | undefined }, join: () => void): TemplateResult {
  if (card.left) {
    return html`<div class="card" part="card">
      <p class="card-note">${t('room.left')}</p>
      <button type="button" part="join" @click=${join}>${t('room.rejoin')}</button>
    </div>`;
  }
  return html`<div class="card" part="card">
    ${card.poster ? html`<img class="poster" part="poster" src=${card.poster} alt="" loading="lazy" referrerpolicy="no-referrer" />` : nothing}
    <p class="card-heading">${card.name || t('room.heading')}</p>
    <p class="card-note">${t('room.intro')}</p>
    <button type="button" part="join" @click=${join}>${t('room.join')}</button>
  </div>`;
}

export function renderConnecting(t: Translate): TemplateResult {
  return html`<div class="state card" role="status" part="loading">${t('room.connecting')}</div>`;
}

export interface FrameState {
  src: string;
  /** The room's name for the iframe's title. */
  name: string;
  /** The iframe has not loaded yet: "Opening…" over it. */
  opening: boolean;
  fullscreen: boolean;
}

export interface FrameActions {
  load: (event: Event) => void;
  toggleFullscreen: () => void;
  leave: () => void;
}

/** The toolbar (full screen where the browser allows it, leave) over the room's sandboxed iframe. */
export function renderFrame(t: Translate, frame: FrameState, actions: FrameActions): TemplateResult {
  return html`<div class="toolbar" part="toolbar" role="group" aria-label=${t('room.controls')}>
      ${document.fullscreenEnabled
        ? html`<button type="button" class="secondary" part="fullscreen" @click=${actions.toggleFullscreen}
            >${t(frame.fullscreen ? 'room.exitFullscreen' : 'room.fullscreen')}</button
          >`
        : nothing}
      <button type="button" class="leave" part="leave" @click=${actions.leave}>${t('room.leave')}</button>
    </div>
    <div class="stage">
      <iframe
        part="frame"
        src=${frame.src}
        title=${t('room.frameTitle', { name: frame.name })}
        allow=${ROOM_ALLOW}
        allowfullscreen
        referrerpolicy="no-referrer"
        sandbox=${ROOM_SANDBOX}
        @load=${actions.load}
      ></iframe>
      ${frame.opening ? html`<div class="overlay state" role="status" part="loading">${t('room.opening')}</div>` : nothing}
    </div>`;
}

/** Why the room cannot open, with a retry (a new join) unless the settings must change first. */
export function renderProblem(t: Translate, { error, textKey }: RoomProblem, retry: () => void): TemplateResult {
  return renderState(t, kindOf(error), t(textKey), error.code === 'config' ? undefined : { label: t('state.retry'), run: retry });
}
