// Pure helpers of <kal-certificate-progress>: no DOM, no fetch. The certificate, the viewer's report
// rows and their rule progress → what is shown.
import type { Certificate, CertificateRow, CreditsMapping } from '../../api/certificates.js';
import type { GameObjectProgress } from '../../api/rule-progress.js';

export type CertificateState = 'not-started' | 'in-progress' | 'certified';

/** Credits against the threshold: the whole certificate (`once`) or one entry (`perEntry`). */
export interface CreditsView {
  credits: number;
  state: CertificateState;
  certifiedAt?: Date;
  /** 0…1: the bar's filled share (1 once certified); undefined when the certificate has no threshold. */
  fraction?: number;
}

export interface EntryView extends CreditsView {
  id: string;
  /** `entryName`, else the entry id. */
  name: string;
}

/** One row of the credits mapping, for one rule: `credits` at `level`. */
export interface TierView {
  level: number;
  credits: number;
}

export interface RuleView {
  id: string;
  /** '' when the answer gives none. */
  name: string;
  progress: number;
  goal?: number;
  /** What the rule earned (`points`), when the answer says. */
  credits?: number;
  tiers: TierView[];
}

export interface CertificateView {
  certificate: Certificate;
  /** `once`: the viewer's credits. `perEntry`: every entry's credits added up, certified when one entry is. */
  overall: CreditsView;
  /** `perEntry`: one per entry the viewer has a row for, in the report's order. */
  entries: EntryView[];
  rules: RuleView[];
}

/**
 * Credits of one report row (or none yet) against the threshold. The row's `status` decides whether
 * it is certified; a row without one is certified at the threshold (8.1: "credits required").
 */
function creditsOf(row: CertificateRow | undefined, threshold: number | undefined): CreditsView {
  const credits = row?.credits ?? 0;
  const certified = row?.certified ?? (threshold !== undefined && credits >= threshold);
  const state: CertificateState = certified ? 'certified' : credits > 0 ? 'in-progress' : 'not-started';
  return {
    credits,
    state,
    ...(certified && row?.certifiedAt ? { certifiedAt: row.certifiedAt } : {}),
    ...(threshold === undefined ? {} : { fraction: certified ? 1 : Math.min(Math.max(credits / threshold, 0), 1) }),
  };
}

/** The mapping's column for a rule: the rule its header names, or the only column of a one-rule certificate. */
function tiersOf(mapping: CreditsMapping | undefined, ruleId: string, ruleCount: number): TierView[] {
  if (!mapping) return [];
  const named = mapping.ruleIds.indexOf(ruleId);
  const column = named >= 0 ? named : mapping.ruleIds.length <= 1 && ruleCount === 1 ? 0 : -1;
  if (column < 0) return [];
  return mapping.tiers
    .flatMap((tier) => (tier.values[column] === undefined ? [] : [{ level: tier.values[column]!, credits: tier.credits }]))
    .sort((a, b) => a.level - b.level);
}

export function buildView(certificate: Certificate, rows: readonly CertificateRow[], progress: GameObjectProgress): CertificateView {
  const { threshold } = certificate;
  const entries: EntryView[] =
    certificate.eligibility === 'perEntry'
      ? rows.map((row, index) => ({
          id: row.entryId ?? `#${index + 1}`,
          name: row.entryName ?? row.entryId ?? `#${index + 1}`,
          ...creditsOf(row, threshold),
        }))
      : [];
  let overall: CreditsView;
  if (certificate.eligibility === 'perEntry') {
    const credits = entries.reduce((sum, entry) => sum + entry.credits, 0);
    const state: CertificateState = entries.some((entry) => entry.state === 'certified') ? 'certified' : credits > 0 ? 'in-progress' : 'not-started';
    overall = { credits, state };
  } else {
    overall = creditsOf(rows.find((row) => row.entryId === undefined) ?? rows[0], threshold);
  }
  const rules = progress.rules.map(
    (rule): RuleView => ({
      id: rule.ruleId,
      name: rule.name ?? '',
      progress: rule.progress,
      ...(rule.goal === undefined ? {} : { goal: rule.goal }),
      ...(rule.points === undefined ? {} : { credits: rule.points }),
      tiers: tiersOf(certificate.creditsMapping, rule.ruleId, progress.rules.length),
    }),
  );
  return { certificate, overall, entries, rules };
}

export interface Certification {
  /** For a `perEntry` certificate. */
  entryId?: string;
  /** From the report, when it already has the date. */
  certifiedAt?: Date;
}

/**
 * What became certified between two views of the same certificate: the certificate (`once`), or each
 * entry (`perEntry`) that was shown not certified, or not at all, before.
 */
export function newlyCertified(previous: CertificateView, next: CertificateView): Certification[] {
  if (next.certificate.eligibility === 'once') {
    const crossed = previous.overall.state !== 'certified' && next.overall.state === 'certified';
    return crossed ? [next.overall.certifiedAt ? { certifiedAt: next.overall.certifiedAt } : {}] : [];
  }
  const before = new Map(previous.entries.map((entry) => [entry.id, entry.state]));
  return next.entries
    .filter((entry) => entry.state === 'certified' && before.get(entry.id) !== 'certified')
    .map((entry) => ({ entryId: entry.id, ...(entry.certifiedAt ? { certifiedAt: entry.certifiedAt } : {}) }));
}
