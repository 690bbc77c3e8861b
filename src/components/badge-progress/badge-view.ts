import { type TemplateResult, html, nothing, svg } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { MessageKey } from '../../i18n/en.js';
import type { MessageParams } from '../../i18n/localize.js';
import { safeUrl } from '../shared/safe-url.js';
import type { BadgeView, RuleView } from './badge-model.js';
import { renderBar } from '../shared/bar.js';

// The badges' templates (cards, rules with their bars, icons) and their texts. The element decides
// what to show (kal-badge-progress.ts); the compact layout reuses the icon and the texts.

/** What the templates need from the element: its text, numbers and dates, and its icons' state. */
export interface BadgeText {
  t(key: MessageKey, params?: MessageParams): string;
  number(value: number): string;
  day(value: Date): string;
  /** The icon URL of a badge that failed to load, if any: shown as the placeholder. */
  brokenIcon(badgeId: string): string | undefined;
  iconFailed(badgeId: string, url: string): void;
}

export function renderCards(text: BadgeText, badges: BadgeView[], busy: boolean, celebrating: ReadonlySet<string>): TemplateResult {
  return html`<ul class="badges" part="list" role="list" aria-label=${text.t('badges.listLabel')} aria-busy=${busy ? 'true' : 'false'}>
    ${repeat(
      badges,
      (badge) => badge.id,
      (badge, index) => html`<li class="badge ${celebrating.has(badge.id) ? 'celebrate' : ''}" part="badge" data-badge-id=${badge.id} data-state=${badge.state}>
        <div class="icon" part="icon">${renderIcon(text, badge)}</div>
        <div class="body">
          <p class="name" part="name">${badge.name}</p>
          <p class="status" part="status">${stateText(text, badge)}</p>
          ${badge.description ? html`<p class="description" part="description">${badge.description}</p>` : nothing}
          ${badge.rules.length
            ? html`<ul class="rules" role="list">
                ${badge.rules.map((rule, ruleIndex) => renderRule(text, rule, `rule-${index}-${ruleIndex}`, ruleIndex))}
              </ul>`
            : nothing}
        </div>
      </li>`,
    )}
  </ul>`;
}

function renderRule(text: BadgeText, rule: RuleView, id: string, index: number): TemplateResult {
  const max = rule.goal > 0 ? rule.goal : 1;
  const now = rule.goal > 0 ? rule.barValue : rule.fraction;
  return html`<li class="rule ${rule.completed ? 'rule--completed' : ''}" part="progress">
    <div class="rule-label">
      <span class="rule-name" id=${id}>${ruleName(text, rule, index)}</span>
      <bdi class="rule-count">${text.t('badges.rule.count', { progress: text.number(shownProgress(rule)), goal: text.number(rule.goal) })}</bdi>
    </div>
    ${renderBar({ labelledBy: id, max, now, text: ruleText(text, rule, index), fraction: rule.fraction })}
  </li>`;
}

/** The badge's icon (https or same-origin only), else the built-in medal. */
export function renderIcon(text: BadgeText, badge: BadgeView): TemplateResult {
  const url = safeUrl(badge.iconUrl);
  if (url && text.brokenIcon(badge.id) !== url) {
    return html`<img src=${url} alt="" decoding="async" referrerpolicy="no-referrer" @error=${() => text.iconFailed(badge.id, url)} />`;
  }
  return html`<svg class="placeholder" viewBox="0 0 64 64" aria-hidden="true" focusable="false">${PLACEHOLDER}</svg>`;
}

export function stateText(text: BadgeText, badge: BadgeView): string {
  if (badge.state === 'achieved') {
    return badge.achievedAt ? text.t('badges.state.achievedOn', { date: text.day(badge.achievedAt) }) : text.t('badges.state.achieved');
  }
  return text.t(badge.state === 'in-progress' ? 'badges.state.inProgress' : 'badges.state.locked');
}

function ruleName(text: BadgeText, rule: RuleView, index: number): string {
  return rule.name || text.t('badges.rule.unnamed', { n: text.number(index + 1) });
}

export function ruleText(text: BadgeText, rule: RuleView, index: number): string {
  return text.t('badges.rule.text', { progress: text.number(shownProgress(rule)), goal: text.number(rule.goal), rule: ruleName(text, rule, index) });
}

/** Progress as shown: past the goal it reads as the goal (complete), not "4 / 1". */
const shownProgress = (rule: RuleView) => (rule.goal > 0 ? Math.min(rule.progress, rule.goal) : rule.progress);

/** The built-in icon: a medal with a ribbon, in the current text colour. */
const PLACEHOLDER = svg`
  <path d="M22 4h8l4 16h-8zM42 4h-8l-4 16h8z" fill="currentColor" opacity="0.45" />
  <circle cx="32" cy="38" r="20" fill="none" stroke="currentColor" stroke-width="4" />
  <path d="M32 27l3.5 7.2 7.9 1.1-5.7 5.6 1.3 7.9L32 45.1l-7 3.7 1.3-7.9-5.7-5.6 7.9-1.1z" fill="currentColor" />
`;
