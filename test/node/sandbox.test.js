// Node tests of the Kaltura sandbox, over real HTTP. Run: node --test test/node/sandbox.test.js
import assert from 'node:assert/strict';
import { createDecipheriv, createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { SANDBOX_APP_TOKEN, createSandbox, mintSandboxKs, sandboxAdminSecret } from '../../sandbox/index.js';
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
    assert.equal((await scm('leaderboard/get', { id: 'lb_conference' }, ks)).status, 200);
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
    const res = await scm('leaderboard/get', { id: 'lb_final', ks: userKs(partnerId) });
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
  test('write actions: 403 for a USER KS and for the read-only ADMIN KS; unknown action 404', async () => {
    const partnerId = newPartner();
    const user = await scm('leaderboard/create', { name: 'x' }, userKs(partnerId));
    assert.equal(user.status, 403);
    assert.equal(user.json.code, 'ADMIN_KS_REQUIRED');
    assert.equal((await scm('badge/delete', { id: 'badge_quiz' }, adminKs(partnerId))).status, 403);
    assert.equal((await scm('leaderboard/frobnicate', {}, adminKs(partnerId))).status, 404);
  });

  test('gameUserKs: deny refuses USER KS reads, ADMIN KS still reads', async () => {
    const partnerId = newPartner();
    await control(partnerId, { gameUserKs: 'deny' });
    assert.equal((await scm('leaderboard/list', {}, userKs(partnerId))).status, 403);
    assert.equal((await scm('leaderboard/list', {}, adminKs(partnerId))).status, 200);
    assert.equal((await scm('leaderboard/list', {}, userKs(newPartner()))).status, 200, 'other partners are untouched');
  });

  test('leaderboard get/list as in the guide; unknown id 404; 400 without id', async () => {
    const ks = userKs(newPartner());
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
    const ks = userKs(newPartner());
    const first = (await scm('userScore/list', { gameObjectId: 'lb_huge', pager: { pageSize: 50, pageIndex: 1 } }, ks)).json;
    assert.equal(first.totalCount, 100_000);
    assert.deepEqual(Object.keys(first.objects[0]).sort(), ['rank', 'score', 'userId']);
    const started = performance.now();
    const last = (await scm('userScore/list', { gameObjectId: 'lb_huge', pager: { pageSize: 50, pageIndex: 2000 } }, ks)).json;
    assert.ok(performance.now() - started < 250, 'a deep page is quick');
    assert.deepEqual(last.objects.map((r) => r.rank), Array.from({ length: 50 }, (_, i) => 99_951 + i));
    for (let i = 1; i < last.objects.length; i++) assert.ok(last.objects[i - 1].score >= last.objects[i].score);
    assert.deepEqual((await scm('userScore/list', { gameObjectId: 'lb_huge', pager: { pageSize: 50, pageIndex: 2001 } }, ks)).json.objects, []);
    assert.equal((await scm('userScore/list', { gameObjectId: 'lb_huge', pager: { pageSize: 0 } }, ks)).status, 400);
    assert.equal((await scm('userScore/list', { gameObjectId: 'lb_empty' }, ks)).json.totalCount, 0);
  });

  test('the viewer is around rank 57 on lb_conference; zeroBasedRanks shifts ranks', async () => {
    const partnerId = newPartner();
    const ks = userKs(partnerId);
    const own = (await scm('userScore/get', { gameObjectId: 'lb_conference', userId: 'someone-else' }, ks)).json;
    assert.equal(own.userId, 'viewer@example.com', 'a USER KS reads its own score');
    assert.ok(own.rank >= 50 && own.rank <= 60, `rank ${own.rank}`);
    const page = (await scm('userScore/list', { gameObjectId: 'lb_conference', pager: { pageSize: 10, pageIndex: Math.ceil(own.rank / 10) } }, ks)).json;
    assert.deepEqual(page.objects.find((r) => r.userId === 'viewer@example.com'), own);
    await control(partnerId, { zeroBasedRanks: true });
    assert.equal((await scm('userScore/get', { gameObjectId: 'lb_conference' }, ks)).json.rank, own.rank - 1);
    assert.equal((await scm('userScore/list', { gameObjectId: 'lb_conference', pager: { pageSize: 1 } }, ks)).json.objects[0].rank, 0);
  });

  test('userScore/get: a user without a score is 404 USER_SCORE_NOT_FOUND', async () => {
    const partnerId = newPartner();
    const res = await scm('userScore/get', { gameObjectId: 'lb_conference', userId: 'nobody@example.com' }, adminKs(partnerId));
    assert.equal(res.status, 404);
    assert.equal(res.json.code, 'USER_SCORE_NOT_FOUND');
    assert.equal((await scm('userScore/get', { gameObjectId: 'lb_empty' }, userKs(partnerId))).status, 404);
  });

  test('sub-leaderboard rows rank segments by the sum of their members', async () => {
    const ks = userKs(newPartner());
    const rows = (await scm('userScore/list', { gameObjectId: 'lb_conference', subLeaderboardId: 0, pager: { pageSize: 50 } }, ks)).json;
    assert.equal(rows.totalCount, 12);
    assert.deepEqual(rows.objects.map((r) => r.rank), Array.from({ length: 12 }, (_, i) => i + 1));
    assert.ok(rows.objects.some((r) => r.userId === 'France'));
    let total = 0;
    for (let page = 1; page <= 10; page++) {
      const { objects } = (await scm('userScore/list', { gameObjectId: 'lb_conference', pager: { pageSize: 500, pageIndex: page } }, ks)).json;
      total += objects.reduce((sum, r) => sum + r.score, 0);
    }
    assert.equal(rows.objects.reduce((sum, r) => sum + r.score, 0), total);
    assert.equal((await scm('userScore/list', { gameObjectId: 'lb_conference', subLeaderboardId: '1' }, ks)).json.totalCount, 8);
    assert.equal((await scm('userScore/list', { gameObjectId: 'lb_conference', subLeaderboardId: 7 }, ks)).status, 404);
  });

  test('badges: list with filters, get, icons same-origin', async () => {
    const ks = userKs(newPartner());
    const all = (await scm('badge/list', { filter: { virtualEventIdIn: ['12345'] }, pager: { pageSize: 100 } }, ks)).json;
    assert.ok(all.totalCount >= 6);
    for (const b of all.objects) {
      assert.ok(b.rules.length >= 1 && b.rules.length <= 3);
      assert.equal(typeof b.rules[0].goal, 'string');
      const icon = await fetch(server.url + b.iconUrl);
      assert.equal(icon.status, 200);
      assert.match(icon.headers.get('content-type'), /^image\/svg\+xml/);
      assert.match(await icon.text(), /^<svg/);
    }
    assert.equal((await scm('badge/list', { filter: { virtualEventIdIn: ['999'] } }, ks)).json.totalCount, 0);
    assert.deepEqual((await scm('badge/list', { filter: { idIn: ['badge_quiz'] } }, ks)).json.objects.map((b) => b.id), ['badge_quiz']);
    assert.equal((await scm('badge/get', { id: 'badge_attendee' }, ks)).json.name, 'Session Attendee');
    assert.equal((await scm('badge/get', { id: 'badge_nope' }, ks)).status, 404);
  });

  test("userBadge/list: the viewer's mixed progress; a USER KS only sees its own rows", async () => {
    const partnerId = newPartner();
    const rows = (await scm('userBadge/list', { userId: 'someone-else', pager: { pageSize: 100 } }, userKs(partnerId))).json.objects;
    assert.ok(rows.every((r) => r.userId === 'viewer@example.com'));
    const byBadge = Object.fromEntries(rows.map((r) => [r.gameObjectId, r]));
    assert.equal(byBadge.badge_attendee.status, 'ACHIEVED');
    assert.ok(byBadge.badge_attendee.achievedTimestamp);
    assert.equal(byBadge.badge_marathon.status, 'IN_PROGRESS');
    assert.equal(byBadge.badge_marathon.achievedTimestamp, undefined);
    assert.equal(byBadge.badge_quiz, undefined, 'no progress, no row');
    assert.ok(byBadge.badge_pollster.rulesData[0].progress > 1, 'progress above the goal');
    const one = (await scm('userBadge/list', { gameObjectId: 'badge_marathon' }, userKs(partnerId))).json;
    assert.equal(one.totalCount, 1);
    const admin = (await scm('userBadge/list', { gameObjectId: 'badge_attendee', pager: { pageSize: 5 } }, adminKs(partnerId))).json;
    assert.ok(admin.totalCount > 100, 'an ADMIN KS lists every user');
    assert.equal((await scm('userBadge/list', { gameObjectId: 'badge_nope' }, adminKs(partnerId))).status, 404);
  });

  test('control/progress completes a badge with an achievedTimestamp', async () => {
    const partnerId = newPartner();
    const ks = userKs(partnerId);
    const progress = (ruleId, value) => control(partnerId, { userId: 'viewer@example.com', badgeId: 'badge_marathon', ruleId, progress: value }, '/progress');
    const half = await progress('rule_marathon_minutes', 59);
    assert.equal(half.status, 'IN_PROGRESS');
    await progress('rule_marathon_minutes', 60);
    const [row] = (await scm('userBadge/list', { gameObjectId: 'badge_marathon' }, ks)).json.objects;
    assert.equal(row.status, 'ACHIEVED');
    assert.ok(Math.abs(Date.parse(row.achievedTimestamp) - Date.now()) < 60_000);
    assert.deepEqual(row.rulesData.map((r) => r.completed), [true, true]);
    // A user without any seeded row gets one.
    const fresh = await control(partnerId, { userId: 'new@example.com', badgeId: 'badge_quiz', ruleId: 'rule_quiz_passed', progress: 1 }, '/progress');
    assert.deepEqual(fresh.rulesData, [{ id: 'rule_quiz_passed', progress: 1, completed: false }]);
  });

  test('certificates and user certificate rows', async () => {
    const ks = userKs(newPartner());
    assert.ok((await scm('certificate/list', {}, ks)).json.totalCount >= 1);
    const rows = (await scm('userCertificateReport/list', {}, ks)).json;
    assert.ok(rows.totalCount >= 1);
    assert.ok(rows.objects.every((r) => r.userId === 'viewer@example.com'));
  });

  test('a tick moves the viewer up a few ranks, with oldRank', async () => {
    const partnerId = newPartner();
    const ks = userKs(partnerId);
    const before = (await scm('userScore/get', { gameObjectId: 'lb_conference' }, ks)).json.rank;
    assert.equal((await control(partnerId, {}, '/tick')).ticks, 1);
    const after = (await scm('userScore/get', { gameObjectId: 'lb_conference' }, ks)).json;
    assert.ok(after.rank < before && after.rank >= before - 4, `${before} → ${after.rank}`);
    assert.equal(after.oldRank, before);
    const other = (await scm('userScore/get', { gameObjectId: 'lb_conference' }, userKs(newPartner()))).json.rank;
    assert.equal(other, before, 'other partners do not move');
    await control(partnerId, { steps: 4 }, '/tick');
    assert.ok((await scm('userScore/get', { gameObjectId: 'lb_conference' }, ks)).json.rank < after.rank);
    assert.ok((await scm('userScore/get', { gameObjectId: 'lb_huge' }, ks)).json.rank < 1234);
  });
});

