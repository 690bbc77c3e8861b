import { css } from 'lit';

// Logical properties only (the element follows `dir`); no inline styles anywhere (strict CSP).
export const leaderboardStyles = css`
  :host {
    --_gold: var(--kal-leaderboard-gold, #f2c94c);
    --_silver: var(--kal-leaderboard-silver, #cfd6df);
    --_bronze: var(--kal-leaderboard-bronze, #e0a370);
    --_medal-fg: #1b1d21;
    container-type: inline-size;
  }

  .root {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
  }

  .head {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: var(--_space);
  }

  .title {
    margin: 0;
    min-inline-size: 0;
    overflow-wrap: anywhere;
    font-size: 1.15em;
    line-height: 1.3;
  }

  .status {
    margin: 0;
    font-size: 0.875em;
    color: var(--_muted);
    display: inline-flex;
    align-items: center;
    gap: calc(var(--_space) / 2);
  }

  .status--live::before {
    content: '';
    inline-size: 0.6em;
    block-size: 0.6em;
    border-radius: 50%;
    background: var(--_success);
  }

  .status--final {
    font-weight: 600;
    color: var(--_fg);
  }

  .note {
    margin: 0;
    font-size: 0.8125em;
    color: var(--_muted);
  }

  /* Tabs */
  /* One line that scrolls sideways when the tabs do not fit (phones), rather than wrapping. */
  .tabs {
    display: flex;
    gap: calc(var(--_space) / 2);
    overflow-x: auto;
    scrollbar-width: thin;
    border-block-end: 1px solid var(--_border);
  }

  .tabs button {
    flex: none;
    max-inline-size: 16em;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    color: var(--_muted);
    background: transparent;
    border: 0;
    border-block-end: 3px solid transparent;
    border-radius: 0;
    padding-block: calc(var(--_space) * 0.75);
    padding-inline: var(--_space);
  }

  .tabs button[aria-selected='true'] {
    color: var(--_fg);
    font-weight: 600;
    border-block-end-color: var(--_accent);
  }

  .panel {
    position: relative;
  }

  .panel[aria-busy='true'] {
    opacity: 0.6;
  }

  /* Table layout */
  table {
    inline-size: 100%;
    table-layout: fixed;
    border-collapse: separate;
    border-spacing: 0 2px;
    font-variant-numeric: tabular-nums;
  }

  th {
    font-size: 0.8125em;
    font-weight: 600;
    color: var(--_muted);
    text-align: start;
    padding-block: calc(var(--_space) / 2);
    padding-inline: var(--_space);
  }

  td {
    padding-block: calc(var(--_space) * 0.75);
    padding-inline: var(--_space);
    background: var(--_surface);
  }

  td:first-child {
    border-start-start-radius: calc(var(--_radius) / 2);
    border-end-start-radius: calc(var(--_radius) / 2);
  }

  td:last-child {
    border-start-end-radius: calc(var(--_radius) / 2);
    border-end-end-radius: calc(var(--_radius) / 2);
  }

  .col-rank {
    inline-size: 5em;
  }

  .col-score {
    inline-size: 7em;
  }

  @container (max-width: 26rem) {
    .col-rank {
      inline-size: 3.5em;
    }

    .col-score {
      inline-size: 5em;
    }

    th,
    td {
      padding-inline: calc(var(--_space) / 2);
    }
  }

  /* Cells shared by both layouts */
  .rank {
    font-weight: 600;
  }

  .place {
    display: inline-grid;
    place-items: center;
    min-inline-size: 2em;
    block-size: 2em;
    padding-inline: 0.35em;
    border-radius: 1em;
  }

  .top .place {
    color: var(--_medal-fg);
    font-weight: 700;
  }

  .top-1 .place {
    background: var(--_gold);
  }

  .top-2 .place {
    background: var(--_silver);
  }

  .top-3 .place {
    background: var(--_bronze);
  }

  .top .name {
    font-weight: 600;
  }

  .rank,
  .name,
  .score,
  .status,
  .note {
    overflow-wrap: anywhere;
    min-inline-size: 0;
  }

  .name-inner {
    display: inline-flex;
    align-items: center;
    gap: var(--_space);
    max-inline-size: 100%;
  }

  /* Long names end in "…" on one line (the full name is its title and what screen readers read). */
  .name-inner > .label {
    min-inline-size: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }

  .avatar {
    inline-size: 1.75em;
    block-size: 1.75em;
    border-radius: 50%;
    object-fit: cover;
    flex: none;
  }

  .you {
    white-space: nowrap;
    font-size: 0.75em;
    font-weight: 700;
    text-transform: uppercase;
    letter-spacing: 0.04em;
    color: var(--_accent-fg);
    background: var(--_accent);
    border-radius: 999px;
    padding-block: 0.1em;
    padding-inline: 0.6em;
  }

  .only-you {
    display: block;
    font-size: 0.8em;
    color: var(--_muted);
  }

  .self td,
  .pinned {
    background: var(--_highlight);
  }

  .self td:first-child {
    border-inline-start: 4px solid var(--_accent);
    padding-inline-start: calc(var(--_space) - 4px);
  }

  .score {
    font-weight: 600;
    text-align: end;
  }

  .move {
    display: inline-block;
    margin-inline-start: calc(var(--_space) / 2);
    font-size: 0.75em;
  }

  .move--up {
    color: var(--_success);
  }

  .move--down {
    color: var(--_danger);
  }

  @media (prefers-reduced-motion: no-preference) {
    .moved td {
      animation: kal-lb-flash 1.2s ease-out;
    }
  }

  @keyframes kal-lb-flash {
    from {
      background: color-mix(in srgb, var(--_accent) 22%, var(--_surface));
    }
  }

  /* The viewer's own row, pinned below when it is not on the current page */
  .pinned {
    display: grid;
    grid-template-columns: minmax(6.5em, auto) 1fr auto;
    align-items: center;
    border-radius: calc(var(--_radius) / 2);
    border-inline-start: 4px solid var(--_accent);
    font-variant-numeric: tabular-nums;
  }

  .pinned > * {
    padding-block: calc(var(--_space) * 0.75);
    padding-inline: var(--_space);
  }

  .pinned .rank {
    white-space: nowrap;
  }


  /* Pager */
  .pager {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space);
  }

  .pager p {
    margin: 0;
    color: var(--_muted);
    font-size: 0.875em;
  }

  button[aria-disabled='true'] {
    opacity: 0.55;
    cursor: not-allowed;
  }

  @container (max-width: 22rem) {
    .col-rank {
      inline-size: 5em;
    }
    .col-score {
      inline-size: 6em;
    }
  }
`;
