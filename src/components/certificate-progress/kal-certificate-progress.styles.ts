import { css } from 'lit';

export const certificateProgressStyles = css`
  :host {
    --_bar: var(--kal-certificate-bar-height, 10px);
  }
  p {
    margin: 0;
  }
  ul,
  ol {
    margin: 0;
  }
  [role='list'] {
    list-style: none;
    padding: 0;
  }
  .certificate {
    display: grid;
    gap: calc(var(--_space) * 1.5);
    min-inline-size: 0;
  }
  .head {
    display: flex;
    align-items: flex-start;
    gap: calc(var(--_space) * 1.5);
  }
  .seal {
    flex: none;
    inline-size: 2.5rem;
    block-size: 2.5rem;
    color: var(--_muted);
  }
  [data-state='certified'] > .head .seal {
    color: var(--_success);
  }
  .head-text {
    min-inline-size: 0;
  }
  .name {
    font-weight: 600;
    font-size: 1.125em;
    overflow-wrap: anywhere;
  }
  .status,
  .entry-status {
    font-size: 0.875em;
    color: var(--_muted);
  }
  [data-state='certified'] > .head .status,
  .entry[data-state='certified'] > .entry-status {
    color: var(--_success);
    font-weight: 600;
  }
  .description {
    display: grid;
    gap: calc(var(--_space) / 2);
    color: var(--_muted);
    overflow-wrap: anywhere;
  }
  .description ul,
  .description ol {
    padding-inline-start: calc(var(--_space) * 2.5);
  }
  .credits-label,
  .rule-label {
    display: flex;
    align-items: baseline;
    justify-content: space-between;
    gap: var(--_space);
  }
  .credits-label > span,
  .rule-name {
    min-inline-size: 0;
    overflow-wrap: anywhere;
  }
  .credits-label > span {
    font-weight: 600;
  }
  .credits-count,
  .rule-count {
    flex: none;
    font-variant-numeric: tabular-nums;
    color: var(--_muted);
  }
  [data-eligibility='once'][data-state='certified'] .bar-fill,
  .entry[data-state='certified'] .bar-fill {
    background: var(--_success);
  }
  .remaining {
    margin-block-start: calc(var(--_space) / 2);
    font-size: 0.875em;
    color: var(--_muted);
  }
  .entries {
    display: grid;
    gap: var(--_space);
  }
  .entry {
    display: grid;
    gap: calc(var(--_space) / 2);
    padding: var(--_space) calc(var(--_space) * 1.5);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .entry .credits-label > span {
    font-weight: 400;
  }
  .entries-empty {
    font-size: 0.875em;
    color: var(--_muted);
  }
  .section-title {
    font-weight: 600;
    margin-block-end: calc(var(--_space) / 2);
  }
  .rules > ul {
    display: grid;
    gap: var(--_space);
  }
  .rule {
    padding-block: calc(var(--_space) / 2);
    border-block-start: 1px solid var(--_border);
  }
  .rule-count {
    margin-inline-start: auto;
  }
  .tiers {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2) var(--_space);
    margin-block-start: calc(var(--_space) / 2);
    font-size: 0.8125em;
    color: var(--_muted);
  }
  .tiers > li {
    padding-block: 1px;
    padding-inline: calc(var(--_space) * 0.75);
    border: 1px solid var(--_border);
    border-radius: 999px;
  }
  .link {
    justify-self: start;
    color: var(--_accent);
    font-weight: 600;
    text-underline-offset: 0.2em;
    overflow-wrap: anywhere;
  }

  /* a certification while the page is open */
  @media (prefers-reduced-motion: no-preference) {
    .celebrate {
      animation: kal-certificate-glow 1.4s ease-out 1;
      border-radius: var(--_radius);
    }
  }
  @keyframes kal-certificate-glow {
    0% {
      box-shadow: 0 0 0 0 color-mix(in srgb, var(--_success) 70%, transparent);
    }
    100% {
      box-shadow: 0 0 0 18px transparent;
    }
  }
`;
