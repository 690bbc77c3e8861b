import { css } from 'lit';

export const eventAgendaStyles = css`
  :host {
    --_time: var(--kal-agenda-time-width, 10rem);
  }
  :where(p) {
    margin: 0;
  }
  .head {
    display: grid;
    gap: calc(var(--_space) / 2);
    margin-block-end: calc(var(--_space) * 1.5);
  }
  .title {
    margin: 0;
    font-size: 1.15em;
    line-height: 1.3;
    overflow-wrap: anywhere;
  }
  .notice {
    font-weight: 600;
  }
  .notice--cancelled {
    color: var(--_danger);
  }
  .event-description,
  .description {
    overflow-wrap: anywhere;
  }
  .zone {
    font-size: 0.875em;
    color: var(--_muted);
  }
  .day {
    margin-block: calc(var(--_space) * 2) var(--_space);
    font-size: 1em;
  }
  .head + .day {
    margin-block-start: 0;
  }
  .sessions {
    display: grid;
    gap: var(--_space);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  /* The time beside the session, or above it when there is no room for both (no container query: it
     works in any layout, even one that sizes the element by its content). */
  .session {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2) calc(var(--_space) * 1.5);
    padding: calc(var(--_space) * 1.5);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    border-inline-start-width: 4px;
  }
  .session[data-state='live'] {
    border-inline-start-color: var(--_success);
  }
  .session[data-state='soon'] {
    border-inline-start-color: var(--_accent);
  }
  .session[data-state='ended'] .name,
  .session[data-state='cancelled'] .name {
    color: var(--_muted);
  }
  .when {
    flex: 1 0 var(--_time);
    max-inline-size: 100%;
  }
  .body {
    flex: 999 1 16rem;
    min-inline-size: 0;
  }
  .time {
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }
  .event-time,
  .meta,
  .description {
    font-size: 0.875em;
    color: var(--_muted);
  }
  .name {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2) var(--_space);
    margin-block-start: calc(var(--_space) / 4);
  }
  .type {
    overflow-wrap: anywhere;
  }
  .session-state {
    display: inline-flex;
    align-items: center;
    gap: calc(var(--_space) / 2);
    font-weight: 600;
  }
  .session-state--live {
    color: var(--_success);
  }
  .session-state--live::before {
    content: '';
    inline-size: 0.6em;
    block-size: 0.6em;
    border-radius: 50%;
    background: currentColor;
  }
  .session-state--soon {
    color: var(--_accent);
  }
  .session-state--cancelled {
    color: var(--_danger);
  }
  .description {
    margin-block-start: calc(var(--_space) / 2);
  }
  .add {
    margin-block-start: var(--_space);
    padding-block: calc(var(--_space) / 2);
    padding-inline: var(--_space);
    font-size: 0.875em;
  }
`;
