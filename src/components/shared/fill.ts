import { noChange } from 'lit';
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