describe('switches and faults', () => {
  test('autoTickMs moves live partners; live: false opts a partner out', async () => {
    const ticking = await startSandboxServer({ autoTickMs: 40 });
    try {
      const rank = async (partnerId) => {
        const res = await fetch(`${ticking.url}/sandbox/scm/api/v1/userScore/get`, {
          method: 'POST', headers: { Authorization: `Bearer ${userKs(partnerId)}`, 'Content-Type': 'application/json' }, body: '{"gameObjectId":"lb_conference"}',
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
    const ks = userKs(partnerId);
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
    const ks = userKs(partnerId);
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
    await assert.rejects(scm('badge/list', {}, userKs(partnerId)), TypeError);
    assert.equal((await scm('badge/list', {}, userKs(partnerId))).status, 200);
  });

  test('malformed json and shape', async () => {
    const partnerId = newPartner();
    const ks = userKs(partnerId);
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
    await assert.rejects(scm('leaderboard/get', { id: 'lb_conference' }, userKs(partnerId), { signal: AbortSignal.timeout(200) }), { name: 'TimeoutError' });
    assert.equal((await scm('leaderboard/get', { id: 'lb_conference' }, userKs(partnerId))).status, 200);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const calls = (await state(partnerId)).calls.filter((c) => c.path.endsWith('leaderboard/get'));
    assert.deepEqual(calls.map((c) => c.status), [0, 200]);
  });

  test('latencyMs delays every service answer', async () => {
    const partnerId = newPartner();
    await control(partnerId, { latencyMs: 300 });
    const started = performance.now();
    assert.equal((await scm('badge/list', {}, userKs(partnerId))).status, 200);
    assert.ok(performance.now() - started >= 290);
  });

  test('control refuses unknown switches and bad values', async () => {
    const partnerId = newPartner();
    assert.equal((await call('/sandbox/control', { partnerId, latencyMS: 5 })).status, 400);
    assert.equal((await call('/sandbox/control', { partnerId, groupsStatusShape: 'xml' })).status, 400);
    assert.equal((await call('/sandbox/control', { partnerId, fail: { status: 42 } })).status, 400);
    assert.equal((await call('/sandbox/control', { latencyMs: 5 })).status, 400, 'partnerId is required');
  });

  test('state logs calls with user ids and never a KS', async () => {
    const partnerId = newPartner();
    const ks = userKs(partnerId, { privileges: 'entryId:1_sandboxroom' });
    await scm('badge/list', {}, ks);
    await fetch(`${server.url}/sandbox/kaf/embeddedrooms/index/view-room/ks/${ks}`);
    const s = await state(partnerId);
    assert.deepEqual(s.calls.map((c) => [c.method, c.status, c.userId]), [['POST', 200, 'viewer@example.com'], ['GET', 200, 'viewer@example.com']]);
    assert.ok(!JSON.stringify(s).includes(ks.slice(0, 40)));
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
});

describe('mounting', () => {
  test('CORS preflight and headers', async () => {
    const pre = await fetch(`${server.url}/sandbox/scm/api/v1/userScore/list`, { method: 'OPTIONS' });
    assert.equal(pre.status, 204);
    assert.equal(pre.headers.get('access-control-allow-origin'), '*');
    assert.match(pre.headers.get('access-control-allow-headers'), /Authorization/);
    const res = await scm('badge/list', {}, userKs(newPartner()));
    assert.equal(res.headers.get('access-control-allow-origin'), '*');
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
        method: 'POST', headers: { Authorization: `Bearer ${userKs(newPartner())}`, 'Content-Type': 'application/json' }, body: '{"pager":{"pageSize":2}}',
      });
      assert.equal((await res.json()).objects.length, 2);
    } finally {
      koaLike.closeAllConnections();
      await new Promise((resolve) => koaLike.close(resolve));
    }
  });
});
