import { type TemplateResult, html, nothing, svg } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { MessageKey } from '../../i18n/en.js';
import type { MessageParams } from '../../i18n/localize.js';
import { renderBar } from '../shared/bar.js';
import { safeLinkUrl } from '../shared/safe-url.js';
import type { CertificateView, CreditsView, EntryView, RuleView } from './certificate-model.js';
import { type DescriptionBlock, descriptionBlocks } from './description.js';

// The certificate's templates: its header, description, credits bar, entries, rules and link. The
// element decides what to show (kal-certificate-progress.ts); these only draw it.

/** What the templates need from the element: its text, numbers and dates, and what it celebrates. */
export interface CertificateText {
  t(key: MessageKey, params?: MessageParams): string;
  number(value: number): string;
  day(value: Date): string;
  /** Whether the certificate (`''`) or an entry (its id) was just certified and is being celebrated. */
  celebrating(id: string): boolean;
}

export function renderCertificate(text: CertificateText, view: CertificateView, busy: boolean): TemplateResult {
  const { certificate } = view;
  const perEntry = certificate.eligibility === 'perEntry';
  const host = safeLinkUrl(certificate.host);
  return html`<article
    class="certificate ${!perEntry && text.celebrating('') ? 'celebrate' : ''}"
    part="certificate"
    data-state=${view.overall.state}
    data-eligibility=${certificate.eligibility}
    aria-labelledby="name"
    aria-busy=${busy ? 'true' : 'false'}
  >
    <header class="head">
      <svg class="seal" viewBox="0 0 24 24" aria-hidden="true" focusable="false">${SEAL}</svg>
      <div class="head-text">
        <p class="name" part="name" id="name">${certificate.name}</p>
        <p class="status" part="status">${perEntry ? entriesSummary(text, view.entries) : stateText(text, view.overall)}</p>
      </div>
    </header>
    ${certificate.description ? renderDescription(descriptionBlocks(certificate.description)) : nothing}
    ${certificate.enabled ? nothing : html`<p class="note" part="note">${text.t('certificate.disabled')}</p>`}
    ${perEntry ? renderEntries(text, view) : renderCredits(text, view.overall, certificate.threshold, 'credits')}
    ${view.rules.length ? renderRules(text, view.rules) : nothing}
    ${host
      ? html`<a class="link" part="link" href=${host} target="_blank" rel="noopener noreferrer"
          >${text.t('certificate.link')}<span class="visually-hidden"> ${text.t('certificate.newTab')}</span></a
        >`
      : nothing}
  </article>`;
}

function renderDescription(blocks: DescriptionBlock[]): TemplateResult {
  return html`<div class="description" part="description">
    ${blocks.map((block) =>
      block.kind === 'p'
        ? html`<p>${block.text}</p>`
        : block.kind === 'ol'
          ? html`<ol>${block.items.map((item) => html`<li>${item}</li>`)}</ol>`
          : html`<ul>${block.items.map((item) => html`<li>${item}</li>`)}</ul>`,
    )}
  </div>`;
}

/** Credits against the threshold, as a labelled progress bar (or the credits alone without a threshold). */
function renderCredits(text: CertificateText, credits: CreditsView, threshold: number | undefined, labelId: string, label?: string): TemplateResult {
  const figure = creditsText(text, credits.credits, threshold);
  if (threshold === undefined || credits.fraction === undefined) {
    return html`<p class="credits" part="credits"><span class="visually-hidden">${label ?? text.t('certificate.creditsLabel')}: </span>${figure}</p>`;
  }
  const remaining = threshold - credits.credits;
  return html`<div class="credits" part="credits">
    <div class="credits-label">
      <span id=${labelId}>${label ?? text.t('certificate.creditsLabel')}</span>
      <bdi class="credits-count">${figure}</bdi>
    </div>
    ${renderBar({ labelledBy: labelId, max: threshold, now: Math.min(Math.max(credits.credits, 0), threshold), text: figure, fraction: credits.fraction })}
    ${credits.state !== 'certified' && remaining > 0 && !label
      ? html`<p class="remaining">${text.t('certificate.remaining', { remaining: text.number(remaining), count: remaining })}</p>`
      : nothing}
  </div>`;
}

