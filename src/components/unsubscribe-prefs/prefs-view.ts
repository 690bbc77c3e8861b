import { type TemplateResult, html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { KalError } from '../../api/errors.js';
import type { Translate } from '../../i18n/localize.js';
import type { PrefRow } from './prefs-model.js';

// The preference centre's templates: the switches, the one-click unsubscribe, the save outcome. The
// element (kal-unsubscribe-prefs.ts) holds the choices and decides what to show.

/** Where a save stands. `expired`: the link's KS was refused and cannot be refreshed. */
export type SavePhase = 'idle' | 'saving' | 'saved' | 'failed' | 'offline' | 'expired';

export interface ManagerState {
  rows: PrefRow[];
  subscribed: (id: string) => boolean;
  saving: boolean;
  /** Choices differ from what is saved. */
  dirty: boolean;
  /** The "unsubscribe from all" question is open. */
  confirmingAll: boolean;
  /** Every group is already off. */
  allOff: boolean;
}

export interface ManagerActions {
  toggle: (id: string) => void;
  save: () => void;
  askAll: () => void;
  confirmAll: () => void;
  cancelAll: () => void;
}

/** Every group as a switch, the save button, and "unsubscribe from all" with its confirmation. */
export function renderManager(t: Translate, state: ManagerState, actions: ManagerActions, outcome: TemplateResult): TemplateResult {
  const { saving } = state;
  const onConfirmKeydown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    actions.cancelAll();
  };
  return html`
    <ul class="groups" part="groups" aria-label=${t('prefs.listLabel')} aria-busy=${saving ? 'true' : 'false'}>
      ${repeat(state.rows, (row) => row.id, (row, index) => renderRow(t, row, index, state.subscribed(row.id), actions.toggle))}
    </ul>
    <div class="actions" part="actions">
      <button
        type="button"
        part="save"
        aria-disabled=${saving || !state.dirty ? 'true' : 'false'}
        aria-busy=${saving ? 'true' : 'false'}
        @click=${actions.save}
      >
        ${saving ? t('prefs.saving') : t('prefs.save')}
      </button>
      ${state.confirmingAll
        ? html`<div class="confirm" part="confirm" role="group" aria-labelledby="confirm-question" @keydown=${onConfirmKeydown}>
            <p id="confirm-question">${t('prefs.confirmAllQuestion')}</p>
            <button type="button" part="confirm-all" @click=${actions.confirmAll}>${t('prefs.confirmAll')}</button>
            <button type="button" part="cancel" class="secondary" @click=${actions.cancelAll}>${t('prefs.cancel')}</button>
          </div>`
        : html`<button
            type="button"
            part="unsubscribe-all"
            class="secondary"
            aria-disabled=${saving || state.allOff ? 'true' : 'false'}
            @click=${actions.askAll}
          >
            ${t('prefs.unsubscribeAll')}
          </button>`}
    </div>
    ${outcome}
  `;
}

function renderRow(t: Translate, row: PrefRow, index: number, on: boolean, toggle: (id: string) => void): TemplateResult {
  const switchId = `switch-${index}`;
  const labelId = `label-${index}`;
  const descriptionId = `description-${index}`;
  return html`<li class="group" part="group" data-group-id=${row.id}>
    <div class="group__text">
      <label class="group__label" id=${labelId} for=${switchId} part="label">${row.label}</label>
      ${row.description ? html`<p class="group__description" id=${descriptionId} part="description">${row.description}</p>` : nothing}
    </div>
    <button
      type="button"
      role="switch"
      class="switch"
      part="switch"
      id=${switchId}
      aria-checked=${on ? 'true' : 'false'}
      aria-labelledby=${labelId}
      aria-describedby=${row.description ? descriptionId : nothing}
      @click=${() => toggle(row.id)}
    >
      <span class="switch__track" aria-hidden="true"><span class="switch__thumb"></span></span>
      <span class="switch__state" aria-hidden="true">${on ? t('prefs.on') : t('prefs.off')}</span>
    </button>
  </li>`;
}

