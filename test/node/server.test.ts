/**
 * The server companion (`src/server`) over real HTTP against the sandbox: KS minting, the token
 * endpoint, the Node adapter, the AppToken flow, KAF create-room and the Game Services proxy.
 * Every test uses its own partner id: each is an isolated world in the sandbox.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
// The sandbox is plain JavaScript with JSDoc types; these stay quiet whether or not tsconfig reads JS.
// @ts-ignore
import { startSandboxServer } from '../../sandbox/server.js';
// @ts-ignore
import { SANDBOX_APP_TOKEN, sandboxAdminSecret } from '../../sandbox/index.js';
import {
  GAME_PROXY_ACTIONS,
  KalturaApiError,
  RoomError,
  createGameProxy,
  createRoom,
  createTokenHandler,
  mintKs,
  startAppTokenSession,
  toNodeHandler,
  type WebHandler,
} from '../../src/server/index.js';

let sandbox: { url: string; close(): Promise<void> };
const servers: Server[] = [];
let nextPartner = 4100;
const newPartner = () => nextPartner++;

before(async () => {
  sandbox = await startSandboxServer();
});
after(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    server.close();
  }
  await sandbox.close();
});

const scm = () => `${sandbox.url}/sandbox/scm/api/v1`;
const apiV3 = () => `${sandbox.url}/sandbox/api_v3`;
const kaf = () => `${sandbox.url}/sandbox/kaf`;
const adminKs = (partnerId: number) =>
  mintKs({ partnerId, secret: sandboxAdminSecret(partnerId), userId: 'admin@example.com', type: 2 }).ks;

async function gameCall(action: string, ks: string, body: unknown = {}): Promise<Response> {
  return fetch(`${scm()}/${action}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${ks}` },
    body: JSON.stringify(body),
  });
}

async function control(body: Record<string, unknown>, path = ''): Promise<void> {
  const response = await fetch(`${sandbox.url}/sandbox/control${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  assert.equal(response.status, 200, await response.text());
}

async function sandboxCalls(partnerId: number): Promise<Array<{ path: string; status: number }>> {
  const response = await fetch(`${sandbox.url}/sandbox/control/state?partnerId=${partnerId}`);
  return ((await response.json()) as { calls: Array<{ path: string; status: number }> }).calls;
}

/** A v1 KS is readable: `signature|partnerId;partnerId;expiry;type;rand;userId;privileges`. */
function readV1(ks: string) {
  const [signature, fields = ''] = Buffer.from(ks, 'base64').toString('utf8').split('|');
  const [partnerId, , expiry, type, , userId, privileges] = fields.split(';');
  return { signature, partnerId: Number(partnerId), expiry: Number(expiry), type: Number(type), userId, privileges };
}

/** Opens the sandbox's KAF view-room with a KS: it shows the room, user and role the KS grants. */
async function viewRoom(ks: string): Promise<{ status: number; entryId?: string; userId?: string; role?: string }> {
  const response = await fetch(`${kaf()}/embeddedrooms/index/view-room/ks/${encodeURIComponent(ks)}`);
  const html = await response.text();
  const attr = (name: string) => new RegExp(`data-${name}="([^"]*)"`).exec(html)?.[1];
  return { status: response.status, entryId: attr('entry-id'), userId: attr('user-id'), role: attr('role') };
}

