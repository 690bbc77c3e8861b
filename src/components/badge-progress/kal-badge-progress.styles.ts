import { css } from 'lit';

export const badgeProgressStyles = css`
  :host {
    --_icon: var(--kal-badge-icon-size, 48px);
    --_chip: var(--kal-badge-compact-size, 32px);
    --_bar: var(--kal-badge-bar-height, 8px);
  }
  p {
    margin: 0;
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .summary {
    margin-block-end: var(--_space);
    font-weight: 600;
  }

  /* grid and list */
  .badges {
    display: grid;
    gap: calc(var(--_space) * 1.5);
  }
  .layout--grid .badges,
  .layout--grid .skeleton--cards {
    grid-template-columns: repeat(auto-fill, minmax(min(100%, var(--kal-badge-card-min, 15rem)), 1fr));
  }
  .badge {
    display: flex;
    align-items: flex-start;
    gap: calc(var(--_space) * 1.5);
    padding: calc(var(--_space) * 1.5);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    min-inline-size: 0;
  }
  .layout--grid .badge {
    flex-direction: column;
  }
  .body {
    flex: 1;
    min-inline-size: 0;
    inline-size: 100%;
  }
  .icon {
    display: block;
    flex: none;
    inline-size: var(--_icon);
    block-size: var(--_icon);
    color: var(--_muted);
  }
  .icon img,
  .icon svg {
    display: block;
    inline-size: 100%;
    block-size: 100%;
    border-radius: 50%;
    object-fit: cover;
  }
  [data-state='locked'] .icon {
    filter: grayscale(1);
    opacity: 0.55;
  }
  .name {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .status {
    font-size: 0.875em;
    color: var(--_muted);
  }
  [data-state='achieved'] .status {
    color: var(--_success);
    font-weight: 600;
  }
  .description {
    margin-block-start: calc(var(--_space) / 2);
    overflow-wrap: anywhere;
  }
  .rules {
    display: grid;
    gap: var(--_space);
    margin-block-start: var(--_space);
  }
  .rule-label {
    display: flex;
    justify-content: space-between;
    gap: var(--_space);
    font-size: 0.875em;
  }
  .rule-name {
    min-inline-size: 0;
    overflow-wrap: anywhere;
  }
  .rule-count {
    flex: none;
    font-variant-numeric: tabular-nums;
    color: var(--_muted);
  }
  .rule--completed .bar-fill {
    background: var(--_success);
  }

  /* compact */
  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
  }
  .chip-item {
    position: relative;
  }
  .chip {
    display: block;
    padding: 2px;
    color: inherit;
    background: transparent;
    border: 2px solid transparent;
    border-radius: 50%;
  }
  [data-state='achieved'] > .chip {
    border-color: var(--_success);
  }
  .chip .icon {
    inline-size: var(--_chip);
    block-size: var(--_chip);
  }
  .tooltip {
    position: absolute;
    z-index: 10;
    inset-block-start: calc(100% + 4px);
    inset-inline-start: 0;
    inline-size: max-content;
    min-inline-size: 12rem;
    max-inline-size: min(20rem, 80vw);
    padding: var(--_space);
    color: var(--_fg);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: 0 4px 16px rgb(0 0 0 / 0.2);
    font-size: 0.875em;
    overflow-wrap: anywhere;
    /* Set by the element when the tooltip would stick out of it. */
    translate: var(--_tip-shift, 0px) 0;
  }
  .tooltip[hidden] {
    display: none;
  }
  .tip-rules {
    display: grid;
    gap: calc(var(--_space) / 2);
    margin-block-start: calc(var(--_space) / 2);
  }
  .bar--small {
    block-size: 4px;
    margin-block-start: 2px;
  }

  /* the celebration of a badge earned while the page is open */
  @media (prefers-reduced-motion: no-preference) {
    .celebrate {
      animation: kal-badge-glow 1.4s ease-out 1;
    }
    .celebrate .icon {
      animation: kal-badge-pop 0.9s ease-out 1;
    }
  }
  @keyframes kal-badge-glow {
    0% {
      box-shadow: 0 0 0 0 color-mix(in srgb, var(--_success) 70%, transparent);
    }
    100% {
      box-shadow: 0 0 0 18px transparent;
    }
  }
  @keyframes kal-badge-pop {
    0% {
      transform: scale(0.6) rotate(-12deg);
    }
    60% {
      transform: scale(1.15) rotate(6deg);
    }
    100% {
      transform: none;
    }
  }
  /* The loading skeleton as badge cards: the grid (above) and card of the data to come. */
  .skeleton--cards .bone--title {
    grid-column: 1 / -1;
  }
  .skeleton--cards .bone-item {
    flex-direction: column;
    align-items: flex-start;
    padding: calc(var(--_space) * 1.5);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .skeleton--cards .bone--lead {
    inline-size: var(--_icon);
    block-size: var(--_icon);
  }
  .skeleton--cards .bone--text,
  .skeleton--cards .bone--end {
    inline-size: 80%;
    flex: none;
    margin: 0;
  }
`;
