import { css } from 'lit';

/**
 * The open room is a 16:9 box by default (3:4 when the element is under 30rem wide); hosts change the ratio with `--kal-room-aspect-ratio`, or
 * give the element a `height` (the ratio then no longer applies). The cards before and after it
 * (join, left, error) are as small as their content.
 */
export const roomEmbedStyles = css`
  :host {
    --_room-ratio: var(--kal-room-aspect-ratio, 16 / 9);
    --_room-frame-bg: var(--kal-room-frame-background, var(--_surface));
    display: flex;
    flex-direction: column;
    border: var(--kal-room-border, 1px solid var(--_border));
    container-type: inline-size;
  }
  .room {
    flex: 1 1 auto;
    display: flex;
    flex-direction: column;
    border-radius: inherit;
    background: var(--_bg);
  }
  /* The open room's box, on the inner box, not the host: a host height then stretches it instead of
     widening the host. The cards before and after (join, left, error) stay as small as their text. */
  .room--open {
    aspect-ratio: var(--_room-ratio);
  }
  /* On a phone a 16:9 strip is too short for a room's controls: the room stands upright there. */
  @container (max-width: 30rem) {
    .room--open {
      aspect-ratio: var(--kal-room-aspect-ratio, 3 / 4);
    }
  }
  .room:fullscreen {
    border-radius: 0;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    align-items: center;
    gap: var(--_space);
    padding-block: calc(var(--_space) * 0.75);
    padding-inline: var(--_space);
    border-block-end: 1px solid var(--_border);
  }
  button.leave {
    color: var(--_bg);
    background: var(--_danger);
  }
  .stage {
    position: relative;
    flex: 1 1 auto;
    overflow: hidden;
    border-end-start-radius: inherit;
    border-end-end-radius: inherit;
    background: var(--_room-frame-bg);
  }
  iframe {
    position: absolute;
    inset: 0;
    display: block;
    inline-size: 100%;
    block-size: 100%;
    border: 0;
  }
  .overlay {
    position: absolute;
    inset: 0;
    display: grid;
    place-content: center;
    background: var(--_bg);
  }
  .card {
    flex: 1 1 auto;
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    gap: var(--_space);
    text-align: center;
  }
  .card p {
    margin-block: 0;
    max-inline-size: 42ch;
  }
  .card-heading {
    font-size: 1.125em;
    font-weight: 600;
    color: var(--_fg);
    overflow-wrap: anywhere;
  }
  .poster {
    inline-size: min(100%, 16rem);
    aspect-ratio: 16 / 9;
    object-fit: cover;
    border-radius: var(--_radius);
  }
  .card-note {
    color: var(--_muted);
  }
`;
