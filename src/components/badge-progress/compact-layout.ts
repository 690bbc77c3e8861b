import { type ReactiveController, type ReactiveElement, type TemplateResult, html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { MessageKey } from '../../i18n/en.js';
import type { BadgeView, RuleView } from './badge-model.js';
import { fill } from '../shared/bar.js';

// The badges' `layout="compact"`: a row of icons, each with a tooltip holding its name, state and
// rules. Downloaded only by pages that use it (alongside their first data); the element keeps the
// data and lends this module what it needs to draw a badge. Its styles are the element's.

/** What the element lends its compact layout. */
export interface CompactParts {
  text(key: MessageKey): string;
  icon(badge: BadgeView): TemplateResult;
  stateText(badge: BadgeView): string;
  ruleText(rule: RuleView, index: number): string;
  celebrating(badgeId: string): boolean;
}

export class CompactLayout implements ReactiveController {
  readonly #host: ReactiveElement & { readonly direction: 'ltr' | 'rtl' };
  readonly #parts: CompactParts;
  /** The badge whose tooltip is open (hovered, focused or tapped). */
  #open: string | undefined;
  #placed: string | undefined;

  constructor(host: ReactiveElement & { readonly direction: 'ltr' | 'rtl' }, parts: CompactParts) {
    this.#host = host;
    this.#parts = parts;
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('keydown', this.#onDocumentKeydown);
  }

  hostDisconnected(): void {
    document.removeEventListener('keydown', this.#onDocumentKeydown);
  }

  hostUpdated(): void {
    if (this.#placed === this.#open) return;
    this.#placed = this.#open;
    this.#placeTip();
  }

  readonly #onDocumentKeydown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape' && this.#open !== undefined) this.#show(undefined);
  };

  #show(badgeId: string | undefined): void {
    this.#open = badgeId;
    this.#host.requestUpdate();
  }

  #hide(badgeId: string): void {
    if (this.#open === badgeId) this.#show(undefined);
  }

  /**
   * Keeps an open tooltip inside the element: one that would stick out past an edge is shifted back
   * (through the `--_tip-shift` custom property, set in the CSSOM: no style attribute, strict CSP).
   */
  #placeTip(): void {
    const tip = this.#host.renderRoot.querySelector<HTMLElement>('.tooltip:not([hidden])');
    if (!tip) return;
    tip.style.removeProperty('--_tip-shift');
    const box = tip.getBoundingClientRect();
    const host = this.#host.getBoundingClientRect();
    const fitEnd = (shift: number) => (box.right + shift > host.right ? host.right - box.right : shift);
    const fitStart = (shift: number) => (box.left + shift < host.left ? host.left - box.left : shift);
    // Wider than the element: its start edge stays inside.
    const shift = this.#host.direction === 'rtl' ? fitEnd(fitStart(0)) : fitStart(fitEnd(0));
    if (Math.abs(shift) >= 1) tip.style.setProperty('--_tip-shift', `${Math.round(shift)}px`);
  }

  render(badges: BadgeView[], busy: boolean): TemplateResult {
    const parts = this.#parts;
    return html`<ul class="chips" part="list" role="list" aria-label=${parts.text('badges.listLabel')} aria-busy=${busy ? 'true' : 'false'}>
      ${repeat(
        badges,
        (badge) => badge.id,
        (badge, index) => {
          const tipId = `tip-${index}`;
          return html`<li
            class="chip-item ${parts.celebrating(badge.id) ? 'celebrate' : ''}"
            part="badge"
            data-badge-id=${badge.id}
            data-state=${badge.state}
            @mouseenter=${() => this.#show(badge.id)}
            @mouseleave=${() => this.#hide(badge.id)}
          >
            <button
              type="button"
              class="chip"
              part="icon"
              aria-describedby=${tipId}
              @focus=${() => this.#show(badge.id)}
              @blur=${() => this.#hide(badge.id)}
              @click=${() => this.#show(badge.id)}
            >
              <span class="icon">${parts.icon(badge)}</span>
              <span class="visually-hidden">${badge.name}</span>
            </button>
            <div class="tooltip" part="tooltip" role="tooltip" id=${tipId} ?hidden=${this.#open !== badge.id}>
              <p class="name" part="name">${badge.name}</p>
              <p class="status" part="status">${parts.stateText(badge)}</p>
              ${badge.rules.length
                ? html`<ul class="tip-rules" role="list">
                    ${badge.rules.map(
                      (rule, ruleIndex) => html`<li class="tip-rule ${rule.completed ? 'rule--completed' : ''}">
                        <span>${parts.ruleText(rule, ruleIndex)}</span>
                        <span class="bar bar--small" aria-hidden="true"><span class="bar-fill" ${fill(rule.fraction)}></span></span>
                      </li>`,
                    )}
                  </ul>`
                : nothing}
            </div>
          </li>`;
        },
      )}
    </ul>`;
  }
}
