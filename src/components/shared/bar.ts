// Progress bars drawn without a style attribute (strict CSP): the fill() directive and the bar template.
import { type TemplateResult, html, noChange } from 'lit';
import { Directive, type ElementPart, type PartInfo, PartType, directive } from 'lit/directive.js';

/**
 * `<div ${fill(0.4)}>`: sets the `--_fill` custom property (0…1) through the CSSOM, which a strict CSP
 * (`style-src 'self'`) allows, where a `style="…"` attribute in the markup would be blocked. The
 * stylesheet turns it into the bar's width.
 */
class FillDirective extends Directive {
  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.ELEMENT) throw new Error('fill() belongs on an element');
  }

  render(_fraction: number): typeof noChange {
    return noChange;
  }

  override update(part: ElementPart, [fraction]: [number]): typeof noChange {
    const value = Number.isFinite(fraction) ? Math.min(1, Math.max(0, fraction)) : 0;
    (part.element as HTMLElement).style.setProperty('--_fill', String(value));
    return noChange;
  }
}

export const fill = directive(FillDirective);

export interface BarOptions {
  /** The id of the element naming what the bar measures. */
  labelledBy: string;
  max: number;
  now: number;
  /** What a screen reader says ("2 of 3 credits"). */
  text: string;
  /** 0…1: the filled share. */
  fraction: number;
}

/** A progress bar (`role="progressbar"`, parts `bar` and `bar-fill`; styles: bar.styles.ts). */
export function renderBar({ labelledBy, max, now, text, fraction }: BarOptions): TemplateResult {
  return html`<div class="bar" part="bar" role="progressbar" aria-labelledby=${labelledBy} aria-valuemin="0" aria-valuemax=${max} aria-valuenow=${now} aria-valuetext=${text}>
    <div class="bar-fill" part="bar-fill" ${fill(fraction)}></div>
  </div>`;
}
