/**
 * The server companion (`src/server`) over real HTTP against the sandbox: KS minting and checking,
 * the token endpoint, the Node adapter, the AppToken flow, KAF create-room and the Game Services
 * proxy (with a stub `fetch` where a unit test says more). Every test uses its own partner id:
 * each is an isolated world in the sandbox, which is strict (ADMIN KS only on SCM).
 */
import assert from 'node:assert/strict';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
// The sandbox is plain JavaScript with JSDoc types; these stay quiet whether or not tsconfig reads JS.
// @ts-ignore
import { startSandboxServer } from '../../sandbox/server.js';
// @ts-ignore
import { SANDBOX_APP_TOKEN, SEEDED_EVENTS, SEEDED_PEOPLE, mintSandboxKs, sandboxAdminSecret } from '../../sandbox/index.js';
import { isEntryId as elementIsEntryId } from '../../src/api/rooms.js';
import {
  ENTRY_ID_PATTERN,
  EVENTS_PROXY_ACTIONS,
  GAME_PROXY_ACTIONS,
  KalturaApiError,
  RoomError,
  createEventsProxy,
  createGameProxy,
  createRoom,
  createTokenHandler,
  isEntryId,
  ksAuthenticator,
  mintKs,
  startAppTokenSession,
  toNodeHandler,
  verifyKs,
  type EventsProxyOptions,
  type FetchLike,
  type GameProxyOptions,
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
const adminKsWithoutUser = (partnerId: number) => mintKs({ partnerId, secret: sandboxAdminSecret(partnerId), userId: '', type: 2 }).ks;
const userKs = (partnerId: number, userId: string, format: 'v1' | 'v2' = 'v2') =>
  mintKs({ partnerId, secret: sandboxAdminSecret(partnerId), userId, format }).ks;

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

/** Game Services accepts a USER KS only with this switch; tests that check a USER KS is genuine use it. */
const acceptUserKs = (partnerId: number) => control({ partnerId, lenientGameUserKs: true });

async function sandboxCalls(partnerId: number): Promise<Array<{ path: string; status: number; userId?: string }>> {
  const response = await fetch(`${sandbox.url}/sandbox/control/state?partnerId=${partnerId}`);
  return ((await response.json()) as { calls: Array<{ path: string; status: number; userId?: string }> }).calls;
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

async function listen(handler: WebHandler, options?: Parameters<typeof toNodeHandler>[1]): Promise<string> {
  const server = createServer(toNodeHandler(handler, options));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** The host's sign-in stand-in: a `user=<id>` cookie. */
const cookieUser = (request: Request) => {
  const match = /(?:^|;\s*)user=([^;]+)/.exec(request.headers.get('cookie') ?? '');
  return match?.[1] ? { userId: decodeURIComponent(match[1]) } : null;
};

/** Fails instead of waiting forever: the code under test must answer by itself. */
async function within<T>(ms: number, promise: Promise<T>, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * A POST over raw HTTP whose chunked body (no Content-Length) sends `bytes` and then stalls,
 * never ending: what a slow or hostile client does.
 */
function stalledPost(url: string, headers: Record<string, string>, bytes: number): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked', ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() });
        req.destroy();
      });
    });
    req.on('error', reject);
    for (let sent = 0; sent < bytes; sent += 16 * 1024) req.write(' '.repeat(Math.min(16 * 1024, bytes - sent)));
  });
}

/** A request body that never ends (16 KiB of spaces per pull) and counts what was read of it. */
function endlessBody() {
  const seen = { bytes: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      await new Promise((resolve) => setTimeout(resolve, 1));
      seen.bytes += 16 * 1024;
      controller.enqueue(new Uint8Array(16 * 1024).fill(32));
    },
    cancel() {
      seen.cancelled = true;
    },
  });
  return { stream, seen };
}

/** A request body that never sends a byte. */
const stalledBody = () => new ReadableStream<Uint8Array>({ pull: () => new Promise<void>(() => undefined) });

const streamingPost = (url: string, body: ReadableStream<Uint8Array>, headers: Record<string, string> = {}) =>
  new Request(url, { method: 'POST', headers, body, duplex: 'half' } as RequestInit);