async function listen(handler: WebHandler): Promise<string> {
  const server = createServer(toNodeHandler(handler));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** The host's sign-in stand-in: a `user=<id>` cookie. */
const cookieUser = (request: Request) => {
  const match = /(?:^|;\s*)user=([^;]+)/.exec(request.headers.get('cookie') ?? '');
  return match?.[1] ? { userId: decodeURIComponent(match[1]) } : null;
};

describe('mintKs', () => {
  test('v2 and v1 KS are accepted by Game Services; tampered ones get 401', async () => {
    const partnerId = newPartner();
    const secret = sandboxAdminSecret(partnerId);
    for (const format of ['v2', 'v1'] as const) {
      const { ks, expiresAt } = mintKs({ partnerId, secret, userId: 'viewer@example.com', format });
      const expiresIn = (Date.parse(expiresAt) - Date.now()) / 1000;
      assert.ok(expiresIn > 3590 && expiresIn <= 3600, `default expiry is an hour (${expiresIn})`);
      assert.match(ks, /^[A-Za-z0-9_-]+=*$/, 'URL-safe base64');
      assert.equal((await gameCall('leaderboard/get', ks, { id: 'lb_conference' })).status, 200, format);

      const middle = Math.floor(ks.length / 2);
      const tampered = ks.slice(0, middle) + (ks[middle] === 'A' ? 'B' : 'A') + ks.slice(middle + 1);
      assert.equal((await gameCall('leaderboard/get', tampered, { id: 'lb_conference' })).status, 401, `tampered ${format}`);
    }
    const wrongSecret = mintKs({ partnerId, secret: 'not-the-secret', userId: 'viewer@example.com' }).ks;
    assert.equal((await gameCall('leaderboard/get', wrongSecret, { id: 'lb_conference' })).status, 401);
  });

  test('v1 fields are laid out as the client libraries do', () => {
    const partnerId = newPartner();
    const { ks, expiresAt } = mintKs({
      partnerId,
      secret: 'secret',
      userId: 'u@example.com',
      privileges: 'entryId:1_abc, roomModerator:1,*',
      format: 'v1',
      expiresIn: 10 * 86_400,
    });
    const fields = readV1(ks);
    assert.equal(fields.partnerId, partnerId);
    assert.equal(fields.type, 0);
    assert.equal(fields.userId, 'u@example.com');
    assert.equal(fields.privileges, 'entryId:1_abc,roomModerator:1,all:*');
    assert.equal(fields.expiry * 1000, Date.parse(expiresAt));
    // Clamped to a day.
    assert.ok(Math.abs(Date.parse(expiresAt) - Date.now() - 86_400_000) < 5_000);
  });

  test('a v2 KS carries its privileges (read back through the KAF view-room page)', async () => {
    const partnerId = newPartner();
    const { ks } = mintKs({
      partnerId,
      secret: sandboxAdminSecret(partnerId),
      userId: 'host@example.com',
      privileges: 'entryId:1_sandboxroom,roomModerator:1',
    });
    assert.deepEqual(await viewRoom(ks), { status: 200, entryId: '1_sandboxroom', userId: 'host@example.com', role: 'moderator' });
  });

  test('invalid input is refused with a clear error', () => {
    const base = { secret: 's', userId: 'u' };
    assert.throws(() => mintKs({ ...base, partnerId: 0 }), /partnerId must be a positive integer/);
    assert.throws(() => mintKs({ ...base, partnerId: 1.5 }), /partnerId must be a positive integer/);
    assert.throws(() => mintKs({ partnerId: 1, secret: 's', userId: ' ' }), /userId is required for a USER KS/);
    assert.throws(() => mintKs({ ...base, partnerId: 1, type: 1 as 0 }), /type must be 0 \(USER\) or 2 \(ADMIN\)/);
    assert.throws(() => mintKs({ ...base, partnerId: 1, secret: '' }), /secret must be a non-empty string/);
    assert.throws(() => mintKs({ ...base, partnerId: 1, privileges: '_u:admin' }), /invalid privilege name/);
    assert.throws(() => mintKs({ ...base, partnerId: 1, expiresIn: 0 }), /expiresIn must be a positive number/);
    // An ADMIN KS may have no user; a numeric string partner id (from an env var) is fine.
    assert.ok(mintKs({ partnerId: '12', secret: 's', type: 2 }).ks);
  });
});

describe('createTokenHandler', () => {
  test('401 without a user; { ks, expiresAt } with no-store for a user; USER KS only', async () => {
    const partnerId = newPartner();
    const handler = createTokenHandler({
      authenticate: cookieUser,
      mint: { partnerId, secret: sandboxAdminSecret(partnerId), format: 'v1' },
      expiresIn: 600,
    });
    const anonymous = await handler(new Request('http://host.test/api/kaltura-ks'));
    assert.equal(anonymous.status, 401);
    assert.deepEqual(await anonymous.json(), { error: 'not signed in' });

    const response = await handler(new Request('http://host.test/api/kaltura-ks', { headers: { cookie: 'user=ada%40example.com' } }));
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('cache-control'), 'no-store, private');
    assert.match(response.headers.get('vary') ?? '', /Cookie/);
    assert.match(response.headers.get('content-type') ?? '', /^application\/json/);
    const body = (await response.json()) as { ks: string; expiresAt: string };
    assert.deepEqual(Object.keys(body).sort(), ['expiresAt', 'ks']);
    const fields = readV1(body.ks);
    assert.equal(fields.type, 0, 'USER KS');
    assert.equal(fields.userId, 'ada@example.com');
    assert.ok(Math.abs(Date.parse(body.expiresAt) - Date.now() - 600_000) < 5_000);
    assert.equal((await gameCall('userScore/get', body.ks, { gameObjectId: 'lb_conference' })).status, 404, 'a real, accepted KS');

    const post = await handler(new Request('http://host.test/api/kaltura-ks', { method: 'POST', headers: { cookie: 'user=a' } }));
    assert.equal(post.status, 405);
    const crossSite = await handler(new Request('http://host.test/api/kaltura-ks', { headers: { cookie: 'user=a', 'sec-fetch-site': 'cross-site' } }));
    assert.equal(crossSite.status, 403);
  });

  test('the privileges function gets validated hints and shapes the KS', async () => {
    const partnerId = newPartner();
    const seen: unknown[] = [];
    const handler = createTokenHandler({
      authenticate: cookieUser,
      mint: { partnerId, secret: sandboxAdminSecret(partnerId) },
      privileges: (user, _request, hints) => {
        seen.push(hints);
        return hints.entryId ? `entryId:${hints.entryId}${user.userId === 'host@example.com' ? ',roomModerator:1' : ''}` : '';
      },
    });
    const get = async (user: string, query: string) => {
      const response = await handler(new Request(`http://host.test/ks${query}`, { headers: { cookie: `user=${user}` } }));
      return ((await response.json()) as { ks: string }).ks;
    };
    assert.deepEqual(await viewRoom(await get('host@example.com', '?entryId=1_sandboxroom&widget=room-embed')), {
      status: 200, entryId: '1_sandboxroom', userId: 'host@example.com', role: 'moderator',
    });
    assert.deepEqual(await viewRoom(await get('guest@example.com', '?entryId=1_sandboxroom')), {
      status: 200, entryId: '1_sandboxroom', userId: 'guest@example.com', role: 'participant',
    });
    // An attempt to smuggle a privilege through the query is not passed on.
    await get('guest@example.com', '?entryId=1_sandboxroom,roomModerator:1');
    assert.deepEqual(seen, [
      { entryId: '1_sandboxroom', widget: 'room-embed' },
      { entryId: '1_sandboxroom', widget: undefined },
      { entryId: undefined, widget: undefined },
    ]);
  });

  test('a mint function that returns an ADMIN KS is refused, and the KS never leaks', async () => {
    const partnerId = newPartner();
    const errors: unknown[] = [];
    const handler = createTokenHandler({
      authenticate: () => ({ userId: 'u' }),
      mint: () => mintKs({ partnerId, secret: 's', type: 2, format: 'v1' }),
      onError: (error) => errors.push(error),
    });
    const response = await handler(new Request('http://host.test/ks'));
    assert.equal(response.status, 500);
    assert.deepEqual(await response.json(), { error: 'could not issue a Kaltura session' });
    assert.match(String(errors[0]), /ADMIN KS/);
  });

  test('mounted with toNodeHandler in a node:http server', async () => {
    const partnerId = newPartner();
    const base = await listen(
      createTokenHandler({ authenticate: cookieUser, mint: { partnerId, secret: sandboxAdminSecret(partnerId) } }),
    );
    assert.equal((await fetch(`${base}/api/kaltura-ks`)).status, 401);
    const response = await fetch(`${base}/api/kaltura-ks?widget=leaderboard`, { headers: { cookie: 'user=viewer%40example.com' } });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('cache-control'), 'no-store, private');
    const { ks } = (await response.json()) as { ks: string };
    assert.equal((await gameCall('userScore/get', ks, { gameObjectId: 'lb_conference' })).status, 200);
    const head = await fetch(`${base}/api/kaltura-ks`, { method: 'HEAD', headers: { cookie: 'user=a' } });
    assert.equal(head.status, 200);
    assert.equal(await head.text(), '');
  });
});