export interface OneClickState {
  /** The group's row, when declared. */
  row: PrefRow | undefined;
  /** Its name: the label, else the id. */
  group: string;
  /** The unsubscribe is chosen but not saved yet. */
  pending: boolean;
  saving: boolean;
  /** Saved from this view. */
  done: boolean;
}

/** The one-click unsubscribe of a group named by the link or attribute: a question, then its answer. */
export function renderOneClick(t: Translate, state: OneClickState, actions: { save: () => void; manageAll: () => void }, outcome: TemplateResult): TemplateResult {
  const { row, pending, saving, done } = state;
  const message = withGroup(t, done ? 'prefs.oneClickDone' : pending || saving ? 'prefs.oneClickQuestion' : 'prefs.oneClickAlready', state.group);
  return html`
    <div class="one-click" part="one-click" aria-busy=${saving ? 'true' : 'false'}>
      <p class="one-click__question">${message}</p>
      ${row?.description && !done ? html`<p class="one-click__description">${row.description}</p>` : nothing}
      <div class="actions" part="actions">
        ${pending && !done
          ? html`<button
              type="button"
              part="confirm-unsubscribe save"
              aria-disabled=${saving ? 'true' : 'false'}
              aria-busy=${saving ? 'true' : 'false'}
              @click=${actions.save}
            >
              ${saving ? t('prefs.saving') : t('prefs.oneClickConfirm')}
            </button>`
          : nothing}
        <button type="button" part="manage-all" class="secondary" @click=${actions.manageAll}>${t('prefs.manageAll')}</button>
      </div>
    </div>
    ${outcome}
  `;
}

/** Stands for the group name while a sentence is translated (never in any text). */
const GROUP_MARK = '\u0000';

/**
 * A sentence naming a group. The name (the organiser's label, or an id from the server) is set in a
 * `<bdi>`: a right-to-left override in it cannot reverse the rest of the sentence.
 */
function withGroup(t: Translate, key: 'prefs.oneClickDone' | 'prefs.oneClickQuestion' | 'prefs.oneClickAlready', group: string): TemplateResult {
  const parts = t(key, { group: GROUP_MARK }).split(GROUP_MARK);
  return html`${parts.map((part, index) => (index === 0 ? part : html`<bdi>${group}</bdi>${part}`))}`;
}

/**
 * The live region (always present, so changes are announced), in a box with "Try again" while offline,
 * and a failed save's reason; an expired link says so, with "Get a new link" when the page gives one
 * (the choices stay on screen).
 */
export function renderOutcome(
  t: Translate,
  phase: SavePhase,
  saveError: KalError | undefined,
  retry: () => void,
  requestLink?: { label: string; href: string },
): TemplateResult {
  const offline = phase === 'offline';
  const statusText = phase === 'saved' ? t('prefs.saved') : offline ? t('prefs.offline') : '';
  const retryButton = html`<button type="button" part="retry" class="secondary" @click=${retry}>${t('state.retry')}</button>`;
  const expiredText = requestLink ? t('prefs.linkExpired') : t('prefs.linkExpiredHelp');
  return html`
    <div class="outcome ${offline ? 'outcome--offline' : ''}" part="outcome">
      <p class="status" role="status" part="status">${statusText}</p>
      ${offline ? retryButton : nothing}
    </div>
    ${phase === 'failed' || phase === 'expired'
      ? html`<div class="failure" part="failure" role="alert">
          <p>${phase === 'failed' ? t('prefs.saveFailed', { reason: t(saveError?.messageKey ?? 'error.server') }) : expiredText}</p>
          ${phase === 'failed' ? retryButton : requestLink ? html`<a class="action" part="action" href=${requestLink.href}>${requestLink.label}</a>` : nothing}
        </div>`
      : nothing}
  `;
}

