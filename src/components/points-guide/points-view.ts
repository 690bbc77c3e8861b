import { type TemplateResult, html, nothing, svg } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { MessageKey } from '../../i18n/en.js';
import type { MessageParams } from '../../i18n/localize.js';
import { renderBar } from '../shared/bar.js';
import type { WayView } from './points-model.js';

// The templates of <kal-points-guide>: the list of ways to earn points, each with what it pays, its
// cap and the viewer's progress (as text and as a progress bar). The element decides what to show.

/** What the templates need from the element: its text and numbers. */
export interface PointsText {
  t(key: MessageKey, params?: MessageParams): string;
  number(value: number, options?: Intl.NumberFormatOptions): string;
}

/** The list, labelled by the element's title (`titleId`). */
export function renderWays(text: PointsText, ways: readonly WayView[], titleId: string, busy: boolean): TemplateResult {
  return html`<ul class="ways" part="list" role="list" aria-labelledby=${titleId} aria-busy=${busy ? 'true' : 'false'}>
    ${repeat(
      ways,
      (way) => way.id,
      (way, index) => html`<li class="way" part="rule" data-rule-id=${way.id} data-state=${way.state}>
        <div class="head">
          <span class="name" part="name" id=${`way-${index}`}>${wayName(text, way)}</span>
          <span class="points" part="points">${pointsText(text, way)}</span>
        </div>
        ${way.description ? html`<p class="description" part="description">${way.description}</p>` : nothing}
        ${way.cap.kind === 'unknown' ? nothing : html`<p class="cap" part="cap">${capText(text, way)}</p>`}
        ${renderProgress(text, way, `way-${index}`)}
      </li>`,
    )}
  </ul>`;
}

/** Progress toward a cap of the viewer's own as text and a bar; other caps as the points earned so far. */
function renderProgress(text: PointsText, way: WayView, nameId: string): TemplateResult {
  if (way.cap.kind !== 'total') {
    return html`<p class="progress" part="progress"><span class="count">${earnedText(text, way)}</span></p>`;
  }
  return html`<div class="progress" part="progress">
    <div class="progress-label">
      ${way.state === 'done'
        ? html`<span class="status" part="status"><svg class="check" viewBox="0 0 16 16" aria-hidden="true" focusable="false">${CHECK}</svg>${text.t('points.done')}</span>`
        : nothing}
      <span class="count">${earnedText(text, way)}</span>
    </div>
    ${renderBar({ labelledBy: nameId, max: way.cap.max, now: way.earned, text: earnedText(text, way), fraction: way.fraction })}
  </div>`;
}

/** The rule's name, or "Activity 2" by its place in the service's order. */
export function wayName(text: PointsText, way: WayView): string {
  return way.name || text.t('points.unnamed', { n: text.number(way.order + 1) });
}

function pointsText(text: PointsText, way: WayView): string {
  return way.points === undefined ? text.t('points.varies') : text.t('points.each', { count: way.points, points: text.number(way.points, SIGNED) });
}

function capText(text: PointsText, way: WayView): string {
  const { cap } = way;
  if (cap.kind === 'none' || cap.kind === 'unknown') return text.t('points.noCap');
  const params = { count: cap.max, max: text.number(cap.max) };
  if (cap.kind === 'total') return text.t('points.cap', params);
  return text.t(cap.per === 'video' ? 'points.capPerVideo' : 'points.capPerItem', params);
}

function earnedText(text: PointsText, way: WayView): string {
  const earned = text.number(way.earned);
  if (way.cap.kind === 'total') return text.t('points.earned', { count: way.cap.max, earned, max: text.number(way.cap.max) });
  return text.t('points.earnedSoFar', { count: way.earned, earned });
}

/** "+25": Intl writes the sign, so that right-to-left text keeps it with its number (he: "\u200e+25"). */
const SIGNED: Intl.NumberFormatOptions = { signDisplay: 'exceptZero' };

/** A check mark, in the current text colour. */
const CHECK = svg`<path d="M3 8.5l3.2 3.2L13 4.8" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" />`;