function renderEntries(text: CertificateText, view: CertificateView): TemplateResult {
  if (view.entries.length === 0) return html`<p class="entries-empty" part="note">${text.t('certificate.entriesEmpty')}</p>`;
  return html`<ul class="entries" part="entries" role="list" aria-label=${text.t('certificate.entriesLabel')}>
    ${repeat(
      view.entries,
      (entry) => entry.id,
      (entry: EntryView, index) => html`<li class="entry ${text.celebrating(entry.id) ? 'celebrate' : ''}" part="entry" data-entry-id=${entry.id} data-state=${entry.state}>
        ${renderCredits(text, entry, view.certificate.threshold, `entry-${index}`, entry.name)}
        <p class="entry-status" part="status">${stateText(text, entry)}</p>
      </li>`,
    )}
  </ul>`;
}

function renderRules(text: CertificateText, rules: RuleView[]): TemplateResult {
  // A titled list, not a landmark: a page may show several certificates.
  return html`<div class="rules">
    <p class="section-title" id="rules-title">${text.t('certificate.rulesTitle')}</p>
    <ul role="list" aria-labelledby="rules-title">
      ${rules.map((rule, index) => {
        const name = rule.name || text.t('certificate.rule.unnamed', { n: text.number(index + 1) });
        return html`<li class="rule" part="rule">
          <div class="rule-label">
            <span class="rule-name">${name}</span>
            <bdi class="rule-count">${ruleFigure(text, rule)}</bdi>
          </div>
          ${rule.tiers.length
            ? html`<ul class="tiers" role="list" aria-label=${`${text.t('certificate.tiers')} · ${name}`}>
                ${rule.tiers.map(
                  (tier) => html`<li>${text.t('certificate.tier', { level: text.number(tier.level), credits: text.number(tier.credits), count: tier.credits })}</li>`,
                )}
              </ul>`
            : nothing}
        </li>`;
      })}
    </ul>
  </div>`;
}

/** What a rule earned: its credits when the answer says, else its progress toward its goal. */
function ruleFigure(text: CertificateText, rule: RuleView): string {
  if (rule.credits !== undefined) return text.t('certificate.rule.credits', { credits: text.number(rule.credits), count: rule.credits });
  if (rule.goal === undefined) return text.number(rule.progress);
  return text.t('certificate.rule.count', { progress: text.number(Math.min(rule.progress, rule.goal)), goal: text.number(rule.goal) });
}

function creditsText(text: CertificateText, credits: number, threshold: number | undefined): string {
  return threshold === undefined
    ? text.t('certificate.creditsEarned', { credits: text.number(credits), count: credits })
    : text.t('certificate.credits', { credits: text.number(credits), threshold: text.number(threshold), count: threshold });
}

export function stateText(text: CertificateText, credits: CreditsView): string {
  if (credits.state === 'certified') {
    return credits.certifiedAt ? text.t('certificate.state.certifiedOn', { date: text.day(credits.certifiedAt) }) : text.t('certificate.state.certified');
  }
  return text.t(credits.state === 'in-progress' ? 'certificate.state.inProgress' : 'certificate.state.notStarted');
}

function entriesSummary(text: CertificateText, entries: EntryView[]): string {
  const certified = entries.filter((entry) => entry.state === 'certified').length;
  return text.t('certificate.entriesSummary', { certified: text.number(certified), count: entries.length });
}

/** A rosette: the certificate's mark, in the current text colour. */
const SEAL = svg`
  <circle cx="12" cy="9" r="6" fill="none" stroke="currentColor" stroke-width="1.75" />
  <path d="M9.2 10.9l-2.2 9.6 5-2.6 5 2.6-2.2-9.6" fill="none" stroke="currentColor" stroke-width="1.75" stroke-linejoin="round" />
  <path d="M9.6 9l1.7 1.7 3.2-3.4" fill="none" stroke="currentColor" stroke-width="1.75" stroke-linecap="round" stroke-linejoin="round" />
`;
