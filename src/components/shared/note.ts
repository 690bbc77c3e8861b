import { type TemplateResult, css, html } from 'lit';

/** Quiet notes above an element's data (`.note`): a failed refresh, items not found, a closed certificate. */
export const noteStyles = css`
  .note {
    margin-block-end: var(--_space);
    font-size: 0.875em;
    color: var(--_muted);
  }
  .note button {
    margin-inline-start: calc(var(--_space) / 2);
    padding-block: calc(var(--_space) / 4);
    padding-inline: var(--_space);
  }
`;

/** A refresh failed: the data on screen is the last seen (`message`), with a retry. */
export function renderStaleNote(message: string, retryLabel: string, retry: () => void): TemplateResult {
  return html`<p class="note note--stale" part="note">
    ${message}
    <button type="button" class="secondary" part="retry" @click=${retry}>${retryLabel}</button>
  </p>`;
}
