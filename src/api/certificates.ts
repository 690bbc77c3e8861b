import { postJson } from './client.js';
import type { ApiContext } from './context.js';
import { KalError } from './errors.js';
import { gameBase } from './regions.js';
import * as z from 'zod/mini';
import { type Infer, id, listOf, numberLike, optional, optionalText, toDate } from './schema.js';

// Game Services (SCM) guide, section 8: the certificate (8.1), its credits mapping (8.3) and the
// user certificate report (8.5). All POST JSON, through the host's Game proxy.

const certificateSchema = z.object({
  id,
  name: z.string(),
  description: optionalText,
  status: optionalText,
  certificateEligibility: optionalText,
  certifiedCreditsThreshold: optional(numberLike),
  host: optionalText,
  // 8.1 types it as a string; anything else is set aside rather than failing the certificate.
  creditsMapping: optional(z.unknown()),
});

export type Eligibility = 'once' | 'perEntry';

/** One row of the credits mapping: `credits` once the mapped rules reach `values` (one per rule, in order). */
export interface CreditTier {
  credits: number;
  values: number[];
}

/** The credits mapping (8.3) as a table: the rules its header names, and its rows. */
export interface CreditsMapping {
  ruleIds: string[];
  tiers: CreditTier[];
}

export interface Certificate {
  id: string;
  name: string;
  /** As answered: it "supports HTML" (8.1), so it is never rendered as markup. */
  description?: string;
  /** `status` is `enabled` or `disabled` (8.1); anything else counts as enabled. */
  enabled: boolean;
  eligibility: Eligibility;
  /** `certifiedCreditsThreshold`, when it is a positive number. */
  threshold?: number;
  /** The events site for certificate page links, as answered (not yet checked as a URL). */
  host?: string;
  creditsMapping?: CreditsMapping;
}

export async function getCertificate(api: ApiContext, certificateId: string): Promise<Certificate> {
  const raw = await postJson({
    ...api,
    url: `${gameBase(api.urls)}/certificate/get`,
    body: { id: certificateId },
    schema: certificateSchema,
    dedupe: true,
  });
  const threshold = raw.certifiedCreditsThreshold;
  const creditsMapping = parseCreditsMapping(raw.creditsMapping);
  return {
    id: String(raw.id),
    name: raw.name,
    ...(raw.description ? { description: raw.description } : {}),
    enabled: raw.status?.trim().toLowerCase() !== 'disabled',
    eligibility: /^per[\s_-]?entry$/i.test(raw.certificateEligibility?.trim() ?? '') ? 'perEntry' : 'once',
    ...(threshold !== undefined && Number.isFinite(threshold) && threshold > 0 ? { threshold } : {}),
    ...(raw.host?.trim() ? { host: raw.host.trim() } : {}),
    ...(creditsMapping ? { creditsMapping } : {}),
  };
}

const isNumeric = (cell: string) => numberLike.safeParse(cell).success;

/**
 * The credits mapping, read leniently (8.3 shows one example: `"credits,RULE_ID\n10.0,1\n11.5,2"`):
 * lines split on real or escaped (`\n` as two characters) line breaks, cells on commas, semicolons or
 * tabs; the header, when the first line has one, names the rules (its first cell, `credits`, is not
 * one); each other line is credits then one value per rule. Lines that are not numbers are skipped;
 * undefined when nothing is left or the mapping is not text.
 */
export function parseCreditsMapping(value: unknown): CreditsMapping | undefined {
  if (typeof value !== 'string') return undefined;
  const lines = value
    .split(/\r\n|\r|\n|\\n/)
    .map((line) => line.split(/[,;\t]/).map((cell) => cell.trim()))
    .filter((cells) => cells.some(Boolean));
  const header = lines[0] && !isNumeric(lines[0][0]!) ? lines.shift()! : [];
  const tiers = lines.flatMap((cells): CreditTier[] => {
    const numbers = cells.filter(Boolean);
    if (numbers.length < 2 || !numbers.every(isNumeric)) return [];
    const [credits, ...values] = numbers.map(Number);
    return [{ credits: credits!, values }];
  });
  return tiers.length ? { ruleIds: header.slice(1).filter(Boolean), tiers } : undefined;
}

// 8.5 shows the request only. Rows as the sandbox reads the guide: `{ userId, credits, status,
// certificationDate? }`, one per entry (`entryId`, `entryName`) for a perEntry certificate.
const reportRowSchema = z.object({
  userId: optional(id),
  entryId: optional(id),
  entryName: optionalText,
  credits: optional(numberLike),
  status: optionalText,
  certificationDate: optional(id),
});

export interface CertificateRow {
  entryId?: string;
  entryName?: string;
  credits: number;
  /** What `status` says: true for `CERTIFIED`, false for another status, undefined when there is none. */
  certified?: boolean;
  certifiedAt?: Date;
}

/** Rows asked for per page (the Game proxy's largest page), and how far a report is paged. */
const PAGE_SIZE = 100;
const MAX_PAGES = 20;

/**
 * The viewer's rows of `userCertificateReport/list` (8.5): one for a `once` certificate (none before
 * they start), one per entry for `perEntry`. The guide's report has every user's rows and no user
 * filter; the Game proxy answers each viewer with their own rows only. Rows about someone else are
 * dropped when the viewer is known (`viewerId`); when not, an answer about several people is refused
 * (`invalid-response`) rather than shown as the viewer's.
 */
export async function listCertificateRows(api: ApiContext, certificateId: string, viewerId: string | undefined): Promise<CertificateRow[]> {
  const rows: Array<Infer<typeof reportRowSchema>> = [];
  for (let pageIndex = 1; pageIndex <= MAX_PAGES; pageIndex++) {
    const page = await postJson({
      ...api,
      url: `${gameBase(api.urls)}/userCertificateReport/list`,
      body: { gameObjectId: certificateId, pager: { pageSize: PAGE_SIZE, pageIndex } },
      schema: listOf(reportRowSchema),
      dedupe: true,
    });
    rows.push(...page.objects);
    if (page.objects.length < PAGE_SIZE || rows.length >= (page.totalCount ?? rows.length)) break;
  }
  const people = new Set(rows.flatMap((row) => (row.userId === undefined ? [] : [String(row.userId)])));
  if (!viewerId && people.size > 1) {
    throw new KalError('invalid-response', 'userCertificateReport/list answered rows of several users: is the Game proxy createGameProxy?');
  }
  return rows
    .filter((row) => !viewerId || row.userId === undefined || String(row.userId) === viewerId)
    .map((row) => {
      const status = row.status?.trim().toUpperCase();
      const certifiedAt = toDate(row.certificationDate);
      return {
        ...(row.entryId === undefined ? {} : { entryId: String(row.entryId) }),
        ...(row.entryName ? { entryName: row.entryName } : {}),
        credits: row.credits ?? 0,
        ...(status ? { certified: status === 'CERTIFIED' } : {}),
        ...(certifiedAt ? { certifiedAt } : {}),
      };
    });
}
