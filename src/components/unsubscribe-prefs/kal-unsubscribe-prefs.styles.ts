import { css } from 'lit';

/** Layout of the preference centre. Logical properties only, so right-to-left pages mirror it. */
export const prefsStyles = css`
  :host {
    --_switch-off: var(--kal-switch-off-color, var(--_muted));
    --_switch-width: var(--kal-switch-width, 2.75rem);
    --_switch-height: calc(var(--_switch-width) * 0.56);
    container-type: inline-size;
  }
  .groups {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_space);
  }
  .groups[aria-busy='true'] {
    cursor: progress;
  }
  .group {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: calc(var(--_space) * 2);
    padding-block: calc(var(--_space) * 1.25);
    padding-inline: calc(var(--_space) * 1.5);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .group__text {
    display: grid;
    gap: calc(var(--_space) / 2);
    min-inline-size: 0;
  }
  .group__label {
    font-weight: 600;
    cursor: pointer;
    overflow-wrap: anywhere;
  }
  .group__description {
    margin: 0;
    color: var(--_muted);
    font-size: 0.9em;
    overflow-wrap: anywhere;
  }
  button.switch {
    flex: none;
    display: inline-flex;
    align-items: center;
    gap: var(--_space);
    padding-block: calc(var(--_space) / 2);
    padding-inline: calc(var(--_space) / 2);
    color: var(--_fg);
    background: transparent;
    border-color: transparent;
  }
  .switch__track {
    position: relative;
    display: inline-block;
    inline-size: var(--_switch-width);
    block-size: var(--_switch-height);
    border-radius: var(--_switch-height);
    background: var(--_switch-off);
    transition: background-color 0.15s ease;
  }
  .switch__thumb {
    position: absolute;
    inset-block-start: 3px;
    inset-inline-start: 3px;
    inline-size: calc(var(--_switch-height) - 6px);
    block-size: calc(var(--_switch-height) - 6px);
    border-radius: 50%;
    background: var(--_bg);
    transition: inset-inline-start 0.15s ease;
  }
  .switch[aria-checked='true'] .switch__track {
    background: var(--_accent);
  }
  .switch[aria-checked='true'] .switch__thumb {
    inset-inline-start: calc(var(--_switch-width) - var(--_switch-height) + 3px);
  }
  .switch__state {
    min-inline-size: 2.5em;
    text-align: start;
    font-size: 0.9em;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
    margin-block-start: calc(var(--_space) * 2);
  }
  /* On a phone the actions stack as full-width buttons rather than two ragged lines. */
  @container (max-width: 26rem) {
    .actions > button {
      flex: 1 1 100%;
    }
  }
  button[aria-disabled='true'] {
    opacity: 0.55;
    cursor: not-allowed;
  }
  button[aria-busy='true'] {
    cursor: progress;
  }
  .confirm {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
    padding-block: var(--_space);
    padding-inline: calc(var(--_space) * 1.5);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .confirm p,
  .one-click p {
    margin: 0;
  }
  .confirm p {
    flex-basis: 100%;
  }
  .one-click {
    display: grid;
    gap: var(--_space);
  }
  .one-click__question {
    font-weight: 600;
  }
  .one-click__description {
    color: var(--_muted);
  }
  .outcome {
    margin-block-start: calc(var(--_space) * 1.5);
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
  }
  .status {
    margin: 0;
    min-block-size: 1lh;
    color: var(--_success);
    flex: 1 1 16em;
  }
  /* Offline: the choices wait here, not an error; a quiet box with the way to send them now. */
  .outcome--offline {
    padding-block: var(--_space);
    padding-inline: calc(var(--_space) * 1.5);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .outcome--offline .status {
    color: var(--_fg);
  }
  .failure {
    margin-block-start: calc(var(--_space) * 1.5);
    padding-block: var(--_space);
    padding-inline: calc(var(--_space) * 1.5);
    border: 1px solid var(--_danger);
    border-radius: var(--_radius);
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
  }
  .failure p {
    margin: 0;
    color: var(--_danger);
    flex: 1 1 16em;
  }
  @media (prefers-reduced-motion: reduce) {
    .switch__track,
    .switch__thumb {
      transition: none;
    }
  }
  /* The loading skeleton as switch rows. */
  .skeleton--toggles .bone--lead {
    display: none;
  }
  .skeleton--toggles .bone--end {
    inline-size: 2.75rem;
    block-size: 1.5rem;
    border-radius: 999px;
  }
`;
