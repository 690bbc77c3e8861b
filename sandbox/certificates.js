// @ts-check
/**
 * Certificates (Gamification guide §8): the seeded certificates, each user's certificate rows
 * (userCertificateReport/list, §8.5) and the partner's own changes to them (/sandbox/control/progress).
 * A user whose policy is do_not_save has no rows (guide §5: "no data collected").
 */
import { ALL_USERS_POLICY, SEEDED_AT, SEEDED_PEOPLE, VIRTUAL_EVENT_ID, hash32, prng, userAt } from './data.js';
import { HttpError } from './http.js';
import { policyOf } from './policies.js';

/** @typedef {import('./world.js').World} World */

/**
 * A certificate entity with guide §8.1's fields.
 * @typedef {{ id: string, name: string, description: string, status: 'enabled' | 'disabled', externalId: string,
 *   certificateEligibility: 'once' | 'perEntry', certifiedCreditsThreshold: number, host: string, creditsMapping: string,
 *   outputFileConfiguration: { outputFileElements: Record<string, unknown>[] }, participationPolicy: import('./data.js').ParticipationPolicy,
 *   virtualEventIds: string[], createdAt: string, updatedAt: string }} Certificate
 * The guide gives no row shape for userCertificateReport/list; these fields are the sandbox's reading. A
 * perEntry certificate has one row per entry, naming it (`entryId`, and `entryName` as §8.2's PDF prints it).
 * @typedef {{ userId: string, gameObjectId: string, entryId?: string, entryName?: string, credits: number,
 *   status: 'CERTIFIED' | 'IN_PROGRESS', certificationDate?: string }} UserCertificate
 */

/** Guide §8.2's PDF template, as its examples lay it out. @param {string} backgroundEntryId */
const pdfTemplate = (backgroundEntryId) => ({
  outputFileElements: [
    { url: `https://cfvod.kaltura.com/p/1001/thumbnail/entry_id/${backgroundEntryId}/width/1397/height/1080` },
    { textElementType: 'userFullName', fontSize: 30, y: 440 },
    { textElementType: 'entryName', fontSize: 30, y: 570 },
    { textElementType: 'credits', fontSize: 23, x: 1060, y: 699 },
    { textElementType: 'certificationDate', fontSize: 18, x: 695, y: 636 },
  ],
});

/**
 * Descriptions hold HTML (§8.1: "supports HTML"); creditsMapping is §8.3's newline-delimited text,
 * a header `credits,<ruleId>` then `<credits>,<value>` rows, stored as given.
 * @type {Certificate[]}
 */
export const CERTIFICATES = [
  {
    id: 'cert_attendance', name: 'Certificate of Attendance', status: 'enabled', externalId: 'CONF-2025',
    description: '<p>Attend at least <strong>3 sessions</strong> of the conference to receive your certificate of attendance.</p>',
    certificateEligibility: 'once', certifiedCreditsThreshold: 3, host: 'https://events.example.com',
    creditsMapping: 'credits,rule_attendance_watch\n1.0,1\n2.0,2\n3.5,3', outputFileConfiguration: pdfTemplate('1_attendancebg'),
    virtualEventIds: [VIRTUAL_EVENT_ID], participationPolicy: ALL_USERS_POLICY, createdAt: SEEDED_AT, updatedAt: SEEDED_AT,
  },
  {
    id: 'cert_cpe', name: 'CPE Credit Certificate', status: 'enabled', externalId: 'NASBA-PROG-2025-4821',
    description: '<p>Continuing Professional Education: <strong>1 credit</strong> per qualifying session.</p><p>See the <a href="https://events.example.com/cpe">CPE policy</a>.</p>',
    certificateEligibility: 'perEntry', certifiedCreditsThreshold: 1, host: 'https://events.example.com',
    creditsMapping: 'credits,rule_cpe_watch\n1.0,1\n1.5,2\n2.0,3', outputFileConfiguration: pdfTemplate('1_cpebg'),
    virtualEventIds: [VIRTUAL_EVENT_ID], participationPolicy: ALL_USERS_POLICY, createdAt: SEEDED_AT, updatedAt: SEEDED_AT,
  },
  {
    id: 'cert_course', name: 'Partner Certified Developer', status: 'enabled', externalId: 'PARTNER-DEV-101',
    description: '<p>Complete all training modules:</p><ul><li>Watch each module to the end</li><li>Earn <strong>3 credits</strong></li></ul>',
    certificateEligibility: 'once', certifiedCreditsThreshold: 3, host: 'https://training.example.com',
    creditsMapping: 'credits,rule_course_watch\n1.0,1\n2.0,2\n3.0,3', outputFileConfiguration: pdfTemplate('1_coursebg'),
    virtualEventIds: [], participationPolicy: ALL_USERS_POLICY, createdAt: SEEDED_AT, updatedAt: SEEDED_AT,
  },
];

/** The sessions cert_cpe's seeded rows are for. */
const CPE_ENTRIES = [
  { entryId: '1_cpekeynote', entryName: 'Opening Keynote: Video Everywhere' },
  { entryId: '1_cpeaudit', entryName: 'Audit Automation in Practice' },
  { entryId: '1_cpeethics', entryName: 'Ethics for Finance Professionals' },
];