describe('toNodeHandler', () => {
  test('reads a body a parser already consumed, streams the answer and hands errors to next', async () => {
    const seen: string[] = [];
    const echo = toNodeHandler(async (request) => {
      if (new URL(request.url).pathname === '/boom') throw new Error('handler failed');
      seen.push(`${request.method} ${new URL(request.url).pathname} ${await request.text()}`);
      return new Response('ok', { status: 201, headers: [['Set-Cookie', 'a=1'], ['Set-Cookie', 'b=2']] });
    });
    const server = createServer((req, res) => {
      // A Connect/Express style chain: a JSON body parser first, then the handler, then an error handler.
      const next = (error?: unknown) => {
        res.statusCode = 599;
        res.end(String((error as Error | undefined)?.message));
      };
      if (req.url === '/parsed') {
        const chunks: Buffer[] = [];
        req.on('data', (chunk: Buffer) => chunks.push(chunk));
        req.on('end', () => {
          Object.assign(req, { body: JSON.parse(Buffer.concat(chunks).toString()) });
          echo(req, res, next);
        });
      } else echo(req, res, next);
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    const raw = await fetch(`${base}/raw?x=1`, { method: 'POST', body: '{"a":1}' });
    assert.equal(raw.status, 201);
    assert.equal(await raw.text(), 'ok');
    assert.deepEqual(raw.headers.getSetCookie(), ['a=1', 'b=2']);
    assert.equal((await fetch(`${base}/parsed`, { method: 'POST', body: '{"b":2}' })).status, 201);
    assert.deepEqual(seen, ['POST /raw {"a":1}', 'POST /parsed {"b":2}']);
    const failed = await fetch(`${base}/boom`);
    assert.deepEqual([failed.status, await failed.text()], [599, 'handler failed']);
  });
});

describe('startAppTokenSession', () => {
  test('widget session → tokenHash → appToken.startSession, end to end', async () => {
    const partnerId = newPartner();
    const session = await startAppTokenSession({
      serviceUrl: apiV3(),
      partnerId,
      appTokenId: SANDBOX_APP_TOKEN.id,
      appToken: SANDBOX_APP_TOKEN.token,
      userId: 'viewer@example.com',
      expiresIn: 900,
    });
    assert.equal(session.type, 0);
    assert.ok(Math.abs(Date.parse(session.expiresAt) - Date.now() - 900_000) < 5_000);
    assert.equal((await gameCall('userScore/get', session.ks, { gameObjectId: 'lb_conference' })).status, 200);

    // As the token endpoint's mint function.
    const handler = createTokenHandler({
      authenticate: cookieUser,
      mint: (user, { privileges, expiresIn }) =>
        startAppTokenSession({
          serviceUrl: apiV3(), partnerId, appTokenId: SANDBOX_APP_TOKEN.id, appToken: SANDBOX_APP_TOKEN.token,
          userId: user.userId, privileges, ...(expiresIn ? { expiresIn } : {}),
        }),
      privileges: 'entryId:1_sandboxroom',
    });
    const response = await handler(new Request('http://host.test/ks', { headers: { cookie: 'user=guest@example.com' } }));
    const { ks } = (await response.json()) as { ks: string };
    assert.deepEqual(await viewRoom(ks), { status: 200, entryId: '1_sandboxroom', userId: 'guest@example.com', role: 'participant' });
  });

  test('API v3 exceptions become a KalturaApiError without the KS', async () => {
    const partnerId = newPartner();
    const options = { serviceUrl: apiV3(), partnerId, appTokenId: SANDBOX_APP_TOKEN.id, userId: 'u' };
    await assert.rejects(startAppTokenSession({ ...options, appToken: 'wrong-token' }), (error: unknown) => {
      assert.ok(error instanceof KalturaApiError);
      assert.equal(error.code, 'INVALID_APP_TOKEN_HASH');
      return true;
    });
    await assert.rejects(startAppTokenSession({ ...options, appToken: SANDBOX_APP_TOKEN.token, appTokenId: '0_nope' }), {
      name: 'KalturaApiError',
      code: 'APP_TOKEN_ID_NOT_FOUND',
    });
    await assert.rejects(startAppTokenSession({ ...options, appToken: 'x', partnerId: -1 }), TypeError);
  });
});

describe('createRoom', () => {
  const roomOptions = (partnerId: number) => ({ kafBaseUrl: kaf(), adminKs: adminKs(partnerId), name: 'Town hall' });

  test('creates a room with the ADMIN KS in the JSON body', async () => {
    const partnerId = newPartner();
    const { id } = await createRoom({
      ...roomOptions(partnerId),
      description: 'Monthly',
      tags: ['all-hands', 'q3'],
      roomModeratorUserIds: ['host@example.com'],
    });
    assert.match(id, /^1_/);
    const state = (await (await fetch(`${sandbox.url}/sandbox/control/state?partnerId=${partnerId}`)).json()) as {
      rooms: Array<{ id: string; name: string; tags: string; ownerUserId: string; roomModeratorUserIds: string[] }>;
    };
    assert.deepEqual(
      state.rooms.map(({ id, name, tags, ownerUserId, roomModeratorUserIds }) => ({ id, name, tags, ownerUserId, roomModeratorUserIds })),
      [{ id, name: 'Town hall', tags: 'all-hands,q3', ownerUserId: 'admin@example.com', roomModeratorUserIds: ['host@example.com'] }],
    );
    // The host in roomModeratorUserIds moderates the new room with a plain USER KS.
    const hostKs = mintKs({ partnerId, secret: sandboxAdminSecret(partnerId), userId: 'host@example.com', privileges: `entryId:${id}` }).ks;
    assert.equal((await viewRoom(hostKs)).role, 'moderator');
  });

  test('each failure maps to a typed RoomError that never shows the KS', async () => {
    const cases: Array<[string, (partnerId: number) => Promise<void>, string, RegExp]> = [
      ['misconfigured KAF', (p) => control({ partnerId: p, kafMisconfigured: true }), 'invalidConfiguration', /contact your Kaltura representative/],
      ['internal error', (p) => control({ partnerId: p, fail: { status: 500, match: 'create-room' } }), 'internalError', /Kaltura support/],
      [
        'unknown code',
        (p) => control({ partnerId: p, fail: { status: 200, match: 'create-room', body: { success: false, errorCode: 'roomQuotaExceeded', error: 'Too many rooms' } } }),
        'unknownError',
        /roomQuotaExceeded.*Too many rooms/,
      ],
      ['HTTP error', (p) => control({ partnerId: p, fail: { status: 502, match: 'create-room', body: 'Bad gateway' } }), 'httpError', /HTTP 502/],
      ['malformed JSON', (p) => control({ partnerId: p, malformed: { kind: 'json', match: 'create-room' } }), 'invalidResponse', /not JSON/],
      ['wrong shape', (p) => control({ partnerId: p, malformed: { kind: 'shape', match: 'create-room' } }), 'invalidResponse', /does not match/],
      ['dropped connection', (p) => control({ partnerId: p, fail: { status: 0, match: 'create-room' } }), 'networkError', /could not reach/],
    ];
    for (const [label, arrange, code, message] of cases) {
      const partnerId = newPartner();
      await arrange(partnerId);
      const options = roomOptions(partnerId);
      await assert.rejects(createRoom(options), (error: unknown) => {
        assert.ok(error instanceof RoomError, label);
        assert.equal(error.code, code, label);
        assert.match(error.message, message, label);
        assert.ok(!error.message.includes(options.adminKs), `${label}: no KS in the message`);
        return true;
      });
    }

    // invalidRequest: a USER KS is refused by KAF.
    const partnerId = newPartner();
    const userKs = mintKs({ partnerId, secret: sandboxAdminSecret(partnerId), userId: 'u' }).ks;
    await assert.rejects(createRoom({ kafBaseUrl: kaf(), adminKs: userKs, name: 'x' }), (error: unknown) => {
      assert.ok(error instanceof RoomError);
      assert.equal(error.code, 'invalidRequest');
      assert.match(error.message, /invalid or missing parameters.*admin KS required/);
      return true;
    });
    await assert.rejects(createRoom({ kafHost: 'kaf.example.com/path', adminKs: 'x', name: 'x' }), TypeError);
  });
});

describe('createGameProxy', () => {
  /** A proxy in a node:http server under /api/game/, signed in by a `user=` cookie. */
  async function startProxy(partnerId: number, extra: Partial<Parameters<typeof createGameProxy>[0]> = {}) {
    const base = await listen(
      createGameProxy({
        gameUrl: scm(),
        adminKs: adminKs(partnerId),
        authenticate: cookieUser,
        userDirectory: { serviceUrl: apiV3() },
        ...extra,
      }),
    );
    return async (action: string, body: unknown, user: string | null = 'viewer@example.com', headers: Record<string, string> = {}) => {
      const response = await fetch(`${base}/api/game/${action}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...(user ? { cookie: `user=${encodeURIComponent(user)}` } : {}), ...headers },
        body: JSON.stringify(body),
      });
      return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, any> };
    };
  }
  const userListCalls = async (partnerId: number) =>
    (await sandboxCalls(partnerId)).filter((call) => call.path.endsWith('/service/user/action/list')).length;

  test('forwards a read with the ADMIN KS and names rows with one user.list per page', async () => {
    const partnerId = newPartner();
    const call = await startProxy(partnerId);
    // The browser's own Authorization header is not forwarded (this one would get a 401 upstream).
    const page = { gameObjectId: 'lb_conference', pager: { pageSize: 10, pageIndex: 1 } };
    const first = await call('userScore/list', page, 'viewer@example.com', { Authorization: 'Bearer not-a-ks' });
    assert.equal(first.status, 200);
    assert.equal(first.headers.get('cache-control'), 'no-store, private');
    assert.equal(first.body.objects.length, 10);
    for (const row of first.body.objects) {
      assert.equal(typeof row.userId, 'string');
      assert.equal(typeof row.fullName, 'string', `a name for ${row.userId}`);
      assert.ok(row.fullName.length > 0);
    }
    assert.equal(await userListCalls(partnerId), 1);
    // The same page again: names come from the cache.
    assert.equal((await call('userScore/list', page)).status, 200);
    assert.equal(await userListCalls(partnerId), 1);
    // The viewer's own row, named too.
    const own = await call('userScore/get', { gameObjectId: 'lb_conference' });
    assert.equal(own.status, 200);
    assert.deepEqual([own.body.userId, own.body.fullName], ['viewer@example.com', 'Ada Viewer']);
    // Definitions pass through unchanged.
    const board = await call('leaderboard/get', { id: 'lb_conference' });
    assert.deepEqual([board.status, board.body.id], [200, 'lb_conference']);
    assert.equal((await call('badge/list', {})).status, 200);
  });

  test('refuses anything but the read actions, and anonymous callers', async () => {
    const partnerId = newPartner();
    const call = await startProxy(partnerId);
    const denied = await call('rule/create', { name: 'x' });
    assert.equal(denied.status, 403);
    assert.deepEqual(denied.body, { code: 'FORBIDDEN_ACTION', message: 'action "rule/create" is not allowed through this proxy' });
    for (const action of ['leaderboard/update', 'userScore/clear', 'report/generate', 'leaderboard/list']) {
      assert.equal((await call(action, {})).status, 403, action);
    }
    assert.equal((await call('leaderboard/get', { id: 'lb_conference' }, null)).status, 401);
    assert.equal((await sandboxCalls(partnerId)).length, 0, 'nothing reached Game Services');
    assert.deepEqual([...GAME_PROXY_ACTIONS].sort(), ['badge/get', 'badge/list', 'leaderboard/get', 'userBadge/list', 'userScore/get', 'userScore/list']);
  });

  test("per-user reads are forced to the signed-in user: another user's data is not returned", async () => {
    const partnerId = newPartner();
    await control({ partnerId, userId: 'user-3', badgeId: 'badge_attendee', ruleId: 'rule_attendee_sessions', progress: 2 }, '/progress');
    const call = await startProxy(partnerId);
    const score = await call('userScore/get', { gameObjectId: 'lb_conference', userId: 'viewer@example.com' }, 'user-3');
    assert.equal(score.status, 200);
    assert.equal(score.body.userId, 'user-3');

    const badges = await call(
      'userBadge/list',
      { gameObjectId: 'badge_attendee', userId: 'viewer@example.com', filter: { userIdEqual: 'viewer@example.com', userIdIn: ['viewer@example.com'] } },
      'user-3',
    );
    assert.equal(badges.status, 200);
    assert.deepEqual(badges.body.objects.map((row: { userId: string }) => row.userId), ['user-3']);
    assert.equal(badges.body.objects[0].rulesData[0].progress, 2);

    // Without a gameObjectId an ADMIN read would list every attendee's rows; the proxy keeps it to one user.
    const all = await call('userBadge/list', {}, 'viewer@example.com');
    assert.equal(all.status, 200);
    assert.ok(all.body.objects.length > 0);
    assert.ok(all.body.objects.every((row: { userId: string }) => row.userId === 'viewer@example.com'));
  });

  test('passes 404 and Retry-After through; an unreachable user.list leaves rows unnamed', async () => {
    const partnerId = newPartner();
    const call = await startProxy(partnerId);
    const missing = await call('leaderboard/get', { id: 'lb_missing' });
    assert.equal(missing.status, 404);
    assert.equal(missing.body.code, 'LEADERBOARD_NOT_FOUND');

    await control({ partnerId, fail: { status: 429, retryAfter: 7, match: 'userScore/list' } });
    const limited = await call('userScore/list', { gameObjectId: 'lb_conference' });
    assert.equal(limited.status, 429);
    assert.equal(limited.headers.get('retry-after'), '7');

    await control({ partnerId, fail: { status: 503, match: 'badge/list', body: '<html>maintenance</html>' } });
    const html = await call('badge/list', {});
    assert.equal(html.status, 503);
    assert.match(html.headers.get('content-type') ?? '', /^application\/json/);
    assert.equal(html.body.code, 'UPSTREAM_INVALID_RESPONSE');

    // Sub-leaderboard rows are segments, not users: no user.list for them.
    const segments = await call('userScore/list', { gameObjectId: 'lb_conference', subLeaderboardId: 0 });
    assert.equal(segments.status, 200);
    assert.ok(segments.body.objects.length > 0);
    assert.equal(await userListCalls(partnerId), 0);

    await control({ partnerId, fail: { status: 500, match: 'user/action/list' } });
    const unnamed = await call('userScore/list', { gameObjectId: 'lb_conference', pager: { pageSize: 5, pageIndex: 2 } });
    assert.equal(unnamed.status, 200);
    assert.equal(unnamed.body.objects.length, 5);
    assert.ok(unnamed.body.objects.every((row: Record<string, unknown>) => !('fullName' in row)));
  });

  test('works where Game Services refuse USER KS reads; a rejected ADMIN KS is a 502, not a 401', async () => {
    const partnerId = newPartner();
    await control({ partnerId, gameUserKs: 'deny' });
    const userKs = mintKs({ partnerId, secret: sandboxAdminSecret(partnerId), userId: 'viewer@example.com' }).ks;
    assert.equal((await gameCall('userScore/list', userKs, { gameObjectId: 'lb_conference' })).status, 403, 'USER KS refused directly');

    let refreshed = 0;
    const call = await startProxy(partnerId, {
      adminKs: async () => {
        refreshed++;
        return adminKs(partnerId);
      },
    });
    const page = await call('userScore/list', { gameObjectId: 'lb_conference', pager: { pageSize: 3 } });
    assert.equal(page.status, 200);
    assert.equal(page.body.objects.length, 3);
    assert.ok(refreshed >= 1, 'the adminKs function was asked');

    const badKs = mintKs({ partnerId, secret: 'wrong', userId: 'admin', type: 2 }).ks;
    const broken = await startProxy(partnerId, { adminKs: badKs, userDirectory: undefined });
    const refused = await broken('leaderboard/get', { id: 'lb_conference' });
    assert.equal(refused.status, 502);
    assert.equal(refused.body.code, 'UPSTREAM_UNAUTHORIZED');
    assert.ok(!JSON.stringify(refused.body).includes(badKs));
  });
});