describe('mintKs', () => {
  test('v2 and v1 KS are accepted by Kaltura; tampered ones get 401', async () => {
    const partnerId = newPartner();
    await acceptUserKs(partnerId);
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

describe('verifyKs and ksAuthenticator', () => {
  test('verifyKs reads back v1 and v2 sessions from mintKs and the sandbox, and nothing made with another secret', () => {
    const partnerId = newPartner();
    const secret = sandboxAdminSecret(partnerId);
    for (const format of ['v1', 'v2'] as const) {
      const { ks, expiresAt } = mintKs({ partnerId, secret, userId: 'ada@example.com', privileges: 'entryId:1_abc,*', format });
      assert.deepEqual(verifyKs(ks, secret), {
        version: format === 'v1' ? 1 : 2,
        partnerId,
        expiry: Date.parse(expiresAt) / 1000,
        type: 0,
        userId: 'ada@example.com',
        privileges: { entryId: '1_abc', all: '*' },
      });
      assert.equal(verifyKs(ks, 'another-secret'), undefined, format);
      // Kaltura's own minter (the sandbox's, written from the guides) is read the same way.
      const theirs = mintSandboxKs({ partnerId, userId: 'grace@example.com', type: 2, format }).ks;
      assert.deepEqual([verifyKs(theirs, secret)?.type, verifyKs(theirs, secret)?.userId], [2, 'grace@example.com']);
    }
    for (const junk of ['', 'not a ks', 'djJ8MTIzfA==', 'a'.repeat(80)]) assert.equal(verifyKs(junk, secret), undefined, junk);
  });

  test('accepts a valid v1 or v2 USER KS; refuses ADMIN, expired, other partner, tampered, userless and elevated sessions', async () => {
    const partnerId = newPartner();
    const secret = sandboxAdminSecret(partnerId);
    const revoked = new Set<string>();
    const authenticate = ksAuthenticator({ partnerId: String(partnerId), secret, accept: (session) => !revoked.has(session.userId) });
    const who = async (ks: string | undefined) => {
      const headers: Record<string, string> = ks === undefined ? {} : { Authorization: `Bearer ${ks}` };
      return (await authenticate(new Request('http://host.test/api/game/userScore/get', { method: 'POST', headers })))?.userId ?? null;
    };

    assert.equal(await who(userKs(partnerId, 'ada@example.com', 'v1')), 'ada@example.com');
    assert.equal(await who(userKs(partnerId, 'ada@example.com', 'v2')), 'ada@example.com');
    assert.equal(await who(mintSandboxKs({ partnerId, userId: 'grace@example.com' }).ks), 'grace@example.com');

    const tamper = (ks: string) => ks.slice(0, 30) + (ks[30] === 'A' ? 'B' : 'A') + ks.slice(31);
    const refused: Record<string, string | undefined> = {
      'no Authorization': undefined,
      'not a KS': 'hello',
      ADMIN: mintKs({ partnerId, secret, userId: 'ada@example.com', type: 2 }).ks,
      'ADMIN v1': mintKs({ partnerId, secret, userId: 'ada@example.com', type: 2, format: 'v1' }).ks,
      expired: mintSandboxKs({ partnerId, userId: 'ada@example.com', expiresIn: -60 }).ks,
      'another partner': mintKs({ partnerId: partnerId + 1, secret, userId: 'ada@example.com' }).ks,
      'another secret': mintKs({ partnerId, secret: 'not-the-secret', userId: 'ada@example.com' }).ks,
      'tampered v1': tamper(userKs(partnerId, 'ada@example.com', 'v1')),
      'tampered v2': tamper(userKs(partnerId, 'ada@example.com', 'v2')),
      'no userId': mintSandboxKs({ partnerId, userId: '' }).ks,
      setrole: mintKs({ partnerId, secret, userId: 'ada@example.com', privileges: 'setrole:PARTNER_ADMIN' }).ks,
      disableentitlement: mintKs({ partnerId, secret, userId: 'ada@example.com', privileges: 'disableentitlement' }).ks,
      'all (*)': mintKs({ partnerId, secret, userId: 'ada@example.com', privileges: '*', format: 'v1' }).ks,
    };
    for (const [label, ks] of Object.entries(refused)) assert.equal(await who(ks), null, label);

    revoked.add('ada@example.com');
    assert.equal(await who(userKs(partnerId, 'ada@example.com')), null, 'accept() refused a revoked session');
    assert.throws(() => ksAuthenticator({ partnerId, secret: '' }), /secret must be a non-empty string/);
    assert.throws(() => ksAuthenticator({ partnerId: 'x', secret }), /partnerId must be a positive integer/);
  });
});

describe('createTokenHandler', () => {
  test('401 without a user; { ks, expiresAt } with no-store for a user; USER KS only', async () => {
    const partnerId = newPartner();
    await acceptUserKs(partnerId);
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
    assert.equal(response.headers.get('access-control-allow-origin'), null, 'no CORS unless origins are listed');
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
    assert.deepEqual(await viewRoom(await get('guest@example.com', '?entryId=1_sandboxroom&widget=Not-A-Widget')), {
      status: 200, entryId: '1_sandboxroom', userId: 'guest@example.com', role: 'participant',
    });
    assert.deepEqual(seen, [
      { entryId: '1_sandboxroom', widget: 'room-embed' },
      { entryId: '1_sandboxroom', widget: undefined },
    ]);
  });

  test("entry ids follow <kal-room-embed>'s rule: what it sends gets the room, anything else a 400", async () => {
    const partnerId = newPartner();
    const seen: Array<string | undefined> = [];
    const handler = createTokenHandler({
      authenticate: cookieUser,
      mint: { partnerId, secret: sandboxAdminSecret(partnerId), format: 'v1' },
      privileges: (_user, _request, { entryId }) => {
        seen.push(entryId);
        return entryId ? `entryId:${entryId}` : '';
      },
    });
    const get = (query: string) => handler(new Request(`http://host.test/ks${query}`, { headers: { cookie: 'user=guest' } }));

    for (const entryId of ['1_sandboxroom', '0_abc-def', 'room_123', 'A'.repeat(64)]) {
      assert.ok(isEntryId(entryId), entryId);
      const response = await get(`?entryId=${entryId}`);
      assert.equal(response.status, 200, entryId);
      assert.equal(readV1(((await response.json()) as { ks: string }).ks).privileges, `entryId:${entryId}`, entryId);
    }
    for (const entryId of ['1_sandboxroom,roomModerator:1', '1_a/b', 'a:b', '', 'A'.repeat(65)]) {
      assert.ok(!isEntryId(entryId), entryId);
      const response = await get(`?entryId=${encodeURIComponent(entryId)}`);
      assert.deepEqual([response.status, await response.json()], [400, { error: 'invalid entryId' }], entryId);
    }
    assert.deepEqual(seen, ['1_sandboxroom', '0_abc-def', 'room_123', 'A'.repeat(64)], 'no KS was minted for a refused id');
    // One rule, one module: the element and the server agree by construction.
    assert.equal(elementIsEntryId, isEntryId);
    assert.equal(ENTRY_ID_PATTERN.source, '^[A-Za-z0-9_-]{1,64}$');
  });

  test('a mint result is served only when its type is USER by number and by what the KS says', async () => {
    const partnerId = newPartner();
    const secret = sandboxAdminSecret(partnerId);
    const admin = (format: 'v1' | 'v2') => mintKs({ partnerId, secret, type: 2, format });
    const user = (format: 'v1' | 'v2') => mintKs({ partnerId, secret, userId: 'u', format });
    const serve = async (result: { ks: string; expiresAt: string; type?: unknown }) => {
      const errors: unknown[] = [];
      const handler = createTokenHandler({
        authenticate: () => ({ userId: 'u' }),
        mint: () => result as { ks: string; expiresAt: string },
        onError: (error) => errors.push(error),
      });
      const response = await handler(new Request('http://host.test/ks'));
      const text = await response.text();
      if (response.status !== 200) assert.ok(!text.includes(result.ks), 'a refused KS never leaks');
      return { status: response.status, error: String(errors[0] ?? '') };
    };

    const refusedAdmin: Array<{ ks: string; expiresAt: string; type?: unknown }> = [
      { ...admin('v2'), type: '2' },
      { ...admin('v2'), type: ' 2 ' },
      { ...admin('v2'), type: 2.0 },
      { ...admin('v1') },
      { ...admin('v1'), type: 0 },
      { ...user('v2'), type: 'USER' },
    ];
    for (const result of refusedAdmin) {
      const { status, error } = await serve(result);
      assert.equal(status, 500, JSON.stringify(result.type));
      assert.match(error, /browsers may only receive a USER KS/);
    }
    // A v2 KS says nothing to a handler without the secret: the minter must say type 0.
    for (const result of [admin('v2'), user('v2'), { ...admin('v2'), type: null }]) {
      const { status, error } = await serve(result);
      assert.equal(status, 500);
      assert.match(error, /mint must say type: 0/);
    }
    assert.equal((await serve({ ...user('v2'), type: '0' })).status, 200);
    assert.equal((await serve({ ...user('v2'), type: 0 })).status, 200);
    assert.equal((await serve(user('v1'))).status, 200, 'a v1 KS says its own type');
  });

  test('minting with the secret reads the type of its v2 KS back', async () => {
    const partnerId = newPartner();
    const handler = createTokenHandler({ authenticate: () => ({ userId: 'u' }), mint: { partnerId, secret: sandboxAdminSecret(partnerId) } });
    const response = await handler(new Request('http://host.test/ks'));
    assert.equal(response.status, 200);
    const { ks } = (await response.json()) as { ks: string };
    assert.equal(verifyKs(ks, sandboxAdminSecret(partnerId))?.type, 0);
  });

  test('allowedOrigins: CORS with credentials for the listed origins; other cross-site callers stay refused', async () => {
    const partnerId = newPartner();
    const handler = createTokenHandler({
      authenticate: cookieUser,
      mint: { partnerId, secret: sandboxAdminSecret(partnerId) },
      allowedOrigins: ['https://cms.example', 'http://localhost:8080/'],
    });
    const get = (origin: string | undefined, cookie = 'user=ada') =>
      handler(
        new Request('https://backend.example/api/kaltura-ks', {
          headers: { cookie, ...(origin ? { origin, 'sec-fetch-site': 'cross-site' } : {}) },
        }),
      );

    for (const origin of ['https://cms.example', 'http://localhost:8080']) {
      const response = await get(origin);
      assert.equal(response.status, 200, origin);
      assert.equal(response.headers.get('access-control-allow-origin'), origin);
      assert.equal(response.headers.get('access-control-allow-credentials'), 'true');
      assert.match(response.headers.get('vary') ?? '', /Origin/);
    }
    const signedOut = await get('https://cms.example', '');
    assert.equal(signedOut.status, 401);
    assert.equal(signedOut.headers.get('access-control-allow-origin'), 'https://cms.example', 'the page can tell it is signed out');

    const foreign = await get('https://evil.example');
    assert.equal(foreign.status, 403);
    assert.equal(foreign.headers.get('access-control-allow-origin'), null);
    const sameOrigin = await get(undefined);
    assert.equal(sameOrigin.status, 200);
    assert.equal(sameOrigin.headers.get('access-control-allow-origin'), null);

    for (const bad of ['cms.example', 'https://cms.example/path', 'ftp://cms.example', '*']) {
      assert.throws(() => createTokenHandler({ authenticate: cookieUser, mint: { partnerId, secret: 's' }, allowedOrigins: [bad] }), TypeError, bad);
    }
  });

  test('mounted with toNodeHandler in a node:http server', async () => {
    const partnerId = newPartner();
    await acceptUserKs(partnerId);
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

  test('passes the body as a stream: a handler that answers without it never waits for it', async () => {
    let handled = 0;
    const base = await listen(async () => {
      handled++;
      return new Response('{"code":"UNAUTHORIZED"}', { status: 401 });
    });
    const answer = await within(2_000, stalledPost(`${base}/api/game/userScore/list`, {}, 100), 'a handler that never reads the body');
    assert.deepEqual([answer.status, handled], [401, 1]);
  });

  test('bodyTimeoutMs: a stalled body gets 408; maxBodyBytes: a streamed body past it gets 413 without its end', async () => {
    const reader = async (request: Request) => new Response(await request.text());
    const base = await listen(reader, { bodyTimeoutMs: 200, maxBodyBytes: 32 * 1024 });
    const stalled = await within(3_000, stalledPost(`${base}/slow`, {}, 10), 'a stalled body');
    assert.deepEqual([stalled.status, stalled.body], [408, 'request body timed out']);
    const large = await within(3_000, stalledPost(`${base}/large`, {}, 48 * 1024), 'a body past maxBodyBytes');
    assert.deepEqual([large.status, large.body], [413, 'request body too large']);
    // A complete body within the limits reads as it was sent.
    const whole = await fetch(`${base}/ok`, { method: 'POST', body: 'x'.repeat(20_000) });
    assert.deepEqual([whole.status, (await whole.text()).length], [200, 20_000]);
  });
});

describe('startAppTokenSession', () => {
  test('widget session → tokenHash → appToken.startSession, end to end', async () => {
    const partnerId = newPartner();
    await acceptUserKs(partnerId);
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

/**
 * Calls a proxy mounted at `mount` as `user` (with a USER KS of the partner, as the widgets send it),
 * or as nobody; every answer is checked for the ADMIN KS: none may carry it.
 */
function proxyCaller(mount: string, partnerId: number, admin: string) {
  return async (action: string, body: unknown, user: string | null = 'viewer@example.com', headers: Record<string, string> = {}) => {
    const response = await fetch(`${mount}/${action}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(user ? { Authorization: `Bearer ${userKs(partnerId, user)}` } : {}), ...headers },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    assert.ok(!text.includes(admin), `no ADMIN KS in the answer to ${action}`);
    return { status: response.status, headers: response.headers, text, body: JSON.parse(text) as Record<string, any> };
  };
}

describe('createGameProxy', () => {
  /**
   * A proxy in a node:http server under /api/game/, identifying viewers by their USER KS as in
   * production. Every answer is checked for the ADMIN KS: none may carry it.
   */
  async function startProxy(partnerId: number, extra: Partial<GameProxyOptions> = {}) {
    const admin = typeof extra.adminKs === 'string' ? extra.adminKs : adminKs(partnerId);
    const base = await listen(
      createGameProxy({
        gameUrl: scm(),
        adminKs: admin,
        viewerKs: { partnerId, secret: sandboxAdminSecret(partnerId) },
        userDirectory: { serviceUrl: apiV3() },
        ...extra,
      }),
    );
    return proxyCaller(`${base}/api/game`, partnerId, admin);
  }
  const callsTo = async (partnerId: number, path: string) => (await sandboxCalls(partnerId)).filter((call) => call.path.endsWith(path)).length;
  const userList = '/service/user/action/list';
  const groupUserList = '/service/groupUser/action/list';
  const ids = (rows: Array<{ userId: string }>) => rows.map((row) => row.userId);
  const hiddenIds = () => [...SEEDED_PEOPLE.hiddenSpeakers, ...SEEDED_PEOPLE.staff, SEEDED_PEOPLE.speakerStaff] as string[];

  test('forwards reads with the ADMIN KS; a page costs one user.list and one groupUser.list, then comes from the cache', async () => {
    const partnerId = newPartner();
    const call = await startProxy(partnerId);
    const page = { gameObjectId: 'lb_conference', pager: { pageSize: 10, pageIndex: 1 } };
    const first = await call('userScore/list', page);
    assert.equal(first.status, 200);
    assert.equal(first.headers.get('cache-control'), 'no-store, private');
    assert.ok(first.body.objects.length >= 8, 'ten rows less the hidden ones');
    for (const row of first.body.objects) {
      assert.equal(typeof row.userId, 'string');
      assert.equal(typeof row.fullName, 'string', `a name for ${row.userId}`);
      assert.ok(row.fullName.length > 0);
    }
    assert.deepEqual([await callsTo(partnerId, userList), await callsTo(partnerId, groupUserList)], [1, 1]);
    assert.equal((await call('userScore/list', page)).status, 200);
    assert.deepEqual([await callsTo(partnerId, userList), await callsTo(partnerId, groupUserList)], [1, 1], 'cached');
    assert.equal(await callsTo(partnerId, '/leaderboard/get'), 1, 'the policy is read once');
    // Upstream, every call carried the ADMIN KS, never the viewer's.
    for (const { path, userId } of await sandboxCalls(partnerId)) assert.equal(userId, 'admin@example.com', path);

    const own = await call('userScore/get', { gameObjectId: 'lb_conference' });
    assert.equal(own.status, 200);
    assert.deepEqual([own.body.userId, own.body.fullName, own.body.rank, own.body.hiddenFromOthers], ['viewer@example.com', 'Ada Viewer', 57, undefined]);
    const board = await call('leaderboard/get', { id: 'lb_conference' });
    assert.deepEqual([board.status, board.body.id], [200, 'lb_conference']);
    const badges = await call('badge/list', { filter: { idIn: ['badge_attendee'] } });
    assert.deepEqual([badges.status, badges.body.objects.map((badge: { id: string }) => badge.id)], [200, ['badge_attendee']]);
    assert.equal((await call('badge/get', { id: 'badge_attendee' })).status, 200);
    const progress = await call('userScore/ruleProgress', { gameObjectId: 'badge_attendee' });
    assert.deepEqual([progress.status, progress.body.userId], [200, 'viewer@example.com']);
  });

  test('refuses anything but the read actions, anonymous callers and sessions that are not a viewer\'s', async () => {
    const partnerId = newPartner();
    const call = await startProxy(partnerId);
    const denied = await call('rule/create', { name: 'x' });
    assert.equal(denied.status, 403);
    assert.deepEqual(denied.body, { code: 'FORBIDDEN_ACTION', message: 'action "rule/create" is not allowed through this proxy' });
    // userBadge/list answers every user's rows (guide §7.4): the viewer's progress is userScore/ruleProgress.
    for (const action of ['userBadge/list', 'leaderboard/update', 'userScore/clear', 'report/generate', 'leaderboard/list', 'certificate/list', 'rule/get', 'userLeadScoring/list']) {
      assert.equal((await call(action, { gameObjectId: 'badge_attendee' })).status, 403, action);
    }
    assert.equal((await call('leaderboard/get', { id: 'lb_conference' }, null)).status, 401);
    const forged = { Authorization: `Bearer ${adminKs(partnerId)}` };
    assert.equal((await call('leaderboard/get', { id: 'lb_conference' }, null, forged)).status, 401, 'an ADMIN KS is not a viewer');
    const cookie = { cookie: 'user=viewer%40example.com' };
    assert.equal((await call('leaderboard/get', { id: 'lb_conference' }, null, cookie)).status, 401, 'cookies mean nothing to the KS check');
    assert.equal((await sandboxCalls(partnerId)).length, 0, 'nothing reached Game Services');
    assert.deepEqual([...GAME_PROXY_ACTIONS].sort(), [
      'badge/get', 'badge/list', 'certificate/get', 'leaderboard/get', 'rule/list',
      'userCertificateReport/list', 'userScore/get', 'userScore/list', 'userScore/ruleProgress',
    ]);
  });

  test("bodies are built from each action's fields: another user's data cannot be asked for", async () => {
    const partnerId = newPartner();
    await control({ partnerId, userId: 'user-3', badgeId: 'badge_attendee', ruleId: 'rule_attendee_sessions', progress: 2 }, '/progress');
    const call = await startProxy(partnerId);
    const smuggled = { userId: 'user-3', filter: { userIdEqual: 'user-3', userIdIn: ['user-3'] }, ks: adminKs(partnerId) };

    const score = await call('userScore/get', { gameObjectId: 'lb_conference', ...smuggled });
    assert.deepEqual([score.status, score.body.userId, score.body.rank], [200, 'viewer@example.com', 57]);
    const theirs = await call('userScore/ruleProgress', { gameObjectId: 'badge_attendee', ...smuggled }, 'user-3');
    assert.deepEqual([theirs.status, theirs.body.userId, theirs.body.rulesData[0].progress], [200, 'user-3', 2]);
    const mine = await call('userScore/ruleProgress', { gameObjectId: 'badge_attendee', ...smuggled });
    assert.equal(mine.body.userId, 'viewer@example.com');
    assert.notDeepEqual(mine.body.rulesData, theirs.body.rulesData);

    for (const [action, body, message] of [
      ['userScore/get', {}, '"gameObjectId" must be a non-empty id'],
      ['leaderboard/get', { id: 42 }, '"id" must be a non-empty id'],
      ['userScore/list', { gameObjectId: 'lb_conference', pager: { pageSize: '10' } }, '"pager.pageSize" must be a number'],
      ['userScore/list', { gameObjectId: 'badge_attendee', gameObjectType: 'badge' }, '"gameObjectType" must be "leaderboard"'],
      ['badge/list', { filter: { idIn: 'badge_attendee' } }, '"filter.idIn" must be an array of at most 100 ids'],
      ['badge/list', { filter: { idIn: Array.from({ length: 101 }, (_, i) => `b${i}`) } }, '"filter.idIn" must be an array of at most 100 ids'],
    ] as const) {
      const refused = await call(action, body);
      assert.deepEqual([refused.status, refused.body], [400, { code: 'INVALID_REQUEST', message }], action);
    }
    assert.deepEqual((await call('badge/list', [1, 2])).body, { code: 'INVALID_REQUEST', message: 'body must be a JSON object' });
  });

  test('pageSize is clamped to 100: one request costs one look-up of each kind', async () => {
    const partnerId = newPartner();
    const call = await startProxy(partnerId);
    const page = await call('userScore/list', { gameObjectId: 'lb_huge', pager: { pageSize: 500 } });
    assert.equal(page.status, 200);
    assert.ok(page.body.objects.length <= 100 && page.body.objects.length >= 95, `${page.body.objects.length} rows`);
    assert.deepEqual([await callsTo(partnerId, userList), await callsTo(partnerId, groupUserList)], [1, 1]);
    const first = await call('userScore/list', { gameObjectId: 'lb_huge', pager: { pageSize: 1000, pageIndex: 0 } });
    assert.deepEqual([first.status, first.body.objects[0].rank], [200, 1], 'pageIndex 0 reads as the first page');
    const tiny = await call('userScore/list', { gameObjectId: 'lb_huge', pager: { pageSize: -5 } });
    assert.ok(tiny.body.objects.length <= 1);
  });

  test('hidden speakers and staff never reach another viewer: no row, id or name of theirs', async () => {
    const partnerId = newPartner();
    const call = await startProxy(partnerId);
    const admin = adminKs(partnerId);
    for (const board of ['lb_conference', 'lb_huge']) {
      const adminView = (await (await gameCall('userScore/list', admin, { gameObjectId: board, pager: { pageSize: 20 } })).json()) as {
        totalCount: number;
        objects: Array<{ userId: string; rank: number }>;
      };
      const speakerRows = adminView.objects.filter((row) => SEEDED_PEOPLE.hiddenSpeakers.includes(row.userId));
      assert.equal(speakerRows.length, 2, `${board}: both speakers are in the admin top 20`);

      const page = await call('userScore/list', { gameObjectId: board, pager: { pageSize: 20 } });
      assert.equal(page.status, 200);
      for (const id of hiddenIds()) assert.ok(!page.text.includes(id), `${board}: ${id} is not in the answer`);
      assert.deepEqual(
        ids(page.body.objects),
        ids(adminView.objects).filter((id) => !SEEDED_PEOPLE.hiddenSpeakers.includes(id)),
        `${board}: the admin page less the speakers`,
      );
      // Ranks and the count stay the service's: a hidden participant keeps their place.
      const ranks = page.body.objects.map((row: { rank: number }) => row.rank);
      for (const { rank } of speakerRows) assert.ok(!ranks.includes(rank), `${board}: rank ${rank} stays empty`);
      assert.equal(page.body.totalCount, adminView.totalCount);
      assert.ok(page.body.objects.every((row: Record<string, unknown>) => !('hiddenFromOthers' in row)));
    }
    // Names are given per visible row only, from that row's own user.
    const page = await call('userScore/list', { gameObjectId: 'lb_conference', pager: { pageSize: 20 } });
    const names = await fullNames(partnerId, ids(page.body.objects));
    for (const row of page.body.objects) assert.equal(row.fullName, names.get(row.userId), row.userId);
  });

  test('a hidden viewer sees their own rows, marked hiddenFromOthers, and no one else hidden', async () => {
    const partnerId = newPartner();
    const call = await startProxy(partnerId);
    const [speaker, otherSpeaker] = SEEDED_PEOPLE.hiddenSpeakers as [string, string];
    const own = await call('userScore/get', { gameObjectId: 'lb_conference' }, speaker);
    assert.equal(own.status, 200);
    assert.deepEqual([own.body.userId, own.body.hiddenFromOthers], [speaker, true]);
    const page = await call('userScore/list', { gameObjectId: 'lb_conference', pager: { pageSize: 20 } }, speaker);
    const mine = page.body.objects.filter((row: { userId: string }) => row.userId === speaker);
    assert.equal(mine.length, 1);
    assert.equal(mine[0].hiddenFromOthers, true);
    assert.ok(!page.text.includes(otherSpeaker));
    assert.equal(page.body.objects.filter((row: Record<string, unknown>) => row.hiddenFromOthers).length, 1);
  });

  test('a failing policy look-up is a 502 POLICY_UNAVAILABLE, never unfiltered rows', async () => {
    for (const match of ['groupUser/action/list', 'user/action/list', 'leaderboard/get']) {
      const partnerId = newPartner();
      const errors: unknown[] = [];
      const call = await startProxy(partnerId, { onError: (error) => errors.push(error) });
      await control({ partnerId, fail: { status: 500, match } });
      const page = await call('userScore/list', { gameObjectId: 'lb_conference', pager: { pageSize: 20 } });
      assert.deepEqual([page.status, page.body.code], [502, 'POLICY_UNAVAILABLE'], match);
      for (const id of hiddenIds()) assert.ok(!page.text.includes(id), `${match}: ${id}`);
      assert.equal(errors.length, 1, `${match}: the host is told`);
    }
    // Without a userDirectory the emails and groups cannot be known: the same.
    const partnerId = newPartner();
    const call = await startProxy(partnerId, { userDirectory: undefined });
    const page = await call('userScore/list', { gameObjectId: 'lb_conference' });
    assert.deepEqual([page.status, page.body.code], [502, 'POLICY_UNAVAILABLE']);
  });

  test('segment rows pass unfiltered and unnamed', async () => {
    const partnerId = newPartner();
    const call = await startProxy(partnerId);
    const segments = await call('userScore/list', { gameObjectId: 'lb_conference', subLeaderboardId: 0 });
    assert.equal(segments.status, 200);
    assert.ok(segments.body.objects.length > 0);
    assert.ok(segments.body.objects.every((row: Record<string, unknown>) => !('fullName' in row)));
    assert.equal(await callsTo(partnerId, userList), 0);
  });

  test("certificates and rules pass as read; a viewer reads only their own certificate rows and rule progress", async () => {
    const partnerId = newPartner();
    const call = await startProxy(partnerId);
    const smuggled = { userId: 'user-3', filter: { userIdEqual: 'user-3' }, ks: adminKs(partnerId), pager: { pageSize: 1 } };
    const cert = await call('certificate/get', { id: 'cert_cpe', ...smuggled });
    assert.deepEqual([cert.status, cert.body.certificateEligibility, cert.body.certifiedCreditsThreshold, cert.body.host], [200, 'perEntry', 1, 'https://events.example.com']);
    assert.match(cert.body.description, /<strong>/, 'the description is relayed as the service has it');
    const rules = await call('rule/list', { gameObjectType: 'leaderboard', gameObjectId: 'lb_conference', ...smuggled });
    assert.deepEqual(rules.body.objects.map((rule: Record<string, string>) => [rule.name, rule.points, rule.maxPoints]), [
      ['Watch sessions', '10', '100'],
      ['Answer polls', '25', 'unlimited'],
      ['Chat messages', '5', '50'],
    ]);

    // The report holds everyone's rows over several pages; each viewer gets theirs alone.
    const everyone = (await (await gameCall('userCertificateReport/list', adminKs(partnerId), { gameObjectId: 'cert_attendance', pager: { pageSize: 500 } })).json()) as {
      totalCount: number;
      objects: Array<{ userId: string; credits: number }>;
    };
    assert.ok(everyone.totalCount > 200);
    const last = everyone.objects.at(-1)!;
    const reportReads = async () => (await callsTo(partnerId, '/userCertificateReport/list')) - 1; // less the admin's own read
    const own = await call('userCertificateReport/list', { gameObjectId: 'cert_attendance', ...smuggled });
    assert.deepEqual(own.body, { totalCount: 1, objects: everyone.objects.slice(0, 1) });
    assert.equal(everyone.objects[0]?.userId, 'viewer@example.com');
    assert.equal(await reportReads(), Math.ceil(everyone.totalCount / 100), 'read page by page, 100 rows a page');
    const theirs = await call('userCertificateReport/list', { gameObjectId: 'cert_attendance', userId: 'viewer@example.com' }, last.userId);
    assert.deepEqual(theirs.body.objects, [last]);
    assert.equal(await reportReads(), Math.ceil(everyone.totalCount / 100), 'one reading serves every viewer');
    const perEntry = await call('userCertificateReport/list', { gameObjectId: 'cert_cpe' });
    assert.deepEqual(perEntry.body.objects.map((row: Record<string, string>) => [row.entryId, row.status]), [['1_cpekeynote', 'CERTIFIED'], ['1_cpeaudit', 'IN_PROGRESS']]);
    assert.deepEqual((await call('userCertificateReport/list', { gameObjectId: 'cert_cpe' }, 'nobody@example.com')).body, { totalCount: 0, objects: [] });
    const missing = await call('userCertificateReport/list', { gameObjectId: 'cert_nope' });
    assert.deepEqual([missing.status, missing.body.code], [404, 'CERTIFICATE_NOT_FOUND']);

    const progress = await call('userScore/ruleProgress', { gameObjectId: 'cert_cpe', userId: 'viewer@example.com' }, last.userId);
    assert.deepEqual([progress.status, progress.body.userId, progress.body.rulesData[0].points], [200, last.userId, 0]);
    for (const { path, userId } of await sandboxCalls(partnerId)) assert.equal(userId, 'admin@example.com', path);
  });

  test('upstream errors become { code, message }: a body echoing the ADMIN KS is not relayed', async () => {
    const partnerId = newPartner();
    const admin = adminKs(partnerId);
    const call = await startProxy(partnerId, { adminKs: admin });
    await control({ partnerId, fail: { status: 400, match: 'badge/get', body: { code: 'INVALID_KS', message: `bad KS ${admin}`, ks: admin } } });
    const echoed = await call('badge/get', { id: 'badge_attendee' });
    assert.deepEqual([echoed.status, echoed.body], [400, { code: 'INVALID_KS', message: 'Game Services answered HTTP 400' }]);

    const missing = await call('leaderboard/get', { id: 'lb_missing' });
    assert.deepEqual([missing.status, missing.body], [404, { code: 'LEADERBOARD_NOT_FOUND', message: 'Game Services answered HTTP 404' }]);

    await control({ partnerId, fail: { status: 500, match: 'badge/get', body: { code: `KS ${admin}`, message: 'x' } } });
    assert.deepEqual((await call('badge/get', { id: 'badge_attendee' })).body, { code: 'UPSTREAM_ERROR', message: 'Game Services answered HTTP 500' });

    await control({ partnerId, fail: { status: 429, retryAfter: 7, match: 'badge/list' } });
    const limited = await call('badge/list', {});
    assert.deepEqual([limited.status, limited.headers.get('retry-after')], [429, '7']);

    await control({ partnerId, fail: { status: 503, match: 'badge/list', body: '<html>maintenance</html>' } });
    const html = await call('badge/list', {});
    assert.equal(html.status, 503);
    assert.match(html.headers.get('content-type') ?? '', /^application\/json/);
    assert.equal(html.body.code, 'UPSTREAM_ERROR');

    const badKs = mintKs({ partnerId, secret: 'wrong', userId: 'admin', type: 2 }).ks;
    const broken = await startProxy(partnerId, { adminKs: badKs, userDirectory: undefined });
    const refused = await broken('leaderboard/get', { id: 'lb_conference' });
    assert.deepEqual([refused.status, refused.body.code], [502, 'UPSTREAM_UNAUTHORIZED']);
  });

  test('CORS: allowed origins get a preflight and readable answers, without credentials; other cross-site callers get 403', async () => {
    const partnerId = newPartner();
    const call = await startProxy(partnerId, { allowedOrigins: ['https://cms.example'] });
    const crossSite = { 'Sec-Fetch-Site': 'cross-site' };

    const proxy = createGameProxy({ gameUrl: scm(), adminKs: adminKs(partnerId), viewerKs: { partnerId, secret: sandboxAdminSecret(partnerId) }, allowedOrigins: ['https://cms.example'] });
    const preflight = await proxy(
      new Request('http://backend.test/api/game/leaderboard/get', {
        method: 'OPTIONS',
        headers: { Origin: 'https://cms.example', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization,content-type' },
      }),
    );
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-origin'), 'https://cms.example');
    assert.equal(preflight.headers.get('access-control-allow-methods'), 'POST');
    assert.equal(preflight.headers.get('access-control-allow-headers'), 'Authorization, Content-Type');
    assert.equal(preflight.headers.get('vary'), 'Origin');
    assert.equal(preflight.headers.get('access-control-allow-credentials'), null);
    const foreignPreflight = await proxy(new Request('http://backend.test/api/game/leaderboard/get', { method: 'OPTIONS', headers: { Origin: 'https://evil.example' } }));
    assert.equal(foreignPreflight.headers.get('access-control-allow-origin'), null);

    const read = await call('leaderboard/get', { id: 'lb_conference' }, 'viewer@example.com', { ...crossSite, Origin: 'https://cms.example' });
    assert.equal(read.status, 200);
    assert.equal(read.headers.get('access-control-allow-origin'), 'https://cms.example');
    assert.equal(read.headers.get('access-control-expose-headers'), 'Retry-After');
    assert.equal(read.headers.get('access-control-allow-credentials'), null);
    const signedOut = await call('leaderboard/get', { id: 'lb_conference' }, null, { ...crossSite, Origin: 'https://cms.example' });
    assert.deepEqual([signedOut.status, signedOut.headers.get('access-control-allow-origin')], [401, 'https://cms.example']);

    const foreign = await call('leaderboard/get', { id: 'lb_conference' }, 'viewer@example.com', { ...crossSite, Origin: 'https://evil.example' });
    assert.deepEqual([foreign.status, foreign.headers.get('access-control-allow-origin')], [403, null]);
    assert.throws(() => createGameProxy({ gameUrl: scm(), adminKs: 'x', authenticate: cookieUser, allowedOrigins: ['https://cms.example/*'] }), TypeError);
  });

  test("a host's authenticate (a cookie, same origin) replaces viewerKs; one of the two is required", async () => {
    const partnerId = newPartner();
    const base = await listen(
      createGameProxy({ gameUrl: scm(), adminKs: adminKs(partnerId), authenticate: cookieUser, userDirectory: { serviceUrl: apiV3() } }),
    );
    const read = (cookie: string) =>
      fetch(`${base}/api/game/userScore/get`, { method: 'POST', headers: { cookie }, body: '{"gameObjectId":"lb_final"}' });
    assert.equal((await read('')).status, 401);
    const own = await read('user=viewer%40example.com');
    assert.deepEqual([own.status, ((await own.json()) as { rank: number }).rank], [200, 12]);
    assert.throws(() => createGameProxy({ gameUrl: scm(), adminKs: 'x' }), /give viewerKs .* or an authenticate function/);
  });
});

/** Display names straight from API v3, as an admin sees them. */
async function fullNames(partnerId: number, userIds: string[]): Promise<Map<string, string>> {
  const response = await fetch(`${apiV3()}/service/user/action/list`, {
    method: 'POST',
    body: new URLSearchParams({ ks: adminKs(partnerId), format: '1', 'filter[idIn]': userIds.join(','), 'pager[pageSize]': '500' }),
  });
  const { objects } = (await response.json()) as { objects: Array<{ id: string; fullName: string }> };
  return new Map(objects.map((user) => [user.id, user.fullName]));
}

type Route = (body: Record<string, any>) => unknown;

/**
 * A stub `fetch` answering JSON services (`/api/v1/{controller}/{action}`) and API v3
 * (`/service/…/action/…`, form) calls by path, and recording them.
 */
function stubUpstream(routes: Record<string, Route>) {
  const asked: Array<{ path: string; body: Record<string, any> }> = [];
  const fetch: FetchLike = async (input, init) => {
    const { pathname } = new URL(String(input));
    const v3 = /\/service\/([^/]+)\/action\/([^/]+)$/.exec(pathname);
    const path = v3 ? `${v3[1]}/${v3[2]}` : pathname.replace(/^\/api\/v1\//, '');
    const body = init?.body instanceof URLSearchParams ? Object.fromEntries(init.body) : JSON.parse(String(init?.body));
    asked.push({ path, body });
    const route = routes[path];
    const answer = route ? route(body) : new Response('{"code":"NOT_FOUND"}', { status: 404 });
    return answer instanceof Response ? answer : Response.json(answer);
  };
  const count = (path: string) => asked.filter((entry) => entry.path === path).length;
  return { fetch, asked, count };
}

/** Calls a proxy handler in-process under `mount`; no answer may carry `admin`. */
function inProcessCaller(proxy: WebHandler, mount: string, admin: string) {
  return async (action: string, body: unknown) => {
    const response = await proxy(new Request(`${mount}/${action}`, { method: 'POST', body: JSON.stringify(body) }));
    const text = await response.text();
    assert.ok(!text.includes(admin), `no ADMIN KS in the answer to ${action}`);
    return { status: response.status, headers: response.headers, text, body: JSON.parse(text) as Record<string, any> };
  };
}

describe('createGameProxy over a stub Game Services', () => {
  const STUB_ADMIN_KS = mintKs({ partnerId: 1, secret: 'stub-secret', userId: 'admin', type: 2 }).ks;
  const POLICY = {
    userDefaultPolicy: 'display',
    policies: [
      { policy: 'do_not_save', matchCriteria: 'byEmailDomain', values: ['@Staff.Test'] },
      { policy: 'do_not_display', matchCriteria: 'byGroup', values: ['speakers'] },
    ],
  };
  const PEOPLE: Record<string, { email?: string; fullName: string; groups: string[] }> = {
    viewer: { email: 'viewer@fans.test', fullName: 'Viewer', groups: [] },
    fan: { fullName: 'A Fan', groups: ['fans'] },
    speaker: { email: 'speaker@fans.test', fullName: 'Secret Speaker', groups: ['speakers'] },
    staffer: { email: 'staffer@STAFF.test', fullName: 'Secret Staffer', groups: [] },
  };
  function stubProxy(routes: Record<string, Route>, options: Partial<GameProxyOptions> & { viewer?: string } = {}) {
    const upstream = stubUpstream(routes);
    const { viewer = 'viewer', ...rest } = options;
    const proxy = createGameProxy({
      gameUrl: 'https://scm.test/api/v1',
      adminKs: STUB_ADMIN_KS,
      authenticate: () => ({ userId: viewer }),
      userDirectory: { serviceUrl: 'https://api.test/api_v3' },
      fetch: upstream.fetch,
      ...rest,
    });
    return { call: inProcessCaller(proxy, 'https://host.test/api/game', STUB_ADMIN_KS), ...upstream };
  }

  /** API v3 `user/list` and `groupUser/list` over PEOPLE. */
  const directoryRoutes: Record<string, Route> = {
    'user/list': (body) => ({
      objects: String(body['filter[idIn]'])
        .split(',')
        .flatMap((id) => (PEOPLE[id] ? [{ id, fullName: PEOPLE[id]!.fullName, ...(PEOPLE[id]!.email ? { email: PEOPLE[id]!.email } : {}) }] : [])),
    }),
    'groupUser/list': (body) => {
      const objects = String(body['filter[userIdIn]'])
        .split(',')
        .flatMap((userId) => (PEOPLE[userId]?.groups ?? []).map((groupId) => ({ userId, groupId, status: 1 })));
      return { totalCount: objects.length, objects };
    },
  };
  const rows = [
    { userId: 'speaker', rank: 1, score: 90 },
    { rank: 2, score: 80 },
    { userId: 'viewer', rank: 3, score: 70 },
    { userId: 'staffer', rank: 4, score: 60 },
    { userId: 'fan', rank: 5, score: 50 },
    'not a row',
  ];
  const boardRoutes = (participationPolicy: unknown = POLICY): Record<string, Route> => ({
    ...directoryRoutes,
    'leaderboard/get': (body) => ({ id: body.id, participationPolicy }),
    'userScore/list': () => ({ totalCount: 6, objects: rows, note: 'more fields are not relayed' }),
    'userScore/get': (body) => ({ userId: body.userId, rank: 1, score: 90 }),
  });

  test('hidden rows and rows without a userId do not pass; the viewer\'s own hidden row is marked', async () => {
    const { call } = stubProxy(boardRoutes());
    const page = await call('userScore/list', { gameObjectId: 'lb' });
    assert.equal(page.status, 200);
    assert.deepEqual(page.body, {
      totalCount: 6,
      objects: [
        { userId: 'viewer', rank: 3, score: 70, fullName: 'Viewer' },
        { userId: 'fan', rank: 5, score: 50, fullName: 'A Fan' },
      ],
    });
    for (const secret of ['speaker', 'Secret', 'staffer', '"rank":2', '90', '60']) assert.ok(!page.text.includes(secret), secret);

    const asSpeaker = stubProxy(boardRoutes(), { viewer: 'speaker' });
    const own = await asSpeaker.call('userScore/list', { gameObjectId: 'lb' });
    assert.deepEqual(own.body.objects.map((row: Record<string, unknown>) => [row.userId, row.hiddenFromOthers]), [
      ['speaker', true],
      ['viewer', undefined],
      ['fan', undefined],
    ]);
    const ownScore = await asSpeaker.call('userScore/get', { gameObjectId: 'lb' });
    assert.deepEqual(ownScore.body, { userId: 'speaker', rank: 1, score: 90, hiddenFromOthers: true, fullName: 'Secret Speaker' });
  });

  test('the policy is read once per policyCacheMs; look-ups are cached; an all-display policy needs none', async () => {
    const cached = stubProxy(boardRoutes());
    for (let i = 0; i < 3; i++) assert.equal((await cached.call('userScore/list', { gameObjectId: 'lb' })).status, 200);
    assert.deepEqual([cached.count('leaderboard/get'), cached.count('user/list'), cached.count('groupUser/list')], [1, 1, 1]);
    const batch = cached.asked.find((entry) => entry.path === 'groupUser/list')!.body;
    assert.deepEqual(batch['filter[userIdIn]'].split(',').sort(), ['fan', 'speaker', 'staffer', 'viewer']);

    const uncached = stubProxy(boardRoutes(), { policyCacheMs: 0 });
    await uncached.call('userScore/list', { gameObjectId: 'lb' });
    await uncached.call('userScore/list', { gameObjectId: 'lb' });
    assert.equal(uncached.count('leaderboard/get'), 2);

    const open = stubProxy(boardRoutes({ userDefaultPolicy: 'display', policies: [] }), { userDirectory: undefined });
    const page = await open.call('userScore/list', { gameObjectId: 'lb' });
    assert.equal(page.body.objects.length, 5, 'every row, the one without a userId included');
    const noPolicy = stubProxy(boardRoutes(null), { userDirectory: undefined });
    assert.equal((await noPolicy.call('userScore/list', { gameObjectId: 'lb' })).body.objects.length, 5, 'no policy: all visible (guide §4.2)');
    assert.deepEqual([open.count('user/list'), open.count('groupUser/list')], [0, 0]);
  });

  test('a policy the proxy cannot evaluate, or cannot read, fails closed', async () => {
    const unknownRule = { userDefaultPolicy: 'display', policies: [{ policy: 'do_not_display', matchCriteria: 'byCountry', values: ['FR'] }] };
    for (const policy of [unknownRule, { userDefaultPolicy: 'display', policies: 'all' }, 'display']) {
      const { call } = stubProxy(boardRoutes(policy));
      const page = await call('userScore/list', { gameObjectId: 'lb' });
      assert.deepEqual([page.status, page.body.code], [502, 'POLICY_UNAVAILABLE'], JSON.stringify(policy));
    }
    // A default that hides everyone needs no look-ups and leaves only the viewer's own row.
    const { call, count } = stubProxy(boardRoutes({ userDefaultPolicy: 'do_not_display' }));
    const page = await call('userScore/list', { gameObjectId: 'lb' });
    assert.deepEqual(page.body.objects.map((row: Record<string, unknown>) => [row.userId, row.hiddenFromOthers]), [['viewer', true]]);
    assert.equal(count('groupUser/list'), 0);
  });

  test('the ADMIN KS is redacted from relayed answers', async () => {
    const { call } = stubProxy({
      'leaderboard/get': () => ({ id: 'lb', description: `made with ${STUB_ADMIN_KS}`, participationPolicy: null, extra: [STUB_ADMIN_KS] }),
    });
    const board = await call('leaderboard/get', { id: 'lb' });
    assert.equal(board.status, 200);
    assert.deepEqual(board.body, { id: 'lb', description: 'made with [redacted]', participationPolicy: null, extra: ['[redacted]'] });
  });

  test('a per-user answer about another user is refused; the browser never picks the user', async () => {
    const { call, asked } = stubProxy({
      ...boardRoutes(),
      'userScore/get': () => ({ userId: 'fan', rank: 5, score: 50 }),
      'userScore/ruleProgress': () => ({ userId: 'fan', rulesData: [] }),
    });
    for (const action of ['userScore/get', 'userScore/ruleProgress']) {
      const answer = await call(action, { gameObjectId: 'lb', userId: 'fan' });
      assert.deepEqual([answer.status, answer.body.code], [502, 'UPSTREAM_INVALID_RESPONSE'], action);
      assert.ok(!answer.text.includes('"score"'));
    }
    assert.deepEqual(
      asked.filter((entry) => entry.path.startsWith('userScore/')).map((entry) => entry.body),
      [{ gameObjectId: 'lb', userId: 'viewer' }, { gameObjectId: 'lb', userId: 'viewer' }],
    );
  });

  test('upstream bodies carry the allowed fields only, pagers clamped', async () => {
    const { call, asked } = stubProxy({ ...boardRoutes({ userDefaultPolicy: 'display', policies: [] }), 'badge/list': () => ({ objects: [] }), 'badge/get': () => ({}) });
    const extra = { userId: 'fan', filter: { userIdIn: ['fan'], virtualEventIdIn: ['1'] }, ks: 'x', objectType: 'Admin' };
    await call('leaderboard/get', { id: 'lb', ...extra });
    await call('badge/get', { id: 'b', ...extra });
    await call('userScore/list', { gameObjectId: 'lb', gameObjectType: 'leaderboard', subLeaderboardId: 1, pager: { pageSize: 500.7, pageIndex: 3.2 }, ...extra });
    await call('userScore/list', { gameObjectId: 'lb', ...extra });
    await call('badge/list', { ...extra, filter: { idIn: ['b1', 'b2'], userIdEqual: 'fan' }, pager: { pageSize: 250 } });
    await call('badge/list', {});
    const gameCalls = asked.filter(({ path }) => path !== 'user/list' && path !== 'groupUser/list').map(({ path, body }) => [path, body]);
    assert.deepEqual(gameCalls, [
      ['leaderboard/get', { id: 'lb' }],
      ['badge/get', { id: 'b' }],
      ['userScore/list', { gameObjectId: 'lb', gameObjectType: 'leaderboard', pager: { pageSize: 100, pageIndex: 3 }, subLeaderboardId: 1 }],
      ['userScore/list', { gameObjectId: 'lb', pager: { pageSize: 30, pageIndex: 1 } }],
      // No policy read of its own: the relayed leaderboard/get above carried the board's policy.
      ['badge/list', { pager: { pageSize: 100, pageIndex: 1 }, filter: { idIn: ['b1', 'b2'] } }],
      ['badge/list', { pager: { pageSize: 30, pageIndex: 1 } }],
    ]);
  });

  test('under a policy without email rules, an unreachable user.list only leaves rows unnamed', async () => {
    const errors: unknown[] = [];
    const groupsOnly = { userDefaultPolicy: 'display', policies: [POLICY.policies[1]] };
    const { call } = stubProxy(
      { ...boardRoutes(groupsOnly), 'user/list': () => new Response('down', { status: 503 }) },
      { onError: (error) => errors.push(error) },
    );
    const page = await call('userScore/list', { gameObjectId: 'lb' });
    assert.equal(page.status, 200);
    assert.deepEqual(page.body.objects.map((row: Record<string, unknown>) => [row.userId, row.fullName]), [
      ['viewer', undefined],
      ['staffer', undefined],
      ['fan', undefined],
    ]);
    assert.equal(errors.length, 1);
  });
  test('the certificate and rule reads send only their documented fields; the report is read as documented, page by page', async () => {
    const report = Array.from({ length: 230 }, (_, i) => ({ userId: i % 50 === 7 ? 'viewer' : `u${i}`, gameObjectId: 'c', credits: i }));
    const page = (body: Record<string, any>) => report.slice((body.pager.pageIndex - 1) * body.pager.pageSize, body.pager.pageIndex * body.pager.pageSize);
    let viewer = 'viewer';
    const { call, asked } = stubProxy(
      {
        'certificate/get': (body) => ({ id: body.id, name: 'C' }),
        'rule/list': () => ({ totalCount: 0, objects: [] }),
        'userCertificateReport/list': (body) => ({ totalCount: report.length, objects: page(body) }),
        'userScore/ruleProgress': (body) => ({ userId: body.userId, rulesData: [] }),
      },
      { authenticate: () => ({ userId: viewer }) },
    );
    const extra = { userId: 'fan', filter: { userIdEqual: 'fan', idIn: ['x'] }, ks: 'x', pager: { pageSize: 1 }, objectType: 'Admin', gameObjectType: 'badge' };
    await call('certificate/get', { ...extra, id: 'c' });
    await call('rule/list', { ...extra, gameObjectType: 'certificate', gameObjectId: 'c' });
    const mine = await call('userCertificateReport/list', { ...extra, gameObjectId: 'c' });
    await call('userScore/ruleProgress', { ...extra, gameObjectId: 'c' });
    assert.deepEqual(mine.body, { totalCount: 5, objects: report.filter((row) => row.userId === 'viewer') });
    const pages = [1, 2, 3].map((pageIndex) => ['userCertificateReport/list', { gameObjectId: 'c', pager: { pageSize: 100, pageIndex } }]);
    assert.deepEqual(asked.map(({ path, body }) => [path, body]), [
      ['certificate/get', { id: 'c' }],
      ['rule/list', { gameObjectType: 'certificate', gameObjectId: 'c' }],
      ...pages,
      ['userScore/ruleProgress', { gameObjectId: 'c', userId: 'viewer' }],
    ]);
    viewer = 'u8';
    assert.deepEqual((await call('userCertificateReport/list', { gameObjectId: 'c', userId: 'viewer' })).body, { totalCount: 1, objects: [report[8]] });
    assert.equal(asked.length, 6, "another viewer's rows come from the same reading");

    for (const [action, body, message] of [
      ['rule/list', { gameObjectType: 'leadScoring', gameObjectId: 'ls' }, '"gameObjectType" must be "leaderboard", "badge" or "certificate"'],
      ['rule/list', { gameObjectId: 'lb' }, '"gameObjectType" must be "leaderboard", "badge" or "certificate"'],
      ['rule/list', { gameObjectType: 'leaderboard' }, '"gameObjectId" must be a non-empty id'],
      ['certificate/get', { id: ['c'] }, '"id" must be a non-empty id'],
      ['userCertificateReport/list', { filter: { idIn: ['c'] } }, '"gameObjectId" must be a non-empty id'],
    ] as const) {
      const refused = await call(action, body);
      assert.deepEqual([refused.status, refused.body], [400, { code: 'INVALID_REQUEST', message }], `${action} ${JSON.stringify(body)}`);
    }
    assert.equal(asked.length, 6, 'refused bodies send nothing');
  });

  test('a report that fails, is malformed or is too large is not shown, and a failed reading is not kept', async () => {
    const rows = Array.from({ length: 150 }, (_, i) => ({ userId: i === 120 ? 'viewer' : `u${i}` }));
    let failing = true;
    const { call, count } = stubProxy({
      'userCertificateReport/list': (body) =>
        failing && body.pager.pageIndex === 2
          ? new Response('{"code":"BUSY"}', { status: 503, headers: { 'Retry-After': '3' } })
          : body.gameObjectId === 'bad'
            ? { totalCount: 1, objects: 'rows' }
            : { totalCount: rows.length, objects: rows.slice((body.pager.pageIndex - 1) * 100, body.pager.pageIndex * 100) },
    });
    const busy = await call('userCertificateReport/list', { gameObjectId: 'c' });
    assert.deepEqual([busy.status, busy.body.code], [503, 'BUSY']);
    failing = false;
    assert.deepEqual((await call('userCertificateReport/list', { gameObjectId: 'c' })).body.objects, [rows[120]], 'read again');
    assert.equal(count('userCertificateReport/list'), 4);
    const bad = await call('userCertificateReport/list', { gameObjectId: 'bad' });
    assert.deepEqual([bad.status, bad.body.code], [502, 'UPSTREAM_INVALID_RESPONSE']);

    const errors: unknown[] = [];
    const capped = stubProxy({ 'userCertificateReport/list': () => ({ totalCount: 150, objects: rows.slice(0, 100) }) }, { maxReportRows: 149, onError: (error) => errors.push(error) });
    const tooLarge = await capped.call('userCertificateReport/list', { gameObjectId: 'c' });
    assert.deepEqual([tooLarge.status, tooLarge.body.code, errors.length], [502, 'REPORT_TOO_LARGE', 1], 'the host is told');

    // Without a count, pages are read until one comes back short.
    const roomy = stubProxy({ 'userCertificateReport/list': (body) => ({ objects: body.pager.pageIndex === 1 ? rows.slice(0, 100) : rows.slice(100) }) });
    assert.deepEqual((await roomy.call('userCertificateReport/list', { gameObjectId: 'odd' })).body.objects, [rows[120]]);
    assert.equal(roomy.count('userCertificateReport/list'), 2);
  });
});
describe('createGameProxy request bodies', () => {
  const proxyFor = (partnerId: number, extra: Partial<GameProxyOptions> = {}) =>
    createGameProxy({ gameUrl: scm(), adminKs: adminKs(partnerId), viewerKs: { partnerId, secret: sandboxAdminSecret(partnerId) }, ...extra });

  test('authenticates before reading the body, then reads it through a 64 KiB counter that stops it', async () => {
    const partnerId = newPartner();
    const proxy = proxyFor(partnerId);
    const url = 'http://host.test/api/game/userScore/list';

    const anonymous = endlessBody();
    const refused = await within(2_000, proxy(streamingPost(url, anonymous.stream)), 'an anonymous request');
    assert.equal(refused.status, 401);
    assert.equal(anonymous.seen.bytes, 0, 'nothing read for an anonymous caller');

    const signedIn = endlessBody();
    const auth = { Authorization: `Bearer ${userKs(partnerId, 'viewer@example.com')}` };
    const tooLarge = await within(5_000, proxy(streamingPost(url, signedIn.stream, auth)), 'an endless body');
    assert.equal(tooLarge.status, 413);
    assert.deepEqual(await tooLarge.json(), { code: 'INVALID_REQUEST', message: 'request body too large' });
    // The stream is pulled ahead a little, but never far past the limit, and then cancelled.
    assert.ok(signedIn.seen.bytes <= 128 * 1024, `read ${signedIn.seen.bytes} bytes`);
    assert.ok(signedIn.seen.cancelled);
    assert.equal((await sandboxCalls(partnerId)).length, 0, 'nothing reached Game Services');
  });

  test('a body that does not arrive in bodyTimeoutMs gets 408', async () => {
    const partnerId = newPartner();
    const proxy = proxyFor(partnerId, { bodyTimeoutMs: 150 });
    const auth = { Authorization: `Bearer ${userKs(partnerId, 'viewer@example.com')}` };
    const response = await within(2_000, proxy(streamingPost('http://host.test/api/game/leaderboard/get', stalledBody(), auth)), 'a stalled body');
    assert.equal(response.status, 408);
  });

  test('through toNodeHandler: a refused caller is answered without the body; a streamed body past 64 KiB gets 413 before it ends', async () => {
    const partnerId = newPartner();
    // A generous adapter limit, so the proxy's own 64 KiB counter is what stops the body.
    const base = await listen(proxyFor(partnerId), { maxBodyBytes: 64 * 1024 * 1024 });
    const url = `${base}/api/game/userScore/list`;
    const anonymous = await within(2_000, stalledPost(url, {}, 1024), 'an anonymous request with a stalled body');
    assert.equal(anonymous.status, 401);
    const auth = { Authorization: `Bearer ${userKs(partnerId, 'viewer@example.com')}` };
    const large = await within(3_000, stalledPost(url, auth, 100 * 1024), 'a 100 KiB body that never ends');
    assert.equal(large.status, 413);
    assert.equal(JSON.parse(large.body).code, 'INVALID_REQUEST');
  });
});

describe('createEventsProxy', () => {
  const SERVED = [SEEDED_EVENTS.connect, SEEDED_EVENTS.cancelled, SEEDED_EVENTS.draft];
  const eventsApi = () => `${sandbox.url}/sandbox/events-api/api/v1`;
  const reads = async (partnerId: number, action: string) => (await sandboxCalls(partnerId)).filter((call) => call.path.endsWith(action));

  /** An Events proxy in a node:http server under /api/events/, serving the demo's events. */
  async function startEvents(partnerId: number, extra: Partial<EventsProxyOptions> = {}) {
    const admin = typeof extra.adminKs === 'string' ? extra.adminKs : adminKs(partnerId);
    const base = await listen(
      createEventsProxy({ eventsUrl: eventsApi(), adminKs: admin, viewerKs: { partnerId, secret: sandboxAdminSecret(partnerId) }, eventIds: SERVED, ...extra }),
    );
    return proxyCaller(`${base}/api/events`, partnerId, admin);
  }

  test('events/list reads the served events only, never a draft, with the ADMIN KS and its userId', async () => {
    const partnerId = newPartner();
    const call = await startEvents(partnerId);
    const all = await call('events/list', {});
    assert.equal(all.status, 200);
    assert.deepEqual([all.body.totalCount, all.body.events.map((event: { id: number; status: string }) => [event.id, event.status])], [2, [[7001, 'live'], [7003, 'cancelled']]]);
    assert.ok(!all.text.includes('Kaltura Connect 2027'), 'the draft is not in the answer');
    assert.equal(all.body.events[0].timezone, 'America/New_York');
    const asked = await call('events/list', { filter: { idIn: ['7001'] }, orderBy: '-startDate' });
    assert.deepEqual(asked.body.events.map((event: { id: number }) => event.id), [7001], 'digits are read as the integer id');
    assert.deepEqual((await call('events/list', { filter: { idIn: [SEEDED_EVENTS.draft] } })).body, { events: [], totalCount: 0 });

    const unlisted = await call('events/list', { filter: { idIn: [7001, SEEDED_EVENTS.ended] } });
    assert.deepEqual([unlisted.status, unlisted.body], [403, { code: 'EVENT_NOT_ALLOWED', message: 'event 7004 is not served by this proxy' }]);
    // Everything else a browser may send is dropped: no search across the partner's events, no bigger page.
    const hostile = await call('events/list', {
      filter: { searchTerm: 'Town Hall', labels: ['town-hall'], idInExcept: [] },
      pager: { offset: 0, limit: 1000 },
      ks: adminKs(partnerId),
      userId: 'someone-else',
      ...JSON.parse('{"__proto__": {"filter": {"idIn": [7005]}}, "constructor": {"prototype": {"idIn": [7005]}}}'),
    });
    assert.deepEqual(hostile.body.events.map((event: { id: number }) => event.id), [7001, 7003]);
    for (const [body, message] of [
      [{ filter: { idIn: Array.from({ length: 16 }, (_, i) => 7001 + i) } }, '"filter.idIn" must be an array of 1 to 15 event ids (integers)'],
      [{ filter: { idIn: [] } }, '"filter.idIn" must be an array of 1 to 15 event ids (integers)'],
      [{ filter: { idIn: '7001' } }, '"filter.idIn" must be an array of 1 to 15 event ids (integers)'],
      [{ filter: { idIn: [7001.5] } }, '"filter.idIn" must be an array of 1 to 15 event ids (integers)'],
      [{ filter: { idIn: [{ $gt: 0 }] } }, '"filter.idIn" must be an array of 1 to 15 event ids (integers)'],
      [{ filter: { idIn: ['-1'] } }, '"filter.idIn" must be an array of 1 to 15 event ids (integers)'],
      [{ filter: 'all' }, '"filter" must be an object'],
      [{ orderBy: 'startDate; DROP' }, '"orderBy" must be one of +startDate, -startDate, +createdAt, -createdAt, +name, -name'],
    ] as const) {
      const refused = await call('events/list', body);
      assert.deepEqual([refused.status, refused.body], [400, { code: 'INVALID_REQUEST', message }], JSON.stringify(body));
    }
    const upstream = await reads(partnerId, '/events/list');
    assert.equal(upstream.length, 4, 'refused requests send nothing');
    assert.ok(upstream.every((call) => call.status === 200 && call.userId === 'admin@example.com'));
  });

  test('sessions/list: the published sessions of a served, published event; a draft reads as no event', async () => {
    const partnerId = newPartner();
    const call = await startEvents(partnerId);
    const connect = await call('sessions/list', { eventId: SEEDED_EVENTS.connect, visibility: 'private' });
    assert.equal(connect.status, 200);
    assert.deepEqual(Object.keys(connect.body), ['sessions']);
    assert.equal(connect.body.sessions.length, 10);
    assert.ok(connect.body.sessions.every((session: { visibility: string }) => session.visibility === 'published'));
    for (const hidden of ['Speaker Rehearsal', 'Press Briefing', 'Staff Debrief']) assert.ok(!connect.text.includes(hidden), hidden);
    assert.equal((await call('sessions/list', { eventId: String(SEEDED_EVENTS.cancelled) })).body.sessions.length, 2, 'a cancelled event keeps its sessions');

    const draft = await call('sessions/list', { eventId: SEEDED_EVENTS.draft });
    assert.deepEqual([draft.status, draft.body], [404, { code: 'EVENT_NOT_FOUND', message: 'there is no event 7002' }]);
    assert.equal((await reads(partnerId, '/sessions/list')).length, 2, "a draft's sessions are never asked for");
    assert.equal((await reads(partnerId, '/events/list')).length, 3, 'one status read per event');
    await call('sessions/list', { eventId: SEEDED_EVENTS.connect });
    assert.equal((await reads(partnerId, '/events/list')).length, 3, 'the status is reused');

    const unlisted = await call('sessions/list', { eventId: SEEDED_EVENTS.ended });
    assert.deepEqual([unlisted.status, unlisted.body.code], [403, 'EVENT_NOT_ALLOWED']);
    for (const body of [{}, { eventId: 'connect' }, { eventId: 0 }, { eventId: [7001] }, { eventId: 1e300 }]) {
      const refused = await call('sessions/list', body);
      assert.deepEqual([refused.status, refused.body.message], [400, '"eventId" must be an event id (an integer)'], JSON.stringify(body));
    }
  });

  test('refuses anonymous callers, an ADMIN KS as a viewer, and every other action; config is checked at start-up', async () => {
    const partnerId = newPartner();
    const call = await startEvents(partnerId);
    assert.equal((await call('events/list', {}, null)).status, 401);
    assert.equal((await call('events/list', {}, null, { Authorization: `Bearer ${adminKs(partnerId)}` })).status, 401);
    for (const action of ['events/create', 'events/delete', 'sessions/create', 'teamMembers/list', 'events/duplicate', 'x/events/update']) {
      const refused = await call(action, { id: 7001 });
      assert.deepEqual([refused.status, refused.body.code], [403, 'FORBIDDEN_ACTION'], action);
    }
    assert.equal((await sandboxCalls(partnerId)).length, 0, 'nothing reached the Events Platform');
    assert.deepEqual([...EVENTS_PROXY_ACTIONS], ['events/list', 'sessions/list']);

    // An ADMIN KS without a userId is refused by the Events Platform (guide 001 §2): a server problem, not the viewer's.
    const userless = await startEvents(partnerId, { adminKs: adminKsWithoutUser(partnerId) });
    const refused = await userless('events/list', {});
    assert.deepEqual([refused.status, refused.body.code], [502, 'UPSTREAM_UNAUTHORIZED']);

    const base = { eventsUrl: eventsApi(), adminKs: 'x', viewerKs: { partnerId, secret: 'secret' } };
    for (const eventIds of [[], ['next'], [0], [1.5], undefined, '7001'] as unknown as number[][]) {
      assert.throws(() => createEventsProxy({ ...base, eventIds }), /eventIds must be a non-empty array of event ids/, JSON.stringify(eventIds));
    }
    assert.throws(() => createEventsProxy({ ...base, eventIds: [1], eventsUrl: 'events-api.nvp1.ovp.kaltura.com' }), /eventsUrl must be an http\(s\) URL/);
    assert.throws(() => createEventsProxy({ eventsUrl: eventsApi(), adminKs: 'x', eventIds: [1] }), /createEventsProxy: give viewerKs/);
    assert.throws(() => createEventsProxy({ ...base, eventIds: [1], adminKs: '' }), /createEventsProxy: adminKs is required/);
  });
});

describe('createEventsProxy over a stub Events Platform', () => {
  const STUB_ADMIN_KS = mintKs({ partnerId: 1, secret: 'stub-secret', userId: 'events-admin', type: 2 }).ks;

  function stubEvents(routes: Record<string, Route>, options: Partial<EventsProxyOptions> = {}) {
    const upstream = stubUpstream(routes);
    const proxy = createEventsProxy({
      eventsUrl: 'https://events-api.test/api/v1',
      adminKs: STUB_ADMIN_KS,
      authenticate: () => ({ userId: 'viewer' }),
      eventIds: [1, 2, 3],
      fetch: upstream.fetch,
      ...options,
    });
    return { call: inProcessCaller(proxy, 'https://host.test/api/events', STUB_ADMIN_KS), ...upstream };
  }

  test('sends exactly the documented fields, pinned to the served ids', async () => {
    const { call, asked } = stubEvents({
      'events/list': (body) => ({ events: body.filter.idIn.map((id: number) => ({ id, status: 'live' })) }),
      'sessions/list': () => ({ sessions: [] }),
    });
    await call('events/list', { filter: { searchTerm: 'x', labels: ['y'] }, pager: { offset: 30, limit: 15 }, orderBy: '+name', ks: 'x' });
    await call('events/list', { filter: { idIn: [2, '2', 3] } });
    await call('sessions/list', { eventId: '3', userId: 'x', sessionId: 9 });
    assert.deepEqual(asked.map(({ path, body }) => [path, body]), [
      ['events/list', { filter: { idIn: [1, 2, 3] }, pager: { offset: 0, limit: 3 }, orderBy: '+name' }],
      ['events/list', { filter: { idIn: [2, 3] }, pager: { offset: 0, limit: 2 } }],
      // The status of event 3 came with the lists.
      ['sessions/list', { eventId: 3 }],
    ]);
    const many = stubEvents({}, { eventIds: Array.from({ length: 16 }, (_, i) => i + 1) });
    const unnamed = await many.call('events/list', {});
    assert.deepEqual([unnamed.status, unnamed.body.message], [400, '"filter.idIn" must be the events to read (this proxy serves more than 15)']);
  });

  test('only events with a status of guide 001 §9 other than draft, only asked-for events, only published sessions', async () => {
    const { call, count } = stubEvents({
      'events/list': () => ({
        events: [
          { id: 1, name: 'Live', status: 'live' },
          { id: 2, name: 'Draft', status: 'draft' },
          { id: 3, name: 'Odd', status: 'preview' },
          { id: 4, name: 'Not asked', status: 'live' },
          { id: '1', name: 'A string id', status: 'live' },
          { name: 'No id', status: 'live' },
          'not an event',
        ],
        totalCount: 7,
        note: `kept by the service only ${STUB_ADMIN_KS}`,
      }),
      'sessions/list': () => ({
        sessions: [
          { id: 10, name: 'Default visibility' },
          { id: 11, name: 'Published', visibility: 'published', description: `echo ${STUB_ADMIN_KS}` },
          { id: 12, name: 'Private', visibility: 'private' },
          { id: 13, name: 'Unlisted', visibility: 'unlisted' },
          { id: 14, name: 'Odd', visibility: 'hidden' },
          null,
        ],
      }),
    });
    const list = await call('events/list', {});
    assert.deepEqual(list.body, { events: [{ id: 1, name: 'Live', status: 'live' }], totalCount: 1 });
    const sessions = await call('sessions/list', { eventId: 1 });
    assert.deepEqual(sessions.body.sessions, [
      { id: 10, name: 'Default visibility' },
      { id: 11, name: 'Published', visibility: 'published', description: 'echo [redacted]' },
    ]);
    for (const eventId of [2, 3]) assert.equal((await call('sessions/list', { eventId })).status, 404, `status of event ${eventId}`);
    assert.deepEqual([count('events/list'), count('sessions/list')], [1, 1], 'the statuses came with the list');
  });

  test('upstream failures: codes kept, messages the proxy\'s own; a failed status read is not kept; bad shapes are 502', async () => {
    let down = true;
    const errors: unknown[] = [];
    const { call, count } = stubEvents(
      {
        'events/list': (body) =>
          down ? new Response(`{"code":"BUSY","ks":"${STUB_ADMIN_KS}"}`, { status: 503, headers: { 'Retry-After': '5' } }) : { events: body.filter.idIn.map((id: number) => ({ id, status: 'scheduled' })) },
        'sessions/list': (body) => (body.eventId === 2 ? { sessions: 'none' } : new Response('', { status: 401 })),
      },
      { onError: (error) => errors.push(error) },
    );
    const busy = await call('sessions/list', { eventId: 1 });
    assert.deepEqual([busy.status, busy.body, busy.headers.get('retry-after')], [503, { code: 'BUSY', message: 'Events Platform answered HTTP 503' }, '5']);
    down = false;
    const refused = await call('sessions/list', { eventId: 1 });
    assert.deepEqual([refused.status, refused.body.code], [502, 'UPSTREAM_UNAUTHORIZED'], 'the status was read again');
    assert.equal(errors.length, 1, 'the host hears of its refused ADMIN KS');
    assert.equal(count('events/list'), 2);
    const malformed = await call('sessions/list', { eventId: 2 });
    assert.deepEqual([malformed.status, malformed.body.code], [502, 'UPSTREAM_INVALID_RESPONSE']);
    const noEvents = stubEvents({ 'events/list': () => ({ objects: [] }) });
    assert.equal((await noEvents.call('events/list', {})).body.code, 'UPSTREAM_INVALID_RESPONSE');
  });
});