/** Users who may have a seeded cert_attendance row besides the named ones: enough for several pages. */
const ATTENDANCE_POPULATION = 600;

const VIEWER = SEEDED_PEOPLE.viewer;

/** @type {UserCertificate[]} */
const SEEDED_ROWS = [
  { userId: VIEWER, gameObjectId: 'cert_attendance', credits: 3.5, status: 'CERTIFIED', certificationDate: '2025-06-16T17:00:00Z' },
  { userId: VIEWER, gameObjectId: 'cert_cpe', ...CPE_ENTRIES[0], credits: 1.5, status: 'CERTIFIED', certificationDate: '2025-06-15T18:10:00Z' },
  { userId: VIEWER, gameObjectId: 'cert_cpe', ...CPE_ENTRIES[1], credits: 0.5, status: 'IN_PROGRESS' },
  { userId: VIEWER, gameObjectId: 'cert_course', credits: 2, status: 'IN_PROGRESS' },
  { userId: userAt(1).id, gameObjectId: 'cert_attendance', credits: 1, status: 'IN_PROGRESS' },
  { userId: userAt(2).id, gameObjectId: 'cert_cpe', ...CPE_ENTRIES[2], credits: 2, status: 'CERTIFIED', certificationDate: '2025-06-16T15:30:00Z' },
  // About half of users 3..599 attended: 0 to 4 credits in halves, certified from 3.
  ...Array.from({ length: ATTENDANCE_POPULATION - 3 }, (_, i) => i + 3).flatMap((index) => {
    const rand = prng(hash32(`cert_attendance:${index}`));
    if (rand() < 0.5) return [];
    const credits = Math.floor(rand() * 9) / 2;
    const date = new Date(Date.parse('2025-06-15T09:00:00Z') + Math.floor(rand() * 2 * 86_400_000)).toISOString().replace('.000', '');
    return [/** @type {UserCertificate} */ ({ userId: userAt(index).id, gameObjectId: 'cert_attendance', credits, status: credits >= 3 ? 'CERTIFIED' : 'IN_PROGRESS', ...(credits >= 3 ? { certificationDate: date } : {}) })];
  }),
];

/** @param {{ gameObjectId: string, userId: string, entryId?: string }} row */
const rowKey = (row) => `${row.gameObjectId}\n${row.userId}\n${row.entryId ?? ''}`;

/** @param {string} id */
export function certificateById(id) {
  const cert = CERTIFICATES.find((c) => c.id === id);
  if (!cert) throw new HttpError(404, 'CERTIFICATE_NOT_FOUND', `Certificate "${id}" was not found`);
  return cert;
}

/**
 * Every user's rows of a certificate: the seeded ones (with the partner's changes, in place), then
 * the partner's new ones.
 * @param {World} world @param {Certificate} cert
 * @returns {UserCertificate[]}
 */
export function userCertificates(world, cert) {
  const rows = new Map(SEEDED_ROWS.filter((r) => r.gameObjectId === cert.id).map((r) => [rowKey(r), r]));
  for (const [key, row] of world.certificateRows) if (row.gameObjectId === cert.id) rows.set(key, row);
  return [...rows.values()].filter((r) => policyOf(cert.participationPolicy, r.userId) !== 'do_not_save');
}

/**
 * Sets a user's credits on a certificate (one entry's, for perEntry): certified at the threshold,
 * dated now unless it was certified before.
 * @param {World} world @param {Certificate} cert @param {string} userId @param {number} credits
 * @param {{ entryId?: unknown, entryName?: unknown }} entry
 */
export function setCertificateCredits(world, cert, userId, credits, { entryId, entryName }) {
  const perEntry = cert.certificateEligibility === 'perEntry';
  if (perEntry !== (typeof entryId === 'string' && entryId !== '')) {
    throw new HttpError(400, 'MISSING_FIELD', perEntry ? `"${cert.id}" is perEntry: "entryId" is required` : `"${cert.id}" is once: no "entryId"`);
  }
  if (policyOf(cert.participationPolicy, userId) === 'do_not_save') {
    throw new HttpError(409, 'DO_NOT_SAVE', `The policy of "${cert.id}" saves no data for "${userId}"`);
  }
  const key = rowKey({ userId, gameObjectId: cert.id, entryId: perEntry ? String(entryId) : undefined });
  const before = userCertificates(world, cert).find((r) => rowKey(r) === key);
  const name = typeof entryName === 'string' ? entryName : before?.entryName;
  const entry = perEntry ? { entryId: String(entryId), ...(name ? { entryName: name } : {}) } : {};
  const certified = credits >= cert.certifiedCreditsThreshold;
  /** @type {UserCertificate} */
  const row = {
    userId, gameObjectId: cert.id, ...entry, credits,
    status: certified ? 'CERTIFIED' : 'IN_PROGRESS',
    ...(certified ? { certificationDate: before?.certificationDate ?? new Date().toISOString() } : {}),
  };
  world.certificateRows.set(key, row);
  return row;
}
