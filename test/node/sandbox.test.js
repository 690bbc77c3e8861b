// Node tests of the Kaltura sandbox, over real HTTP. Run: node --test test/node/sandbox.test.js
import assert from 'node:assert/strict';
import { createDecipheriv, createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { SANDBOX_APP_TOKEN, SEEDED_PEOPLE, createSandbox, mintSandboxKs, sandboxAdminSecret } from '../../sandbox/index.js';
import { startSandboxServer } from '../../sandbox/server.js';
import { sandboxMiddleware } from '../../sandbox/wtr-middleware.js';

/** @type {{ url: string, close(): Promise<void> }} */
let server;
before(async () => {
  server = await startSandboxServer();
});
after(() => server.close());

// Every test takes its own partner id, so its switches and changes touch no other test.
let lastPartner = 5000;
const newPartner = () => ++lastPartner;

const VIEWER = 'viewer@example.com';
const SEEDED_POLICY = {
  userDefaultPolicy: 'display',
  policies: [
    { policy: 'do_not_save', matchCriteria: 'byEmailDomain', values: ['staff.example.com'] },
    { policy: 'do_not_display', matchCriteria: 'byGroup', values: ['speakers'] },
  ],
};

const userKs = (partnerId, options = {}) => mintSandboxKs({ partnerId, ...options }).ks;
const adminKs = (partnerId, options = {}) => mintSandboxKs({ partnerId, userId: 'admin@example.com', type: 2, ...options }).ks;

/**
 * POSTs JSON (or sends `method`) and reads the answer.
 * @returns {Promise<{ status: number, headers: Headers, text: string, json: any }>}
 */
async function call(path, body = {}, { ks, method = 'POST', signal, headers = {} } = {}) {
  const res = await fetch(server.url + path, {
    method,
    signal,
    headers: { ...(method === 'GET' ? {} : { 'Content-Type': 'application/json' }), ...(ks ? { Authorization: `Bearer ${ks}` } : {}), ...headers },
    body: method === 'GET' ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

const scm = (action, body, ks, options) => call(`/sandbox/scm/api/v1/${action}`, body, { ks, ...options });
const messaging = (action, body, ks) => call(`/sandbox/messaging/api/v1/${action}`, body, { ks });
const control = async (partnerId, body = {}, sub = '') => {
  const res = await call(`/sandbox/control${sub}`, { partnerId, ...body });
  assert.equal(res.status, 200, res.text);
  return res.json;
};
const state = async (partnerId) => (await call(`/sandbox/control/state?partnerId=${partnerId}`, undefined, { method: 'GET' })).json;

async function apiV3(service, action, params) {
  const res = await fetch(`${server.url}/sandbox/api_v3/service/${service}/action/${action}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ format: '1', ...params }).toString(),
  });
  assert.equal(res.status, 200, 'API v3 answers errors with HTTP 200 too');
  return res.json();
}

/** Decrypts a v2 KS independently of the sandbox, the way Kaltura's client libraries describe it. */
function decryptV2(ks, secret) {
  const raw = Buffer.from(ks.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  const [, partnerId] = /^v2\|(\d+)\|/.exec(raw.toString('latin1'));
  const encrypted = raw.subarray(`v2|${partnerId}|`.length);
  const key = createHash('sha1').update(secret).digest().subarray(0, 16);
  const decipher = createDecipheriv('aes-128-cbc', key, Buffer.alloc(16));
  decipher.setAutoPadding(false);
  let message = Buffer.concat([decipher.update(encrypted), decipher.final()]);
  while (message[message.length - 1] === 0) message = message.subarray(0, -1);
  const hash = message.subarray(0, 20);
  const plain = message.subarray(20);
  assert.deepEqual(createHash('sha1').update(plain).digest(), hash, 'sha1(plain) leads the message');
  return { partnerId: Number(partnerId), fields: new URLSearchParams(plain.subarray(16).toString('utf8')) };
}

/** Changes one character in the middle of a KS. */
const tamper = (ks) => {
  const i = Math.floor(ks.length / 2);
  return ks.slice(0, i) + (ks[i] === 'A' ? 'B' : 'A') + ks.slice(i + 1);
};

describe('KS', () => {
  test('v2 from /sandbox/ks has the client-library format and is accepted', async () => {
    const partnerId = newPartner();
    const res = await call(`/sandbox/ks?partnerId=${partnerId}&privileges=entryId:1_abc,roomModerator:1,sview:*`, undefined, { method: 'GET' });
    assert.equal(res.status, 200);
    const { ks, expiresAt } = res.json;
    assert.match(ks, /^[A-Za-z0-9_-]+={0,2}$/, 'URL-safe base64');
    const { fields } = decryptV2(ks, sandboxAdminSecret(partnerId));
    assert.equal(fields.get('_u'), 'viewer@example.com');
    assert.equal(fields.get('_t'), '0');
    assert.equal(fields.get('entryId'), '1_abc');
    assert.equal(fields.get('roomModerator'), '1');
    assert.equal(fields.get('sview'), '*');
    assert.equal(Number(fields.get('_e')) * 1000, Date.parse(expiresAt));
    assert.ok(Date.parse(expiresAt) - Date.now() > 3500_000);
    assert.equal((await messaging('unsubscribe-users/userGroupsStatus', {}, ks)).status, 200);
  });

  test('v1 (as text, POST JSON) is signed sha1(secret + fields) and accepted', async () => {
    const partnerId = newPartner();
    const res = await fetch(`${server.url}/sandbox/ks?as=text`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ partnerId, userId: 'v1@example.com', type: 2, format: 'v1', privileges: 'disableentitlement' }),
    });
    assert.match(res.headers.get('content-type'), /^text\/plain/);
    const ks = await res.text();
    const decoded = Buffer.from(ks.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8');
    const [signature, fields] = [decoded.slice(0, 40), decoded.slice(41)];
    assert.equal(signature, createHash('sha1').update(sandboxAdminSecret(partnerId) + fields).digest('hex'));
    const [p1, p2, , type, , userId, privileges] = fields.split(';');
    assert.deepEqual([p1, p2, type, userId, privileges], [String(partnerId), String(partnerId), '2', 'v1@example.com', 'disableentitlement']);
    assert.equal((await scm('badge/list', {}, ks)).status, 200);
    // The standard base64 alphabet is read too.
    assert.equal((await scm('badge/list', {}, ks.replace(/-/g, '+').replace(/_/g, '/'))).status, 200);
  });

  test('missing, undecodable, tampered and expired KS are 401', async () => {
    const partnerId = newPartner();
    assert.equal((await scm('leaderboard/get', { id: 'lb_conference' })).json.code, 'MISSING_KS');
    assert.equal((await scm('leaderboard/get', { id: 'lb_conference' }, 'not*a*ks')).status, 401);
    for (const format of ['v1', 'v2']) {
      const bad = await scm('leaderboard/get', { id: 'lb_conference' }, tamper(userKs(partnerId, { format })));
      assert.equal(bad.status, 401, format);
      assert.equal(bad.json.code, 'INVALID_KS');
      const expired = await scm('leaderboard/get', { id: 'lb_conference' }, userKs(partnerId, { format, expiresIn: -10 }));
      assert.equal(expired.status, 401);
      assert.equal(expired.json.code, 'EXPIRED_KS');
    }
    // Another partner's secret does not open this partner's KS.
    const forged = mintSandboxKs({ partnerId: partnerId + 1 }).ks;
    const raw = Buffer.from(forged, 'base64url').toString('latin1').replace(`v2|${partnerId + 1}|`, `v2|${partnerId}|`);
    assert.equal((await scm('badge/list', {}, Buffer.from(raw, 'latin1').toString('base64url'))).status, 401);
  });

  test('a KS in the JSON body is the fallback for the Authorization header', async () => {
    const partnerId = newPartner();
    const res = await scm('leaderboard/get', { id: 'lb_final', ks: adminKs(partnerId) });
    assert.equal(res.status, 200);
    assert.equal(res.json.status, 'disabled');
  });

  test('/sandbox/ks needs a partnerId and counts its calls', async () => {
    const partnerId = newPartner();
    assert.equal((await call('/sandbox/ks', undefined, { method: 'GET' })).status, 400);
    await call(`/sandbox/ks?partnerId=${partnerId}`, undefined, { method: 'GET' });
    await call('/sandbox/ks', { partnerId });
    assert.equal((await state(partnerId)).tokenCalls, 2);
    // Faults reach the token endpoint only when their match names it.
    await control(partnerId, { fail: [{ status: 502 }, { status: 503, match: '/sandbox/ks' }] });
    assert.equal((await call('/sandbox/ks', { partnerId })).status, 503);
    assert.equal((await call('/sandbox/ks', { partnerId })).status, 200);
    assert.equal((await scm('badge/list', {}, userKs(partnerId))).status, 502);
  });
});

describe('Game Services', () => {
  const viewerRank = async (ks, gameObjectId = 'lb_conference') => (await scm('userScore/get', { gameObjectId, userId: VIEWER }, ks)).json.rank;

  test('write actions: 403 for a USER KS and for the read-only ADMIN KS; unknown action 404', async () => {
    const partnerId = newPartner();
    const user = await scm('leaderboard/create', { name: 'x' }, userKs(partnerId));
    assert.equal(user.status, 403);
    assert.equal(user.json.code, 'ADMIN_KS_REQUIRED');
    const admin = await scm('badge/delete', { id: 'badge_quiz' }, adminKs(partnerId));
    assert.deepEqual([admin.status, admin.json.code], [403, 'GAME_MANAGE_REQUIRED']);
    assert.equal((await scm('leaderboard/frobnicate', {}, adminKs(partnerId))).status, 404);
    assert.equal((await scm('constructor', {}, adminKs(partnerId))).status, 404, 'no inherited names');
  });

  test('leaderboard get/list as in the guide; unknown id 404; 400 without id', async () => {
    const ks = adminKs(newPartner());
    const lb = (await scm('leaderboard/get', { id: 'lb_conference' }, ks)).json;
    assert.equal(lb.name, 'Conference Engagement');
    assert.equal(lb.status, 'enabled');
    assert.deepEqual(lb.subLeaderboards, [{ id: 0, name: 'By Country', filterPaths: ['country'] }, { id: 1, name: 'By Company', filterPaths: ['company'] }]);
    for (const field of ['description', 'startDate', 'endDate', 'virtualEventIds', 'participationPolicy', 'createdAt', 'updatedAt']) assert.ok(field in lb, field);
    const scheduled = (await scm('leaderboard/get', { id: 'lb_scheduled' }, ks)).json;
    assert.equal(scheduled.status, 'scheduled');
    assert.ok(Date.parse(scheduled.startDate) > Date.now() + 6 * 86_400_000);
    assert.equal((await scm('leaderboard/get', { id: 'lb_nope' }, ks)).status, 404);
    assert.equal((await scm('leaderboard/get', {}, ks)).status, 400);
    const list = (await scm('leaderboard/list', { pager: { pageSize: 2, pageIndex: 2 } }, ks)).json;
    assert.equal(list.totalCount, 5);
    assert.deepEqual(list.objects.map((l) => l.id), ['lb_scheduled', 'lb_final']);
    assert.equal((await scm('leaderboard/list', { filter: { idIn: ['lb_empty'] } }, ks)).json.objects[0].id, 'lb_empty');
  });

  test('userScore/list pages lb_huge quickly, rows have no names', async () => {
    const ks = adminKs(newPartner());
    const first = (await scm('userScore/list', { gameObjectId: 'lb_huge', pager: { pageSize: 50, pageIndex: 1 } }, ks)).json;
    assert.equal(first.totalCount, 100_000 - 4, 'the staff are not saved');
    assert.deepEqual(Object.keys(first.objects[0]).sort(), ['rank', 'score', 'userId']);
    const started = performance.now();
    const last = (await scm('userScore/list', { gameObjectId: 'lb_huge', pager: { pageSize: 50, pageIndex: 2000 } }, ks)).json;
    assert.ok(performance.now() - started < 250, 'a deep page is quick');
    assert.deepEqual(last.objects.map((r) => r.rank), Array.from({ length: 46 }, (_, i) => 99_951 + i));
    for (let i = 1; i < last.objects.length; i++) assert.ok(last.objects[i - 1].score >= last.objects[i].score);
    assert.deepEqual((await scm('userScore/list', { gameObjectId: 'lb_huge', pager: { pageSize: 50, pageIndex: 2001 } }, ks)).json.objects, []);
    assert.equal((await scm('userScore/list', { gameObjectId: 'lb_huge', pager: { pageSize: 0 } }, ks)).status, 400);
    assert.equal((await scm('userScore/list', { gameObjectId: 'lb_empty' }, ks)).json.totalCount, 0);
  });

  test('the viewer is at rank 57, 1234 and 12; zeroBasedRanks shifts ranks', async () => {
    const partnerId = newPartner();
    const ks = adminKs(partnerId);
    const own = (await scm('userScore/get', { gameObjectId: 'lb_conference', userId: VIEWER }, ks)).json;
    assert.equal(own.userId, VIEWER);
    assert.equal(own.rank, 57);
    assert.equal(await viewerRank(ks, 'lb_huge'), 1234);
    assert.equal(await viewerRank(ks, 'lb_final'), 12);
    const page = (await scm('userScore/list', { gameObjectId: 'lb_conference', pager: { pageSize: 10, pageIndex: 6 } }, ks)).json;
    assert.deepEqual(page.objects.find((r) => r.userId === VIEWER), own);
    await control(partnerId, { zeroBasedRanks: true });
    assert.equal(await viewerRank(ks), 56);
    assert.equal((await scm('userScore/list', { gameObjectId: 'lb_conference', pager: { pageSize: 1 } }, ks)).json.objects[0].rank, 0);
  });

  test('userScore/get needs userId (400); a user without a score is 404 USER_SCORE_NOT_FOUND', async () => {
    const ks = adminKs(newPartner());
    const missing = await scm('userScore/get', { gameObjectId: 'lb_conference' }, ks);
    assert.deepEqual([missing.status, missing.json.code], [400, 'MISSING_FIELD']);
    const res = await scm('userScore/get', { gameObjectId: 'lb_conference', userId: 'nobody@example.com' }, ks);
    assert.equal(res.status, 404);
    assert.equal(res.json.code, 'USER_SCORE_NOT_FOUND');
    assert.equal((await scm('userScore/get', { gameObjectId: 'lb_empty', userId: VIEWER }, ks)).status, 404);
  });

  test('sub-leaderboard rows rank segments by the sum of the ranked members', async () => {
    const ks = adminKs(newPartner());
    const rows = (await scm('userScore/list', { gameObjectId: 'lb_conference', subLeaderboardId: 0, pager: { pageSize: 50 } }, ks)).json;
    assert.equal(rows.totalCount, 12);
    assert.deepEqual(rows.objects.map((r) => r.rank), Array.from({ length: 12 }, (_, i) => i + 1));
    assert.ok(rows.objects.some((r) => r.userId === 'France'));
    // Every ranked row (hidden speakers included, staff not) counts towards the segments.
    let total = 0;
    for (let page = 1; page <= 10; page++) {
      const { objects } = (await scm('userScore/list', { gameObjectId: 'lb_conference', pager: { pageSize: 500, pageIndex: page } }, ks)).json;
      total += objects.reduce((sum, r) => sum + r.score, 0);
    }
    assert.equal(rows.objects.reduce((sum, r) => sum + r.score, 0), total);
    assert.equal((await scm('userScore/list', { gameObjectId: 'lb_conference', subLeaderboardId: '1' }, ks)).json.totalCount, 8);
    assert.equal((await scm('userScore/list', { gameObjectId: 'lb_conference', subLeaderboardId: 7 }, ks)).status, 404);
  });

  test('badges: list, get, icons at absolute URLs on the origin asked', async () => {
    const ks = adminKs(newPartner());
    const all = (await scm('badge/list', { pager: { pageSize: 100 } }, ks)).json;
    assert.equal(all.totalCount, 6);
    for (const b of all.objects) {
      assert.ok(b.rules.length >= 1 && b.rules.length <= 3);
      assert.equal(typeof b.rules[0].goal, 'string');
      assert.deepEqual(b.participationPolicy, SEEDED_POLICY);
      // Absolute: a page on any other origin (a CMS, the host's proxy in between) can load it.
      assert.ok(b.iconUrl.startsWith(`${server.url}/sandbox/assets/badges/`), b.iconUrl);
      const icon = await fetch(b.iconUrl);
      assert.equal(icon.status, 200);
      assert.match(icon.headers.get('content-type'), /^image\/svg\+xml/);
      assert.match(await icon.text(), /^<svg/);
    }
    assert.deepEqual((await scm('badge/list', { filter: { idIn: ['badge_quiz'] } }, ks)).json.objects.map((b) => b.id), ['badge_quiz']);
    assert.equal((await scm('badge/get', { id: 'badge_attendee' }, ks)).json.name, 'Session Attendee');
    assert.equal((await scm('badge/get', { id: 'badge_nope' }, ks)).status, 404);
  });

  test("userBadge/list: every user's rows of one badge, paged; gameObjectId is required", async () => {
    const ks = adminKs(newPartner());
    const first = (await scm('userBadge/list', { gameObjectId: 'badge_attendee', pager: { pageSize: 5 } }, ks)).json;
    assert.ok(first.totalCount > 1000, 'every user with progress');
    assert.equal(first.objects.length, 5);
    const [viewer] = first.objects;
    assert.deepEqual([viewer.userId, viewer.gameObjectId, viewer.status], [VIEWER, 'badge_attendee', 'ACHIEVED']);
    assert.ok(viewer.achievedTimestamp);
    const second = (await scm('userBadge/list', { gameObjectId: 'badge_attendee', pager: { pageSize: 5, pageIndex: 2 } }, ks)).json;
    assert.ok(second.objects.every((r) => !first.objects.some((f) => f.userId === r.userId)));
    const pollster = (await scm('userBadge/list', { gameObjectId: 'badge_pollster', pager: { pageSize: 1 } }, ks)).json.objects[0];
    assert.ok(pollster.rulesData[0].progress > 1, 'progress above the goal');
    const quiz = (await scm('userBadge/list', { gameObjectId: 'badge_quiz', pager: { pageSize: 500 } }, ks)).json.objects;
    assert.ok(!quiz.some((r) => r.userId === VIEWER), 'no progress, no row');
    assert.equal((await scm('userBadge/list', {}, ks)).status, 400);
    assert.equal((await scm('userBadge/list', { gameObjectId: 'badge_nope' }, ks)).status, 404);
  });

  test('control/progress completes a badge with an achievedTimestamp', async () => {
    const partnerId = newPartner();
    const ks = adminKs(partnerId);
    const progress = (ruleId, value) => control(partnerId, { userId: VIEWER, badgeId: 'badge_marathon', ruleId, progress: value }, '/progress');
    const half = await progress('rule_marathon_minutes', 59);
    assert.equal(half.status, 'IN_PROGRESS');
    await progress('rule_marathon_minutes', 60);
    const row = (await scm('userScore/ruleProgress', { gameObjectId: 'badge_marathon', userId: VIEWER }, ks)).json;
    assert.equal(row.status, 'ACHIEVED');
    assert.ok(Math.abs(Date.parse(row.achievedTimestamp) - Date.now()) < 60_000);
    assert.deepEqual(row.rulesData.map((r) => r.completed), [true, true]);
    const [listed] = (await scm('userBadge/list', { gameObjectId: 'badge_marathon', pager: { pageSize: 1 } }, ks)).json.objects;
    assert.deepEqual([listed.userId, listed.status], [VIEWER, 'ACHIEVED']);
    // A user without any seeded row gets one.
    const fresh = await control(partnerId, { userId: 'new@example.com', badgeId: 'badge_quiz', ruleId: 'rule_quiz_passed', progress: 1 }, '/progress');
    assert.deepEqual(fresh.rulesData, [{ id: 'rule_quiz_passed', progress: 1, completed: false }]);
  });

  test('certificates as guide §8.1 has them: HTML descriptions, eligibility, threshold, host, credits mapping', async () => {
    const ks = adminKs(newPartner());
    const list = (await scm('certificate/list', {}, ks)).json;
    assert.deepEqual(list.objects.map((c) => [c.id, c.certificateEligibility, c.certifiedCreditsThreshold]), [
      ['cert_attendance', 'once', 3], ['cert_cpe', 'perEntry', 1], ['cert_course', 'once', 3],
    ]);
    const cpe = (await scm('certificate/get', { id: 'cert_cpe' }, ks)).json;
    for (const field of ['name', 'description', 'status', 'externalId', 'host', 'creditsMapping', 'outputFileConfiguration', 'participationPolicy']) {
      assert.ok(field in cpe, field);
    }
    assert.match(cpe.description, /<strong>1 credit<\/strong>/, 'HTML, as §8.1 allows');
    assert.equal(cpe.creditsMapping, 'credits,rule_cpe_watch\n1.0,1\n1.5,2\n2.0,3', '§8.3: newline-delimited');
    assert.deepEqual(cpe.outputFileConfiguration.outputFileElements.slice(1).map((e) => e.textElementType), ['userFullName', 'entryName', 'credits', 'certificationDate']);
    assert.equal((await scm('certificate/get', { id: 'cert_nope' }, ks)).json.code, 'CERTIFICATE_NOT_FOUND');
  });

  test("userCertificateReport/list: every user's rows of one certificate, paged; perEntry rows name their entry", async () => {
    const ks = adminKs(newPartner());
    const rows = (await scm('userCertificateReport/list', { gameObjectId: 'cert_attendance', pager: { pageSize: 100 } }, ks)).json;
    assert.ok(rows.totalCount > 200 && rows.totalCount < 400, `${rows.totalCount} rows: several pages`);
    assert.equal(rows.objects.length, 100);
    assert.deepEqual(rows.objects.slice(0, 2).map((r) => [r.userId, r.status, r.credits]), [[VIEWER, 'CERTIFIED', 3.5], [rows.objects[1].userId, 'IN_PROGRESS', 1]]);
    assert.ok(rows.objects.every((r) => r.gameObjectId === 'cert_attendance' && (r.status === 'CERTIFIED') === (r.credits >= 3)));
    assert.ok(rows.objects.every((r) => (r.status === 'CERTIFIED') === (typeof r.certificationDate === 'string')));
    const cpe = (await scm('userCertificateReport/list', { gameObjectId: 'cert_cpe' }, ks)).json.objects;
    assert.deepEqual(cpe.filter((r) => r.userId === VIEWER).map((r) => [r.entryId, r.entryName, r.credits, r.status]), [
      ['1_cpekeynote', 'Opening Keynote: Video Everywhere', 1.5, 'CERTIFIED'],
      ['1_cpeaudit', 'Audit Automation in Practice', 0.5, 'IN_PROGRESS'],
    ]);
    assert.equal((await scm('userCertificateReport/list', {}, ks)).status, 400);
    assert.equal((await scm('userCertificateReport/list', { gameObjectId: 'cert_nope' }, ks)).status, 404);
  });

  test('control/progress sets certificate credits: certified at the threshold, dated once; perEntry needs an entry', async () => {
    const partnerId = newPartner();
    const ks = adminKs(partnerId);
    const course = (body) => control(partnerId, { userId: VIEWER, certificateId: 'cert_course', ...body }, '/progress');
    assert.deepEqual(await course({ credits: 2.5 }), { userId: VIEWER, gameObjectId: 'cert_course', credits: 2.5, status: 'IN_PROGRESS' });
    const certified = await course({ credits: 3 });
    assert.equal(certified.status, 'CERTIFIED');
    assert.ok(Date.now() - Date.parse(certified.certificationDate) < 60_000);
    assert.equal((await course({ credits: 4 })).certificationDate, certified.certificationDate, 'the first date stays');
    const report = (await scm('userCertificateReport/list', { gameObjectId: 'cert_course' }, ks)).json.objects;
    assert.deepEqual(report.filter((r) => r.userId === VIEWER).map((r) => [r.credits, r.status]), [[4, 'CERTIFIED']]);
    assert.equal((await scm('userScore/ruleProgress', { gameObjectId: 'cert_course', userId: VIEWER }, ks)).json.rulesData[0].points, 4);

    const entry = await control(partnerId, { userId: 'new@example.com', certificateId: 'cert_cpe', entryId: '1_new', entryName: 'A new session', credits: 1 }, '/progress');
    assert.deepEqual([entry.entryId, entry.entryName, entry.status], ['1_new', 'A new session', 'CERTIFIED']);
    const refused = async (body) => (await call('/sandbox/control/progress', { partnerId, userId: VIEWER, ...body })).status;
    assert.equal(await refused({ certificateId: 'cert_cpe', credits: 1 }), 400, 'perEntry: entryId required');
    assert.equal(await refused({ certificateId: 'cert_course', entryId: '1_x', credits: 1 }), 400, 'once: no entry');
    assert.equal(await refused({ certificateId: 'cert_course', credits: -1 }), 400);
    assert.equal(await refused({ certificateId: 'cert_nope', credits: 1 }), 404);
    // Another partner's world is untouched.
    const other = (await scm('userCertificateReport/list', { gameObjectId: 'cert_course' }, adminKs(newPartner()))).json.objects;
    assert.deepEqual(other.filter((r) => r.userId === VIEWER).map((r) => r.credits), [2]);
  });

  test('a tick moves the viewer up a few ranks, with oldRank', async () => {
    const partnerId = newPartner();
    const ks = adminKs(partnerId);
    const before = await viewerRank(ks);
    assert.equal((await control(partnerId, {}, '/tick')).ticks, 1);
    const after = (await scm('userScore/get', { gameObjectId: 'lb_conference', userId: VIEWER }, ks)).json;
    assert.ok(after.rank < before && after.rank >= before - 4, `${before} → ${after.rank}`);
    assert.equal(after.oldRank, before);
    assert.equal(await viewerRank(adminKs(newPartner())), before, 'other partners do not move');
    await control(partnerId, { steps: 4 }, '/tick');
    assert.ok((await viewerRank(ks)) < after.rank);
    assert.ok((await viewerRank(ks, 'lb_huge')) < 1234);
  });
});

describe('strict by default, lenient by switch', () => {
  test('a USER KS is refused (403 ADMIN_KS_REQUIRED); lenientGameUserKs accepts it for reads only', async () => {
    const partnerId = newPartner();
    const ks = userKs(partnerId);
    for (const [action, body] of [['leaderboard/get', { id: 'lb_conference' }], ['userScore/list', { gameObjectId: 'lb_conference' }], ['badge/list', {}]]) {
      const res = await scm(action, body, ks);
      assert.deepEqual([res.status, res.json.code], [403, 'ADMIN_KS_REQUIRED'], action);
    }
    await control(partnerId, { lenientGameUserKs: true });
    assert.equal((await scm('leaderboard/get', { id: 'lb_conference' }, ks)).status, 200);
    assert.equal((await scm('leaderboard/create', { name: 'x' }, ks)).json.code, 'ADMIN_KS_REQUIRED', 'writes still need an ADMIN KS');
    // Per-user reads are about the KS's own user, whatever the body asks.
    const own = (await scm('userScore/get', { gameObjectId: 'lb_conference', userId: 'someone-else' }, ks)).json;
    assert.deepEqual([own.userId, own.rank], [VIEWER, 57]);
    assert.equal((await scm('userScore/ruleProgress', { gameObjectId: 'badge_marathon' }, ks)).json.userId, VIEWER);
    assert.equal((await scm('leaderboard/get', { id: 'lb_conference' }, userKs(newPartner()))).status, 403, 'other partners stay strict');
  });

  test('control refuses the old gameUserKs switch', async () => {
    const res = await call('/sandbox/control', { partnerId: newPartner(), gameUserKs: 'allow' });
    assert.deepEqual([res.status, res.json.code], [400, 'UNKNOWN_SWITCH']);
  });

  test('undocumented request fields are ignored by default and honoured with lenientFilters', async () => {
    const partnerId = newPartner();
    const ks = adminKs(partnerId);
    const ownBadges = { gameObjectId: 'badge_attendee', filter: { userIdEqual: 'user-3' }, userId: 'user-3', pager: { pageSize: 3 } };
    const strict = (await scm('userBadge/list', ownBadges, ks)).json;
    assert.ok(strict.totalCount > 1000);
    assert.equal(strict.objects[0].userId, VIEWER, "other users' rows first");
    assert.equal((await scm('badge/list', { filter: { virtualEventIdIn: ['999'] } }, ks)).json.totalCount, 6);
    assert.equal((await scm('leaderboard/list', { filter: { virtualEventIdIn: ['999'] } }, ks)).json.totalCount, 5);
    assert.equal((await scm('userBadge/list', { filter: { gameObjectIdIn: ['badge_quiz'] } }, ks)).status, 400, 'gameObjectId is still required');
    assert.equal((await scm('userCertificateReport/list', { gameObjectId: 'cert_cpe', userId: VIEWER }, ks)).json.totalCount, 3);

    await control(partnerId, { lenientFilters: true });
    const filtered = (await scm('userBadge/list', ownBadges, ks)).json;
    assert.ok(filtered.totalCount <= 1 && filtered.objects.every((r) => r.userId === 'user-3'));
    assert.equal((await scm('badge/list', { filter: { virtualEventIdIn: ['999'] } }, ks)).json.totalCount, 0);
    assert.equal((await scm('leaderboard/list', { filter: { virtualEventIdIn: ['999'] } }, ks)).json.totalCount, 0);
    const viewerRows = (await scm('userBadge/list', { filter: { userIdEqual: VIEWER, gameObjectIdIn: ['badge_attendee', 'badge_quiz', 'badge_marathon'] } }, ks)).json;
    assert.deepEqual(viewerRows.objects.map((r) => r.gameObjectId), ['badge_attendee', 'badge_marathon'], 'no progress, no row');
    assert.deepEqual((await scm('userCertificateReport/list', { gameObjectId: 'cert_cpe', userId: VIEWER }, ks)).json.objects.map((r) => r.userId), [VIEWER, VIEWER]);
  });

  test('both lenient switches: what the kit used to send still reads its own rows', async () => {
    const partnerId = newPartner();
    const ks = userKs(partnerId);
    await control(partnerId, { lenientGameUserKs: true, lenientFilters: true });
    const rows = (await scm('userBadge/list', { filter: { userIdEqual: 'someone-else' }, pager: { pageSize: 100 } }, ks)).json.objects;
    assert.ok(rows.every((r) => r.userId === VIEWER));
    const byBadge = Object.fromEntries(rows.map((r) => [r.gameObjectId, r]));
    assert.equal(byBadge.badge_marathon.status, 'IN_PROGRESS');
    assert.equal(byBadge.badge_marathon.achievedTimestamp, undefined);
    assert.equal(byBadge.badge_quiz, undefined);
    assert.equal((await scm('userScore/get', { gameObjectId: 'lb_conference' }, ks)).json.rank, 57);
    const certs = (await scm('userCertificateReport/list', { filter: { userIdEqual: 'someone-else' } }, ks)).json.objects;
    assert.deepEqual(certs.map((r) => [r.userId, r.gameObjectId]), [[VIEWER, 'cert_attendance'], [VIEWER, 'cert_cpe'], [VIEWER, 'cert_cpe'], [VIEWER, 'cert_course']]);
  });
});

describe('rules and rule progress', () => {
  const progress = (ks, gameObjectId, userId) => scm('userScore/ruleProgress', { gameObjectId, userId }, ks);

  test('ruleProgress of a badge: per-rule progress, status, achievedTimestamp only when achieved', async () => {
    const ks = adminKs(newPartner());
    const marathon = (await progress(ks, 'badge_marathon', VIEWER)).json;
    assert.deepEqual(marathon, {
      userId: VIEWER, gameObjectId: 'badge_marathon', gameObjectType: 'badge', status: 'IN_PROGRESS',
      rulesData: [
        { id: 'rule_marathon_minutes', name: 'Watch 60 minutes', goal: 60, progress: 42, completed: false, points: 0 },
        { id: 'rule_marathon_sessions', name: 'Watch 5 different sessions', goal: 5, progress: 5, completed: true, points: 0 },
      ],
    });
    const attendee = (await progress(ks, 'badge_attendee', VIEWER)).json;
    assert.deepEqual([attendee.status, attendee.achievedTimestamp], ['ACHIEVED', '2025-06-15T10:30:00Z']);
  });

  test('ruleProgress of a leaderboard: the points of its rules add up to the score', async () => {
    const ks = adminKs(newPartner());
    const { score } = (await scm('userScore/get', { gameObjectId: 'lb_conference', userId: VIEWER }, ks)).json;
    const lb = (await progress(ks, 'lb_conference', VIEWER)).json;
    assert.deepEqual([lb.gameObjectType, lb.status], ['leaderboard', undefined]);
    assert.deepEqual(lb.rulesData.map((r) => [r.id, r.name, r.goal]), [
      ['rule_conference_watch', 'Watch sessions', 60], ['rule_conference_polls', 'Answer polls', 1], ['rule_conference_chat', 'Chat messages', 1],
    ]);
    assert.equal(lb.rulesData.reduce((sum, r) => sum + r.points, 0), score);
    assert.ok(lb.rulesData[2].points <= 50, 'Chat messages: maxPoints 50');
    for (const r of lb.rulesData) assert.equal(r.completed, r.progress >= r.goal);
  });

  test('ruleProgress of a certificate: its rule earned the credits (over every entry, for perEntry)', async () => {
    const ks = adminKs(newPartner());
    const cert = (await progress(ks, 'cert_attendance', VIEWER)).json;
    assert.deepEqual(cert, {
      userId: VIEWER, gameObjectId: 'cert_attendance', gameObjectType: 'certificate',
      rulesData: [{ id: 'rule_attendance_watch', name: 'Watch session', goal: 60, progress: 210, completed: true, points: 3.5 }],
    });
    assert.equal((await progress(ks, 'cert_cpe', VIEWER)).json.rulesData[0].points, 2);
  });

  test('ruleProgress: no progress is every rule at 0; unknown object 404; userId required', async () => {
    const ks = adminKs(newPartner());
    const quiz = await progress(ks, 'badge_quiz', VIEWER);
    assert.equal(quiz.status, 200);
    assert.deepEqual([quiz.json.status, quiz.json.rulesData], ['IN_PROGRESS', [{ id: 'rule_quiz_passed', name: 'Pass 2 quizzes', goal: 2, progress: 0, completed: false, points: 0 }]]);
    const nobody = (await progress(ks, 'lb_conference', 'nobody@example.com')).json;
    assert.deepEqual(nobody.rulesData.map((r) => [r.progress, r.points, r.completed]), [[0, 0, false], [0, 0, false], [0, 0, false]]);
    assert.deepEqual((await progress(ks, 'cert_cpe', 'nobody@example.com')).json.rulesData.map((r) => r.points), [0]);
    assert.deepEqual((await progress(ks, 'lb_final', VIEWER)).json.rulesData, [], 'a board without rules');
    const unknown = await progress(ks, 'lb_nope', VIEWER);
    assert.deepEqual([unknown.status, unknown.json.code], [404, 'GAME_OBJECT_NOT_FOUND']);
    assert.equal((await scm('userScore/ruleProgress', { gameObjectId: 'badge_quiz' }, ks)).status, 400);
  });

  test('rule/list: the rules of one game object; badge rules are its inline rules', async () => {
    const ks = adminKs(newPartner());
    const board = (await scm('rule/list', { gameObjectType: 'leaderboard', gameObjectId: 'lb_huge' }, ks)).json;
    assert.deepEqual(board.objects.map((r) => r.name), ['Watch sessions', 'Answer polls', 'Chat messages']);
    assert.equal(board.totalCount, 3);
    const [watch] = board.objects;
    assert.deepEqual(
      [watch.gameObjectType, watch.gameObjectId, watch.type, watch.mode, watch.metric, watch.groupBy, watch.goal, watch.points, watch.maxPoints],
      ['leaderboard', 'lb_huge', 'sum', 'distribute_points', 'playTime', 'kuserId,entryId', '60', '10', '100'],
    );
    const badge = (await scm('rule/list', { gameObjectType: 'badge', gameObjectId: 'badge_networker' }, ks)).json.objects;
    const inline = (await scm('badge/get', { id: 'badge_networker' }, ks)).json.rules;
    assert.deepEqual(badge.map((r) => r.id), inline.map((r) => r.id));
    assert.ok(badge.every((r) => r.gameObjectType === 'badge' && r.gameObjectId === 'badge_networker'));
    assert.deepEqual((await scm('rule/list', { gameObjectType: 'certificate' }, ks)).json.objects.map((r) => r.gameObjectId), ['cert_attendance', 'cert_cpe', 'cert_course']);
    assert.equal((await scm('rule/list', { gameObjectId: 'lb_empty' }, ks)).json.totalCount, 0);
    assert.equal((await scm('rule/list', { gameObjectId: 'lb_nope' }, ks)).status, 404);
  });
});

describe('participation policies', () => {
  const [speakerA, speakerB] = SEEDED_PEOPLE.hiddenSpeakers;
  const page = async (ks, gameObjectId, pageSize = 30) => (await scm('userScore/list', { gameObjectId, pager: { pageSize } }, ks)).json;

  test('seeded policies: staff not saved, speakers hidden; the empty boards show everyone', async () => {
    const ks = adminKs(newPartner());
    for (const id of ['lb_conference', 'lb_huge', 'lb_final']) assert.deepEqual((await scm('leaderboard/get', { id }, ks)).json.participationPolicy, SEEDED_POLICY, id);
    for (const id of ['lb_empty', 'lb_scheduled']) assert.deepEqual((await scm('leaderboard/get', { id }, ks)).json.participationPolicy, { userDefaultPolicy: 'display', policies: [] });
    assert.equal(SEEDED_PEOPLE.viewer, VIEWER);
    assert.ok([...SEEDED_PEOPLE.hiddenSpeakers, ...SEEDED_PEOPLE.staff, SEEDED_PEOPLE.speakerStaff].every((id) => !/speaker/i.test(id)));
  });

  test('an admin sees the hidden speakers with their ranks; staff and the speaker-staff are absent', async () => {
    const ks = adminKs(newPartner());
    const conference = await page(ks, 'lb_conference', 60);
    assert.equal(conference.totalCount, 5000 - 4);
    const rankOf = (rows, id) => rows.objects.find((r) => r.userId === id)?.rank;
    assert.deepEqual([rankOf(conference, speakerA), rankOf(conference, speakerB), rankOf(conference, VIEWER)], [1, 4, 57]);
    assert.deepEqual(conference.objects.map((r) => r.rank), Array.from({ length: 60 }, (_, i) => i + 1), 'no gaps for an admin');
    for (const id of [...SEEDED_PEOPLE.staff, SEEDED_PEOPLE.speakerStaff]) {
      assert.equal(rankOf(conference, id), undefined, id);
      const get = await scm('userScore/get', { gameObjectId: 'lb_conference', userId: id }, ks);
      assert.deepEqual([get.status, get.json.code], [404, 'USER_SCORE_NOT_FOUND'], id);
    }
    const huge = await page(ks, 'lb_huge', 10);
    assert.ok(rankOf(huge, speakerA) <= 10 && rankOf(huge, speakerB) <= 10);
    assert.equal((await page(ks, 'lb_final')).totalCount, 200 - 4);
  });

  test("a lenient USER KS does not see other users' hidden rows, only its own", async () => {
    const partnerId = newPartner();
    await control(partnerId, { lenientGameUserKs: true });
    const viewer = await page(userKs(partnerId), 'lb_conference', 10);
    assert.equal(viewer.totalCount, 5000 - 4, 'totalCount stays the admin view');
    assert.ok(!viewer.objects.some((r) => SEEDED_PEOPLE.hiddenSpeakers.includes(r.userId)));
    assert.deepEqual(viewer.objects.map((r) => r.rank), [2, 3, 5, 6, 7, 8, 9, 10], 'ranks keep their gaps');
    const speaker = await page(userKs(partnerId, { userId: speakerA }), 'lb_conference', 10);
    assert.deepEqual(speaker.objects.filter((r) => SEEDED_PEOPLE.hiddenSpeakers.includes(r.userId)).map((r) => [r.userId, r.rank]), [[speakerA, 1]]);
    const badgeRows = (await scm('userBadge/list', { gameObjectId: 'badge_attendee', pager: { pageSize: 500 } }, userKs(partnerId))).json.objects;
    assert.ok(!badgeRows.some((r) => SEEDED_PEOPLE.hiddenSpeakers.includes(r.userId)));
  });

  test('badge rows: speakers have some, staff none; control/progress refuses a do_not_save user', async () => {
    const partnerId = newPartner();
    const ks = adminKs(partnerId);
    const rows = [];
    for (const b of ['badge_attendee', 'badge_pollster', 'badge_marathon', 'badge_networker', 'badge_quiz', 'badge_sponsor']) {
      rows.push(...(await scm('userBadge/list', { gameObjectId: b, pager: { pageSize: 500 } }, ks)).json.objects);
    }
    assert.ok(rows.some((r) => SEEDED_PEOPLE.hiddenSpeakers.includes(r.userId)));
    assert.ok(!rows.some((r) => [...SEEDED_PEOPLE.staff, SEEDED_PEOPLE.speakerStaff].includes(r.userId)));
    const staff = SEEDED_PEOPLE.staff[0];
    const refused = await call('/sandbox/control/progress', { partnerId, userId: staff, badgeId: 'badge_quiz', ruleId: 'rule_quiz_passed', progress: 2 });
    assert.deepEqual([refused.status, refused.json.code], [409, 'DO_NOT_SAVE']);
    const zero = (await scm('userScore/ruleProgress', { gameObjectId: 'badge_quiz', userId: staff }, ks)).json;
    assert.deepEqual([zero.status, zero.rulesData[0].progress], ['IN_PROGRESS', 0], 'no data, even where a row was seeded');
    assert.deepEqual((await scm('userScore/ruleProgress', { gameObjectId: 'lb_conference', userId: staff }, ks)).json.rulesData.map((r) => r.points), [0, 0, 0]);
  });

  test('live ticks never move do_not_save users', async () => {
    const partnerId = newPartner();
    const ks = adminKs(partnerId);
    await control(partnerId, { steps: 200 }, '/tick');
    assert.equal((await page(ks, 'lb_conference', 1)).totalCount, 5000 - 4);
    for (const id of SEEDED_PEOPLE.staff) assert.equal((await scm('userScore/get', { gameObjectId: 'lb_conference', userId: id }, ks)).status, 404);
  });
});

describe('Events Platform', () => {
  const events = (action, body, ks, options) => call(`/sandbox/events-api/api/v1/${action}`, body, { ks, ...options });
  const adminWithUser = (partnerId) => adminKs(partnerId);
  /** The wall-clock date of an instant in a time zone, e.g. 2025-06-15. */
  const localDate = (iso, timeZone) => new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date(iso));

  test('needs an ADMIN KS with a userId, in the Authorization header; writes are refused', async () => {
    const partnerId = newPartner();
    const missing = await events('events/list', {});
    assert.deepEqual([missing.status, missing.json.code], [401, 'MISSING_KS']);
    const inBody = await events('events/list', { ks: adminWithUser(partnerId) });
    assert.equal(inBody.status, 401, 'guide 001 §3: the KS goes in the Authorization header');
    const noUser = await events('events/list', {}, adminKs(partnerId, { userId: '' }));
    assert.deepEqual([noUser.status, noUser.json.code], [401, 'KS_USER_ID_REQUIRED']);
    const user = await events('events/list', {}, userKs(partnerId));
    assert.deepEqual([user.status, user.json.code], [403, 'ADMIN_KS_REQUIRED']);
    const expired = await events('events/list', {}, adminKs(partnerId, { expiresIn: -10 }));
    assert.equal(expired.status, 401);
    const write = await events('events/create', { name: 'x' }, adminWithUser(partnerId));
    assert.deepEqual([write.status, write.json.code], [403, 'READ_ONLY']);
    assert.equal((await events('teamMembers/list', {}, adminWithUser(partnerId))).status, 404);
    assert.equal((await events('events/list', {}, adminWithUser(partnerId), { method: 'GET' })).status, 405);
  });

  test('events/list: limit at most 15, offset paging, idIn, searchTerm, labels, orderBy; drafts are listed for an admin', async () => {
    const ks = adminWithUser(newPartner());
    const first = (await events('events/list', {}, ks)).json;
    assert.equal(first.totalCount, 16);
    assert.equal(first.events.length, 15, 'the default limit is the maximum, 15');
    const rest = (await events('events/list', { pager: { offset: 15, limit: 15 } }, ks)).json;
    assert.deepEqual(rest.events.map((e) => e.id), [7016]);
    for (const limit of [16, 0, -1, 2.5, '5']) {
      const refused = await events('events/list', { pager: { limit } }, ks);
      assert.deepEqual([refused.status, refused.json.code], [400, 'INVALID_PAGER'], String(limit));
    }
    const byId = (await events('events/list', { filter: { idIn: [7003, 7002, 99999] } }, ks)).json;
    assert.deepEqual(byId.events.map((e) => [e.id, e.status]), [[7002, 'draft'], [7003, 'cancelled']]);
    assert.equal((await events('events/list', { filter: { idIn: ['7001'] } }, ks)).status, 400, 'guide §11: event ids are integers');
    const search = (await events('events/list', { filter: { searchTerm: 'CONNECT' } }, ks)).json;
    assert.deepEqual(search.events.map((e) => e.id), [7001, 7002, 7003]);
    const labelled = (await events('events/list', { filter: { labels: ['roadshow', 'webinar'] } }, ks)).json;
    assert.deepEqual(labelled.events.map((e) => e.id), [7003, 7004]);
    const newest = (await events('events/list', { orderBy: '-startDate', pager: { limit: 1 } }, ks)).json.events[0];
    assert.equal(newest.id, 7002, 'the draft is a year away');
    const byName = (await events('events/list', { orderBy: '+name', pager: { limit: 2 } }, ks)).json.events.map((e) => e.name);
    assert.deepEqual(byName, ['Connect Roadshow: Paris', 'Kaltura Connect']);
    for (const body of [{ orderBy: 'startDate' }, { filter: 'connect' }, { filter: { labels: 'connect' } }, { filter: { searchTerm: 7 } }]) {
      assert.equal((await events('events/list', body, ks)).status, 400, JSON.stringify(body));
    }
    const statuses = new Set([...first.events, ...rest.events].map((e) => e.status));
    assert.deepEqual([...statuses].sort(), ['cancelled', 'draft', 'ended', 'live', 'scheduled'], 'every status of guide §9');
  });

  test('the demo event: live, in New York time, two days, a session live now and another starting within 20 minutes', async () => {
    const ks = adminWithUser(newPartner());
    const [connect] = (await events('events/list', { filter: { idIn: [7001] } }, ks)).json.events;
    assert.deepEqual([connect.name, connect.status, connect.timezone, connect.templateId], ['Kaltura Connect', 'live', 'America/New_York', 'tm4000']);
    for (const field of ['startDate', 'endDate', 'doorsOpenDate', 'createdAt', 'updatedAt']) assert.ok(!Number.isNaN(Date.parse(connect[field])), field);
    const { sessions } = (await events('sessions/list', { eventId: 7001 }, ks)).json;
    const again = (await events('sessions/list', { eventId: 7001 }, ks)).json.sessions;
    assert.deepEqual(again, sessions, 'the schedule holds between calls');
    for (const session of sessions) {
      assert.deepEqual(Object.keys(session).filter((k) => k !== 'sourceEntryId').sort(), ['description', 'endDate', 'id', 'name', 'startDate', 'type', 'visibility']);
      assert.ok(['MeetingEntry', 'LiveWebcast', 'SimuLive', 'LiveKME', 'VirtualLearningRoom'].includes(session.type), session.type);
    }
    assert.deepEqual([...new Set(sessions.map((s) => s.type))].sort(), ['LiveKME', 'LiveWebcast', 'MeetingEntry', 'SimuLive', 'VirtualLearningRoom']);
    assert.deepEqual([...new Set(sessions.map((s) => s.visibility))].sort(), ['private', 'published', 'unlisted']);
    const published = sessions.filter((s) => s.visibility === 'published');
    const now = Date.now();
    assert.ok(published.some((s) => Date.parse(s.startDate) <= now && now < Date.parse(s.endDate)), 'live now');
    assert.ok(published.some((s) => Date.parse(s.startDate) > now && Date.parse(s.startDate) - now <= 20 * 60_000), 'starting soon');
    const days = new Set(published.map((s) => localDate(s.startDate, 'America/New_York')));
    assert.ok(days.size >= 2, `event-local days: ${[...days]}`);
    assert.equal(connect.startDate, sessions[0].startDate);
    assert.equal(Date.parse(connect.endDate), Math.max(...sessions.map((s) => Date.parse(s.endDate))));
  });

  test('sessions/list: every session of one event by start, drafts included for an admin; eventId required', async () => {
    const ks = adminWithUser(newPartner());
    assert.deepEqual((await events('sessions/list', { eventId: 7002 }, ks)).json.sessions.map((s) => s.id), [8201]);
    assert.deepEqual((await events('sessions/list', { eventId: 7003 }, ks)).json.sessions.map((s) => s.name), ['Roadshow Keynote', 'Partner Roundtable']);
    const missing = await events('sessions/list', {}, ks);
    assert.deepEqual([missing.status, missing.json.code], [400, 'MISSING_FIELD']);
    assert.equal((await events('sessions/list', { eventId: '7001' }, ks)).status, 400);
    const unknown = await events('sessions/list', { eventId: 99999 }, ks);
    assert.deepEqual([unknown.status, unknown.json.code], [404, 'EVENT_NOT_FOUND']);
  });

  test('hosts in nvp1, irp2 and frp2 (guide 001 §4); faults and the call log as for every service', async () => {
    const partnerId = newPartner();
    const ks = adminWithUser(partnerId);
    for (const region of ['nvp1', 'irp2', 'frp2']) {
      assert.equal((await call(`/sandbox/${region}/events-api/api/v1/events/list`, {}, { ks })).status, 200, region);
    }
    assert.equal((await call('/sandbox/sgp2/events-api/api/v1/events/list', {}, { ks })).json.code, 'UNKNOWN_HOST');
    await control(partnerId, { fail: { status: 503, match: 'sessions/list', retryAfter: 2 } });
    const failed = await events('sessions/list', { eventId: 7001 }, ks);
    assert.deepEqual([failed.status, failed.headers.get('retry-after')], [503, '2']);
    const calls = (await state(partnerId)).calls.map((c) => [c.path, c.status, c.userId]);
    assert.deepEqual(calls.at(-1), ['/sandbox/events-api/api/v1/sessions/list', 503, undefined]);
  });
});

describe('regional hosts', () => {
  test('scm in six regions, messaging in three; other pairs 404 UNKNOWN_HOST; unprefixed paths stay', async () => {
    const partnerId = newPartner();
    const ks = adminKs(partnerId);
    for (const region of ['nvp1', 'irp2', 'frp2', 'sgp2', 'syp2', 'cap2']) {
      assert.equal((await call(`/sandbox/${region}/scm/api/v1/leaderboard/get`, { id: 'lb_final' }, { ks })).status, 200, region);
    }
    for (const region of ['nvp1', 'irp2', 'frp2']) {
      assert.equal((await call(`/sandbox/${region}/messaging/api/v1/unsubscribe-groups/list`, {}, { ks })).status, 200, region);
    }
    for (const path of ['/sandbox/sgp2/messaging/api/v1/unsubscribe-groups/list', '/sandbox/xxp9/scm/api/v1/badge/list', '/sandbox/nvp1/events/api/v1/event/list', '/sandbox/nvp1/constructor/api/v1/x']) {
      const res = await call(path, {}, { ks });
      assert.deepEqual([res.status, res.json.code], [404, 'UNKNOWN_HOST'], path);
    }
    assert.equal((await scm('leaderboard/get', { id: 'lb_final' }, ks)).status, 200);
    const paths = (await state(partnerId)).calls.map((c) => c.path);
    assert.ok(paths.includes('/sandbox/irp2/scm/api/v1/leaderboard/get'), 'the log keeps the host');
  });
});

describe('switches and faults', () => {
  test('autoTickMs moves live partners; live: false opts a partner out', async () => {
    const ticking = await startSandboxServer({ autoTickMs: 40 });
    try {
      const rank = async (partnerId) => {
        const res = await fetch(`${ticking.url}/sandbox/scm/api/v1/userScore/get`, {
          method: 'POST', headers: { Authorization: `Bearer ${adminKs(partnerId)}`, 'Content-Type': 'application/json' }, body: `{"gameObjectId":"lb_conference","userId":"${VIEWER}"}`,
        });
        return (await res.json()).rank;
      };
      const [moving, still] = [newPartner(), newPartner()];
      const start = await rank(moving);
      await rank(still);
      await fetch(`${ticking.url}/sandbox/control`, { method: 'POST', body: JSON.stringify({ partnerId: still, live: false }) });
      await new Promise((resolve) => setTimeout(resolve, 150));
      assert.ok((await rank(moving)) < start);
      assert.equal(await rank(still), start);
    } finally {
      await ticking.close();
    }
  });

  test('fail with Retry-After, then normal answers again', async () => {
    const partnerId = newPartner();
    const ks = adminKs(partnerId);
    await control(partnerId, { fail: { status: 503, count: 2, retryAfter: 2, match: 'userScore/list' } });
    assert.equal((await scm('leaderboard/get', { id: 'lb_conference' }, ks)).status, 200, 'match limits the fault');
    for (let i = 0; i < 2; i++) {
      const res = await scm('userScore/list', { gameObjectId: 'lb_conference' }, ks);
      assert.equal(res.status, 503);
      assert.equal(res.headers.get('retry-after'), '2');
      assert.equal(res.json.code, 'SERVICE_UNAVAILABLE');
    }
    assert.equal((await scm('userScore/list', { gameObjectId: 'lb_conference' }, ks)).status, 200);
  });

  test('fail forever (count -1) until reset; a custom body', async () => {
    const partnerId = newPartner();
    const ks = adminKs(partnerId);
    await control(partnerId, { fail: [{ status: 500, count: -1, match: 'badge/list' }, { status: 429, body: { code: 'SLOW_DOWN' } }] });
    for (let i = 0; i < 3; i++) assert.equal((await scm('badge/list', {}, ks)).status, 500);
    const custom = await scm('leaderboard/list', {}, ks);
    assert.deepEqual([custom.status, custom.json], [429, { code: 'SLOW_DOWN' }]);
    await control(partnerId, {}, '/reset');
    assert.equal((await scm('badge/list', {}, ks)).status, 200);
  });

  test('status 0 drops the connection', async () => {
    const partnerId = newPartner();
    await control(partnerId, { fail: { status: 0 } });
    await assert.rejects(scm('badge/list', {}, adminKs(partnerId)), TypeError);
    assert.equal((await scm('badge/list', {}, adminKs(partnerId))).status, 200);
  });

  test('malformed json and shape', async () => {
    const partnerId = newPartner();
    const ks = adminKs(partnerId);
    await control(partnerId, { malformed: [{ kind: 'json' }, { kind: 'shape' }] });
    const broken = await scm('userScore/list', { gameObjectId: 'lb_conference' }, ks);
    assert.equal(broken.status, 200);
    assert.equal(broken.json, undefined, 'not JSON');
    const shape = await scm('userScore/list', { gameObjectId: 'lb_conference' }, ks);
    assert.equal(shape.status, 200);
    assert.equal(typeof shape.json.objects, 'string');
  });

  test('hang never answers; the client gives up', async () => {
    const partnerId = newPartner();
    await control(partnerId, { hang: { match: 'leaderboard/get' } });
    await assert.rejects(scm('leaderboard/get', { id: 'lb_conference' }, adminKs(partnerId), { signal: AbortSignal.timeout(200) }), { name: 'TimeoutError' });
    assert.equal((await scm('leaderboard/get', { id: 'lb_conference' }, adminKs(partnerId))).status, 200);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const calls = (await state(partnerId)).calls.filter((c) => c.path.endsWith('leaderboard/get'));
    assert.deepEqual(calls.map((c) => c.status), [0, 200]);
  });

  test('latencyMs delays every service answer', async () => {
    const partnerId = newPartner();
    await control(partnerId, { latencyMs: 300 });
    const started = performance.now();
    assert.equal((await scm('badge/list', {}, adminKs(partnerId))).status, 200);
    assert.ok(performance.now() - started >= 290);
  });

  test('expire-ks: the USER KS in use get 401 EXPIRED_KS from then on; a new KS, an ADMIN KS and a reset partner work', async () => {
    const partnerId = newPartner();
    const inUse = userKs(partnerId, { privileges: 'entryId:1_sandboxroom' });
    const admin = adminKs(partnerId);
    const status = (ks) => messaging('unsubscribe-users/userGroupsStatus', {}, ks);
    const room = (ks) => fetch(`${server.url}/sandbox/kaf/embeddedrooms/index/view-room/ks/${ks}`).then(async (res) => [res.status, /data-error-code="(\w+)"/.exec(await res.text())?.[1]]);
    assert.equal((await status(inUse)).status, 200);
    assert.equal((await scm('badge/list', {}, admin)).status, 200);
    assert.deepEqual(await control(partnerId, {}, '/expire-ks'), { partnerId, expired: 1 });
    const refused = await status(inUse);
    assert.deepEqual([refused.status, refused.json.code], [401, 'EXPIRED_KS']);
    assert.deepEqual(await room(inUse), [401, 'expiredKs']);
    assert.equal((await scm('badge/list', {}, admin)).status, 200, 'an ADMIN KS (a server’s) is not the session expired');
    const fresh = userKs(partnerId, { privileges: 'entryId:1_sandboxroom' });
    assert.equal((await status(fresh)).status, 200, 'a KS first used after the expiry works');
    assert.deepEqual(await room(fresh), [200, undefined]);
    assert.deepEqual(await control(partnerId, {}, '/expire-ks'), { partnerId, expired: 1 });
    assert.equal((await status(fresh)).status, 401);
    assert.equal((await status(inUse)).status, 401, 'an expired KS stays expired');
    await control(partnerId, {}, '/reset');
    assert.equal((await status(inUse)).status, 200, 'a reset forgets the expiry');
  });

  test('front doors take queued faults and refuse a USER KS expired on demand; other calls go on to the host', async () => {
    const sandbox = createSandbox({ frontDoors: ['/api/game/'] });
    const host = createServer((req, res) => sandbox.handle(req, res, () => res.end('host')));
    await new Promise((resolve) => host.listen(0, '127.0.0.1', resolve));
    const door = (ks) =>
      fetch(`http://127.0.0.1:${host.address().port}/api/game/userScore/list`, { method: 'POST', headers: { Authorization: `Bearer ${ks}` }, body: '{}' })
        .then(async (res) => [res.status, await res.text()]);
    try {
      const partnerId = newPartner();
      const ks = userKs(partnerId);
      assert.deepEqual(await door(ks), [200, 'host']);
      await fetch(`http://127.0.0.1:${host.address().port}/sandbox/control`, { method: 'POST', body: JSON.stringify({ partnerId, fail: { status: 500 } }) });
      assert.equal((await door(ks))[0], 500);
      await fetch(`http://127.0.0.1:${host.address().port}/sandbox/control/expire-ks`, { method: 'POST', body: JSON.stringify({ partnerId }) });
      const [expiredStatus, expiredBody] = await door(ks);
      assert.deepEqual([expiredStatus, JSON.parse(expiredBody).code], [401, 'EXPIRED_KS']);
      assert.deepEqual(await door(userKs(partnerId)), [200, 'host']);
      assert.deepEqual(await door('not-a-ks'), [200, 'host'], 'no partner named: the host decides');
    } finally {
      sandbox.close();
      host.closeAllConnections();
      await new Promise((resolve) => host.close(resolve));
    }
  });

  test('control refuses unknown switches and bad values', async () => {
    const partnerId = newPartner();
    assert.equal((await call('/sandbox/control', { partnerId, latencyMS: 5 })).status, 400);
    assert.equal((await call('/sandbox/control', { partnerId, groupsStatusShape: 'xml' })).status, 400);
    assert.equal((await call('/sandbox/control', { partnerId, lenientFilters: 'yes' })).status, 400);
    assert.equal((await call('/sandbox/control', { partnerId, fail: { status: 42 } })).status, 400);
    assert.equal((await call('/sandbox/control', { latencyMs: 5 })).status, 400, 'partnerId is required');
  });

  test('state logs calls with user ids and never a KS', async () => {
    const partnerId = newPartner();
    const admin = adminKs(partnerId);
    const ks = userKs(partnerId, { privileges: 'entryId:1_sandboxroom' });
    await scm('badge/list', {}, admin);
    await fetch(`${server.url}/sandbox/kaf/embeddedrooms/index/view-room/ks/${ks}`);
    const s = await state(partnerId);
    assert.deepEqual(s.calls.map((c) => [c.method, c.status, c.userId]), [['POST', 200, 'admin@example.com'], ['GET', 200, VIEWER]]);
    assert.ok(!JSON.stringify(s).includes(ks.slice(0, 40)) && !JSON.stringify(s).includes(admin.slice(0, 40)));
    assert.match(s.calls[1].path, /\/ks\/\[redacted\]$/);
  });
});

describe('Messaging', () => {
  test('syncGroups then userGroupsStatus in each shape', async () => {
    const partnerId = newPartner();
    const ks = userKs(partnerId, { userId: 'prefs@example.com' });
    assert.deepEqual((await messaging('unsubscribe-users/userGroupsStatus', {}, ks)).json, { unsubscribedGroups: ['marketing-emails'] });
    const synced = await messaging('unsubscribe-users/syncGroups', { unsubscribed: ['weekly-digest', 'sponsor-offers'], subscribed: ['marketing-emails'] }, ks);
    assert.deepEqual(synced.json, { unsubscribedGroups: ['weekly-digest', 'sponsor-offers'] });
    assert.deepEqual((await messaging('unsubscribe-users/userGroupsStatus', {}, ks)).json, { unsubscribedGroups: ['weekly-digest', 'sponsor-offers'] });
    await control(partnerId, { groupsStatusShape: 'objects' });
    assert.deepEqual((await messaging('unsubscribe-users/userGroupsStatus', {}, ks)).json, {
      objects: [{ groupId: 'weekly-digest', status: 'unsubscribed' }, { groupId: 'sponsor-offers', status: 'unsubscribed' }], totalCount: 2,
    });
    await control(partnerId, { groupsStatusShape: 'array' });
    assert.deepEqual((await messaging('unsubscribe-users/userGroupsStatus', {}, ks)).json, ['weekly-digest', 'sponsor-offers']);
    assert.deepEqual((await state(partnerId)).preferences, { 'prefs@example.com': ['weekly-digest', 'sponsor-offers'] });
    // Another user of the same partner keeps the seeded state.
    const other = userKs(partnerId, { userId: 'other@example.com' });
    assert.deepEqual((await messaging('unsubscribe-users/userGroupsStatus', {}, other)).json, ['marketing-emails']);
  });

  test('syncGroups needs two string arrays; the user actions need a USER KS with a user', async () => {
    const partnerId = newPartner();
    const ks = userKs(partnerId);
    assert.equal((await messaging('unsubscribe-users/syncGroups', { unsubscribed: ['a'] }, ks)).status, 400);
    assert.equal((await messaging('unsubscribe-users/syncGroups', { unsubscribed: 'a', subscribed: [] }, ks)).status, 400);
    assert.equal((await messaging('unsubscribe-users/syncGroups', { unsubscribed: [1], subscribed: [] }, ks)).status, 400);
    assert.equal((await messaging('unsubscribe-users/userGroupsStatus', {}, adminKs(partnerId))).status, 403);
    assert.equal((await messaging('unsubscribe-users/userGroupsStatus', {}, userKs(partnerId, { userId: '' }))).status, 403);
  });

  test('unsubscribe-groups/list needs an ADMIN KS', async () => {
    const partnerId = newPartner();
    const list = (await messaging('unsubscribe-groups/list', {}, adminKs(partnerId))).json;
    assert.equal(list.totalCount, 5);
    assert.ok(list.objects.some((g) => g.id === 'event-updates' && g.name));
    assert.equal((await messaging('unsubscribe-groups/list', {}, userKs(partnerId))).status, 403);
  });
});

describe('KAF rooms', () => {
  const createRoom = (body) => call('/sandbox/kaf/embeddedrooms/index/create-room', body);
  const viewRoom = async (ks, extra = '') => {
    const res = await fetch(`${server.url}/sandbox/kaf/embeddedrooms/index/view-room/ks/${ks}${extra}`);
    const html = await res.text();
    const main = /<main id="room"([^>]*)>/.exec(html)?.[1] ?? '';
    const attr = (name) => new RegExp(`${name}="([^"]*)"`).exec(main)?.[1];
    return { status: res.status, type: res.headers.get('content-type'), html, entryId: attr('data-entry-id'), userId: attr('data-user-id'), role: attr('data-role'), chat: attr('data-chat-moderator') };
  };

  test('create-room answers the envelope; each error code', async () => {
    const partnerId = newPartner();
    const admin = adminKs(partnerId);
    const ok = await createRoom({ ks: admin, name: 'Breakout <A>', roomModeratorUserIds: ['host@example.com'] });
    assert.equal(ok.json.success, true);
    assert.match(ok.json.data.id, /^1_[a-z0-9]{8}$/);
    assert.deepEqual((await createRoom({ ks: admin })).json, { success: false, errorCode: 'invalidRequest', error: 'Mandatory parameter "name" is missing' });
    assert.equal((await createRoom({ name: 'x' })).json.errorCode, 'invalidRequest');
    const user = await createRoom({ ks: userKs(partnerId), name: 'x' });
    assert.equal(user.json.errorCode, 'invalidRequest');
    assert.match(user.json.error, /admin KS required/);
    const expired = await createRoom({ ks: adminKs(partnerId, { expiresIn: -1 }), name: 'x' });
    assert.deepEqual([expired.status, expired.json.errorCode], [401, 'invalidRequest']);
    await control(partnerId, { fail: { status: 500, match: 'create-room' } });
    const internal = await createRoom({ ks: admin, name: 'x' });
    assert.deepEqual([internal.status, internal.json.success, internal.json.errorCode], [500, false, 'internalError']);
    await control(partnerId, { kafMisconfigured: true });
    assert.equal((await createRoom({ ks: admin, name: 'x' })).json.errorCode, 'invalidConfiguration');
    const rooms = (await state(partnerId)).rooms;
    assert.deepEqual(rooms.map((r) => [r.id, r.name, r.ownerUserId]), [[ok.json.data.id, 'Breakout <A>', 'admin@example.com']]);
  });

  test('view-room shows entry, user and role from the KS privileges and records the join', async () => {
    const partnerId = newPartner();
    const mod = await viewRoom(userKs(partnerId, { privileges: 'entryId:1_sandboxroom,roomModerator:1,chatModerator:1' }));
    assert.equal(mod.status, 200);
    assert.match(mod.type, /^text\/html/);
    assert.deepEqual([mod.entryId, mod.userId, mod.role, mod.chat], ['1_sandboxroom', 'viewer@example.com', 'moderator', 'true']);
    assert.match(mod.html, /Room: Keynote Room/);
    assert.match(mod.html, /Role: moderator/);
    assert.match(mod.html, /Chat moderator: yes/);
    assert.doesNotMatch(mod.html, /<script/);
    const guest = await viewRoom(userKs(partnerId, { userId: 'guest@example.com' }), '/entryId/1_sandboxroom');
    assert.deepEqual([guest.userId, guest.role, guest.chat], ['guest@example.com', 'participant', 'false']);
    assert.match(guest.html, /Chat moderator: no/);
    const query = await fetch(`${server.url}/sandbox/kaf/embeddedrooms/index/view-room?ks=${userKs(partnerId, { privileges: 'entryId:1_sandboxroom' })}`);
    assert.equal(query.status, 200);
    const { joins } = await state(partnerId);
    assert.deepEqual(joins.map((j) => [j.entryId, j.userId, j.role, j.chatModerator]), [
      ['1_sandboxroom', 'viewer@example.com', 'moderator', true], ['1_sandboxroom', 'guest@example.com', 'participant', false], ['1_sandboxroom', 'viewer@example.com', 'participant', false],
    ]);
  });

  test('view-room of a created room: moderators from create-room, names escaped', async () => {
    const partnerId = newPartner();
    const { id } = (await createRoom({ ks: adminKs(partnerId), name: 'Breakout <A>', roomModeratorUserIds: ['host@example.com'] })).json.data;
    const host = await viewRoom(userKs(partnerId, { userId: 'host@example.com', privileges: `entryId:${id}` }));
    assert.equal(host.role, 'moderator');
    assert.match(host.html, /Room: Breakout &lt;A&gt;/);
    assert.equal((await viewRoom(userKs(newPartner(), { privileges: `entryId:${id}` }))).status, 404, 'rooms belong to their partner');
  });

  test('view-room: bad or expired KS 401, unknown room 404, roomHang never answers', async () => {
    const partnerId = newPartner();
    assert.equal((await viewRoom(tamper(userKs(partnerId, { privileges: 'entryId:1_sandboxroom' })))).status, 401);
    assert.equal((await viewRoom(userKs(partnerId, { privileges: 'entryId:1_sandboxroom', expiresIn: -5 }))).status, 401);
    assert.equal((await viewRoom(userKs(partnerId, { privileges: 'entryId:1_nothere' }))).status, 404);
    await control(partnerId, { roomHang: true });
    const url = `${server.url}/sandbox/kaf/embeddedrooms/index/view-room/ks/${userKs(partnerId, { privileges: 'entryId:1_sandboxroom' })}`;
    await assert.rejects(fetch(url, { signal: AbortSignal.timeout(200) }), { name: 'TimeoutError' });
  });
});

describe('API v3', () => {
  test('session/start checks the admin secret and returns a usable KS', async () => {
    const partnerId = newPartner();
    const ks = await apiV3('session', 'start', { partnerId: String(partnerId), secret: sandboxAdminSecret(partnerId), userId: 'api@example.com', type: '2', expiry: '600' });
    assert.equal(typeof ks, 'string');
    assert.equal((await scm('leaderboard/create', {}, ks)).json.code, 'GAME_MANAGE_REQUIRED', 'an ADMIN KS');
    const wrong = await apiV3('session', 'start', { partnerId: String(partnerId), secret: 'nope' });
    assert.deepEqual([wrong.objectType, wrong.code], ['KalturaAPIException', 'START_SESSION_ERROR']);
  });

  test('appToken/startSession with the widget KS and the token hash', async () => {
    const partnerId = newPartner();
    const widget = await apiV3('session', 'startWidgetSession', { widgetId: `_${partnerId}` });
    assert.deepEqual([widget.partnerId, widget.userId], [partnerId, 0]);
    const tokenHash = createHash('sha256').update(widget.ks + SANDBOX_APP_TOKEN.token).digest('hex');
    const session = await apiV3('appToken', 'startSession', { ks: widget.ks, id: SANDBOX_APP_TOKEN.id, tokenHash, userId: 'app@example.com', type: '0', expiry: '900' });
    assert.equal(typeof session.ks, 'string');
    assert.ok(session.expiry * 1000 - Date.now() > 800_000);
    assert.equal((await messaging('unsubscribe-users/userGroupsStatus', {}, session.ks)).status, 200);
    const bad = await apiV3('appToken', 'startSession', { ks: widget.ks, id: SANDBOX_APP_TOKEN.id, tokenHash: 'f'.repeat(64) });
    assert.equal(bad.code, 'INVALID_APP_TOKEN_HASH');
  });

  test('user/list by idIn with an ADMIN KS; unknown ids are absent', async () => {
    const partnerId = newPartner();
    const res = await apiV3('user', 'list', { ks: adminKs(partnerId), 'filter[idIn]': 'viewer@example.com,ghost@example.com,user-3', 'pager[pageSize]': '50' });
    assert.equal(res.objectType, 'KalturaUserListResponse');
    assert.equal(res.totalCount, 2);
    assert.deepEqual(res.objects.map((u) => [u.id, u.fullName]), [['viewer@example.com', 'Ada Viewer'], ['user-3', res.objects[1].fullName]]);
    assert.ok(res.objects[1].firstName && res.objects[1].lastName);
    assert.equal((await apiV3('user', 'list', { ks: userKs(partnerId) })).code, 'SERVICE_FORBIDDEN');
    assert.equal((await apiV3('user', 'list', { ks: tamper(adminKs(partnerId)) })).code, 'INVALID_KS');
  });

  test('user/list gives the email of every user that has one; staff always have one', async () => {
    const ks = adminKs(newPartner());
    const ids = [VIEWER, 'user-3', ...SEEDED_PEOPLE.staff, SEEDED_PEOPLE.speakerStaff];
    const { objects } = await apiV3('user', 'list', { ks, 'filter[idIn]': ids.join(',') });
    const email = Object.fromEntries(objects.map((u) => [u.id, u.email]));
    assert.equal(email[VIEWER], VIEWER);
    assert.equal(email['user-3'], undefined);
    for (const id of [...SEEDED_PEOPLE.staff, SEEDED_PEOPLE.speakerStaff]) assert.match(email[id], /@staff\.example\.com$/, id);
    assert.ok(SEEDED_PEOPLE.staff.some((id) => !id.includes('@')), 'a staff id that is not an email: only user/list tells');
  });

  test('groupUser/list by group or by users, paged; USER KS forbidden', async () => {
    const partnerId = newPartner();
    const ks = adminKs(partnerId);
    const speakers = await apiV3('groupUser', 'list', { ks, 'filter[groupIdEqual]': 'speakers' });
    assert.equal(speakers.objectType, 'KalturaGroupUserListResponse');
    assert.deepEqual(speakers.objects.map((g) => g.userId).sort(), [...SEEDED_PEOPLE.hiddenSpeakers, SEEDED_PEOPLE.speakerStaff].sort());
    assert.deepEqual(speakers.objects[0], { objectType: 'KalturaGroupUser', userId: speakers.objects[0].userId, groupId: 'speakers', status: 1 });
    const some = await apiV3('groupUser', 'list', { ks, 'filter[userIdIn]': `${VIEWER},${SEEDED_PEOPLE.hiddenSpeakers[1]}`, 'filter[groupIdIn]': 'speakers,executives' });
    assert.deepEqual(some.objects.map((g) => g.userId), [SEEDED_PEOPLE.hiddenSpeakers[1]]);
    assert.equal((await apiV3('groupUser', 'list', { ks, 'filter[userIdEqual]': VIEWER })).totalCount, 0);
    const paged = await apiV3('groupUser', 'list', { ks, 'pager[pageSize]': '2', 'pager[pageIndex]': '2' });
    assert.deepEqual([paged.totalCount, paged.objects.length], [3, 1]);
    assert.equal((await apiV3('groupUser', 'list', { ks: userKs(partnerId) })).code, 'SERVICE_FORBIDDEN');
  });
});

describe('mounting', () => {
  test('CORS preflight and headers', async () => {
    const pre = await fetch(`${server.url}/sandbox/scm/api/v1/userScore/list`, { method: 'OPTIONS' });
    assert.equal(pre.status, 204);
    assert.equal(pre.headers.get('access-control-allow-origin'), '*');
    assert.match(pre.headers.get('access-control-allow-headers'), /Authorization/);
    const res = await scm('badge/list', {}, adminKs(newPartner()));
    assert.equal(res.headers.get('access-control-allow-origin'), '*');
  });

  test('CORS with credentials: the token endpoint reflects a named origin (called with cookies); services do not', async () => {
    const origin = 'https://cms.example.com';
    const token = await fetch(`${server.url}/sandbox/ks?partnerId=${newPartner()}`, { headers: { Origin: origin } });
    assert.equal(token.status, 200);
    assert.equal(token.headers.get('access-control-allow-origin'), origin);
    assert.equal(token.headers.get('access-control-allow-credentials'), 'true');
    assert.match(token.headers.get('vary') ?? '', /Origin/);
    const pre = await fetch(`${server.url}/sandbox/ks`, { method: 'OPTIONS', headers: { Origin: origin } });
    assert.equal(pre.headers.get('access-control-allow-origin'), origin);
    assert.equal(pre.headers.get('access-control-allow-credentials'), 'true');
    // The services take a Bearer KS, never cookies: a named origin still gets `*`, without credentials.
    const partnerId = newPartner();
    const service = await fetch(`${server.url}/sandbox/scm/api/v1/badge/list`, {
      method: 'POST',
      headers: { Origin: origin, Authorization: `Bearer ${adminKs(partnerId)}`, 'Content-Type': 'application/json' },
      body: '{}',
    });
    assert.equal(service.status, 200);
    assert.equal(service.headers.get('access-control-allow-origin'), '*');
    assert.equal(service.headers.get('access-control-allow-credentials'), null);
  });

  test('the middleware passes other paths on; the WTR middleware answers /sandbox', async () => {
    const sandbox = createSandbox();
    let passed = false;
    sandbox.handle(/** @type {any} */ ({ url: '/index.html', method: 'GET' }), /** @type {any} */ ({}), () => (passed = true));
    assert.ok(passed);

    const middleware = sandboxMiddleware();
    const koaLike = createServer(async (req, res) => {
      const ctx = { path: new URL(req.url, 'http://x').pathname, req, res, respond: true };
      await middleware(ctx, async () => {
        res.end('next');
      });
    });
    await new Promise((resolve) => koaLike.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${koaLike.address().port}`;
    try {
      assert.equal(await (await fetch(`${base}/elsewhere`)).text(), 'next');
      const res = await fetch(`${base}/sandbox/scm/api/v1/badge/list`, {
        method: 'POST', headers: { Authorization: `Bearer ${adminKs(newPartner())}`, 'Content-Type': 'application/json' }, body: '{"pager":{"pageSize":2}}',
      });
      assert.equal((await res.json()).objects.length, 2);
    } finally {
      koaLike.closeAllConnections();
      await new Promise((resolve) => koaLike.close(resolve));
    }
  });
});
