import { css } from 'lit';

/**
 * Progress bars (`role="progressbar"` with a `.bar-fill` inside, its share set by `fill()`): the
 * badges' rules and the certificate's credits. Thickness from `--_bar` (each element names its token).
 */
export const barStyles = css`
  .bar {
    display: block;
    block-size: var(--_bar, 8px);
    margin-block-start: calc(var(--_space) / 2);
    background: var(--_border);
    border-radius: 999px;
    overflow: hidden;
  }
  .bar-fill {
    display: block;
    block-size: 100%;
    /* --_fill (0…1) is set through the CSSOM by the element: no style attribute in the markup. */
    inline-size: calc(var(--_fill, 0) * 100%);
    background: var(--_accent);
    border-radius: inherit;
    transition: inline-size 0.4s ease-out;
  }
  @media (prefers-reduced-motion: reduce) {
    .bar-fill {
      transition: none;
    }
  }
`;
