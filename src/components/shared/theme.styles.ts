import { css } from 'lit';

/** The dark defaults: for `theme="dark"`, and for `auto` when the system prefers dark. */
const darkPalette = css`
  --_bg: var(--kal-color-bg, #16181c);
  --_surface: var(--kal-color-surface, #22252b);
  --_fg: var(--kal-color-fg, #eceef2);
  --_muted: var(--kal-color-muted, #a9afba);
  --_border: var(--kal-color-border, #3a3f48);
  --_accent: var(--kal-color-accent, #7fb0ff);
  --_accent-fg: var(--kal-color-accent-fg, #0b1a33);
  --_highlight: var(--kal-color-highlight, #4a3f10);
  --_success: var(--kal-color-success, #6fd49a);
  --_danger: var(--kal-color-danger, #ff8a80);
  color-scheme: dark;
`;

/**
 * The kit's design tokens. Hosts set `--kal-*` on the element or any ancestor; the private
 * `--_*` copies pick the light or dark default when a token is not set.
 *
 * @cssprop --kal-font-family - Text font (default: the system UI stack; to follow the page's font, style the element `font-family: inherit`)
 * @cssprop --kal-color-bg - Background
 * @cssprop --kal-color-surface - Raised surfaces (rows, cards)
 * @cssprop --kal-color-fg - Main text
 * @cssprop --kal-color-muted - Secondary text
 * @cssprop --kal-color-border - Borders and dividers
 * @cssprop --kal-color-accent - Buttons, progress, focus ring
 * @cssprop --kal-color-accent-fg - Text on the accent colour
 * @cssprop --kal-color-highlight - The viewer's own row / highlighted items
 * @cssprop --kal-color-success - Achieved, saved, moved up
 * @cssprop --kal-color-danger - Errors, moved down
 * @cssprop --kal-radius - Corner radius
 * @cssprop --kal-space - Base spacing unit
 */
export const themeStyles = css`
  :host {
    --_font: var(--kal-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', sans-serif);
    --_bg: var(--kal-color-bg, #ffffff);
    --_surface: var(--kal-color-surface, #f5f6f8);
    --_fg: var(--kal-color-fg, #1b1d21);
    --_muted: var(--kal-color-muted, #585e69);
    --_border: var(--kal-color-border, #d5d9e0);
    --_accent: var(--kal-color-accent, #0b5cd5);
    --_accent-fg: var(--kal-color-accent-fg, #ffffff);
    --_highlight: var(--kal-color-highlight, #fff4cc);
    --_success: var(--kal-color-success, #11713c);
    --_danger: var(--kal-color-danger, #b3261e);
    --_radius: var(--kal-radius, 8px);
    --_space: var(--kal-space, 8px);
    color-scheme: light;
    display: block;
    box-sizing: border-box;
    font-family: var(--_font);
    line-height: 1.45;
    color: var(--_fg);
    /* One box for every element, so widgets stacked on a page line up in light and dark. */
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 2);
  }
  :host([hidden]) {
    display: none;
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      ${darkPalette}
    }
  }
  :host([theme='dark']) {
    ${darkPalette}
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  button {
    font: inherit;
    color: var(--_accent-fg);
    background: var(--_accent);
    border: 1px solid transparent;
    border-radius: calc(var(--_radius) / 2);
    padding-block: calc(var(--_space) * 0.75);
    padding-inline: calc(var(--_space) * 1.5);
    cursor: pointer;
  }
  button:disabled {
    opacity: 0.55;
    cursor: not-allowed;
  }
  a.action {
    color: var(--_accent);
    font-weight: 600;
  }
  button.secondary {
    color: var(--_fg);
    background: transparent;
    border-color: var(--_border);
  }
  :focus-visible {
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
  }
  .state {
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: var(--_space);
    padding-block: calc(var(--_space) * 3);
    text-align: center;
    color: var(--_muted);
  }
  .state p {
    margin: 0;
    max-inline-size: 36em;
  }
  .state-icon {
    inline-size: 2.5rem;
    block-size: 2.5rem;
    fill: none;
    stroke: currentColor;
    stroke-width: 1.5;
    stroke-linecap: round;
    stroke-linejoin: round;
  }
  .state--error .state-icon {
    color: var(--_danger);
  }
  .state .state-title {
    font-weight: 600;
    color: var(--_fg);
  }
  .skeleton {
    display: grid;
    gap: calc(var(--_space) * 1.5);
  }
  .bone {
    display: block;
    block-size: 0.9em;
    border-radius: 4px;
    background: var(--_border);
    opacity: 0.6;
  }
  .bone--title {
    inline-size: 40%;
    block-size: 1.3em;
  }
  .bone-item {
    display: flex;
    align-items: center;
    gap: calc(var(--_space) * 1.5);
  }
  .bone--lead {
    flex: none;
    inline-size: 1.75em;
    block-size: 1.75em;
    border-radius: 50%;
  }
  .bone--text {
    flex: 0 1 55%;
  }
  .bone--end {
    inline-size: 3em;
    margin-inline-start: auto;
  }
  @media (prefers-reduced-motion: no-preference) {
    .bone {
      animation: kal-pulse 1.6s ease-in-out infinite;
    }
  }
  @keyframes kal-pulse {
    50% {
      opacity: 0.3;
    }
  }
  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
