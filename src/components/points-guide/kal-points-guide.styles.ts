import { css } from 'lit';

// Logical properties only (the element follows `dir`); no inline styles anywhere (strict CSP).
export const pointsGuideStyles = css`
  :host {
    --_bar: var(--kal-points-bar-height, 8px);
  }
  p {
    margin: 0;
  }
  .title {
    margin: 0;
    font-size: 1.15em;
    line-height: 1.3;
  }
  .summary {
    margin-block: calc(var(--_space) / 2) var(--_space);
    font-size: 0.875em;
    color: var(--_muted);
  }
  .ways {
    display: grid;
    gap: var(--_space);
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .way {
    display: grid;
    gap: calc(var(--_space) / 2);
    padding: calc(var(--_space) * 1.5);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    min-inline-size: 0;
  }
  .head {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: calc(var(--_space) / 2) var(--_space);
  }
  .name {
    min-inline-size: 0;
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .points {
    flex: none;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
    color: var(--_accent);
  }
  .description {
    overflow-wrap: anywhere;
  }
  .cap,
  .progress {
    font-size: 0.875em;
    color: var(--_muted);
  }
  .progress-label {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2) var(--_space);
  }
  .count {
    font-variant-numeric: tabular-nums;
  }
  .status {
    display: inline-flex;
    align-items: center;
    gap: calc(var(--_space) / 2);
    font-weight: 600;
    color: var(--_success);
  }
  .check {
    inline-size: 1em;
    block-size: 1em;
  }
  [data-state='done'] .points {
    color: var(--_muted);
  }
  [data-state='done'] .bar-fill {
    background: var(--_success);
  }
`;
