/**
 * The demo's production-style wiring (demo/backend.ts) over real HTTP: the token endpoint and the
 * Game Services proxy mounted in front of the sandbox on one server, as `npm start` mounts them
 * in Vite; then once through Vite itself, with vite.config.ts.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { createServer as createViteServer, type ViteDevServer } from 'vite';
import { DEMO_EVENT_IDS, DEMO_PARTNER_ID, createDemoBackend } from '../../demo/backend.js';
// The sandbox is plain JavaScript with JSDoc types.
// @ts-ignore
import { createSandbox } from '../../sandbox/index.js';

let server: Server;
let sandbox: { handle: (req: unknown, res: unknown, next?: () => void) => void; close(): void };
let origin: string;

before(async () => {
  sandbox = createSandbox();
  const demo = createDemoBackend();
  // The same stack as Vite's: the sandbox answers /sandbox/..., the demo backend /api/..., else 404.
  server = createServer((req, res) =>
    sandbox.handle(req, res, () =>
      demo(req, res, () => {
        res.statusCode = 404;
        res.end();
      }),
    ),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(async () => {
  sandbox.close();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** The demo's signed-in cookie for the seeded viewer, as the page sets it on a first visit. */
const VIEWER_COOKIE = 'demo_user=viewer%40example.com';

async function getKs(query = '', cookie: string | undefined = VIEWER_COOKIE): Promise<{ status: number; ks?: string; expiresAt?: string }> {
  const response = await fetch(`${origin}/api/ks${query}`, { headers: cookie ? { cookie } : {} });
  const body = (await response.json()) as { ks?: string; expiresAt?: string };
  return { status: response.status, ...body };
}

/** The sandbox's view-room page says which room, user and role a KS grants. */
async function viewRoom(ks: string): Promise<{ status: number; entryId?: string; userId?: string; role?: string; chat?: string }> {
  const response = await fetch(`${origin}/sandbox/kaf/embeddedrooms/index/view-room/ks/${encodeURIComponent(ks)}`);
  const page = await response.text();
  const attribute = (name: string) => page.match(new RegExp(`${name}="([^"]*)"`))?.[1];
  return {
    status: response.status,
    entryId: attribute('data-entry-id'),
    userId: attribute('data-user-id'),
    role: attribute('data-role'),
    chat: attribute('data-chat-moderator'),
  };
}

/** A Game (or Events) proxy call with the signed-in viewer's USER KS (the proxy knows the viewer from it). */
async function gameCall(action: string, body: unknown, ks?: string, proxy = 'game'): Promise<{ status: number; body: any }> {
  const viewerKs = ks ?? (await getKs()).ks!;
  const response = await fetch(`${origin}/api/${proxy}/${action}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${viewerKs}` },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

describe('demo backend', () => {
  test('/api/ks answers a USER KS for the signed-in person, and 401 to nobody', async () => {
    assert.equal((await getKs('', '')).status, 401);
    const { status, ks, expiresAt } = await getKs();
    assert.equal(status, 200);
    assert.ok(ks);
    assert.ok(Date.parse(expiresAt!) > Date.now());
    // A USER KS: API v3 user.list (ADMIN only) refuses it, and so does Game Services (ADMIN KS only).
    const list = await fetch(`${origin}/sandbox/api_v3/service/user/action/list`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ks, format: '1', 'filter[idIn]': 'viewer@example.com' }),
    });
    assert.equal(((await list.json()) as { code?: string }).code, 'SERVICE_FORBIDDEN');
    const direct = await fetch(`${origin}/sandbox/scm/api/v1/userScore/get`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${ks}` },
      body: JSON.stringify({ gameObjectId: 'lb_conference', userId: 'viewer@example.com' }),
    });
    assert.equal(direct.status, 403);
  });

  test('the page signs in on a first visit, as ?user= asks, and out with ?signout', async () => {
    const cookiesOf = (response: Response) => response.headers.getSetCookie().map((cookie) => cookie.split(';')[0]);
    assert.deepEqual(cookiesOf(await fetch(`${origin}/`)), [VIEWER_COOKIE]);
    assert.deepEqual(cookiesOf(await fetch(`${origin}/`, { headers: { cookie: VIEWER_COOKIE } })), []);
    assert.deepEqual(cookiesOf(await fetch(`${origin}/?signout`, { headers: { cookie: VIEWER_COOKIE } })), ['demo_user=', 'demo_signed_out=1']);
    assert.deepEqual(cookiesOf(await fetch(`${origin}/`, { headers: { cookie: 'demo_signed_out=1' } })), []);
  });

  test('/api/ks scopes a room KS to its entry; the role follows the demo sign-in', async () => {
    const participant = await getKs('?widget=room&entryId=1_sandboxroom');
    assert.deepEqual(await viewRoom(participant.ks!), {
      status: 200,
      entryId: '1_sandboxroom',
      userId: 'viewer@example.com',
      role: 'participant',
      chat: 'false',
    });

    const page = await fetch(`${origin}/?role=moderator&user=host%40example.com`);
    const cookies = page.headers.getSetCookie().map((cookie) => cookie.split(';')[0]);
    assert.deepEqual(cookies, ['demo_role=moderator', 'demo_user=host%40example.com', 'demo_signed_out=']);
    const moderator = await getKs('?widget=room&entryId=1_sandboxroom', cookies.slice(0, 2).join('; '));
    assert.deepEqual(await viewRoom(moderator.ks!), {
      status: 200,
      entryId: '1_sandboxroom',
      userId: 'host@example.com',
      role: 'moderator',
      chat: 'true',
    });

    // Without the room hints there is no room in the KS; a malformed entry id gets no KS at all.
    assert.equal((await viewRoom((await getKs()).ks!)).status, 400);
    assert.equal((await getKs('?widget=room&entryId=1_x,roomModerator:1')).status, 400);
  });

  test('/api/game/userScore/list answers named rows for the viewer the KS names, without an ADMIN KS in the browser', async () => {
    const { status, body } = await gameCall('userScore/list', { gameObjectId: 'lb_conference', pager: { pageSize: 5, pageIndex: 1 } });
    assert.equal(status, 200);
    // The seeded hidden speakers (#1 and #4) are dropped before rows leave the server.
    assert.deepEqual(body.objects.map((row: { rank: number }) => row.rank), [2, 3, 5]);
    for (const row of body.objects) {
      assert.equal(typeof row.userId, 'string');
      assert.equal(typeof row.fullName, 'string');
      assert.ok(row.fullName.length > 0);
    }
    const viewer = await gameCall('userScore/get', { gameObjectId: 'lb_conference', userId: 'user-3' });
    // Nobody signed in: no KS, no answer.
    assert.equal((await gameCall('userScore/list', { gameObjectId: 'lb_conference' }, 'not-a-ks')).status, 401);
    assert.equal(viewer.status, 200);
    assert.equal(viewer.body.userId, 'viewer@example.com');
    assert.equal(viewer.body.fullName, 'Ada Viewer');
    // Upstream saw the demo backend's ADMIN KS (the browser's Authorization header was not forwarded).
    const state = (await (await fetch(`${origin}/sandbox/control/state?partnerId=${DEMO_PARTNER_ID}`)).json()) as {
      calls: Array<{ path: string; status: number; userId?: string }>;
    };
    const upstream = state.calls.filter((call) => call.path.includes('userScore/list'));
    assert.ok(upstream.length > 0);
    assert.ok(upstream.every((call) => call.status === 200 && call.userId === 'demo-backend'));
  });

  test("/api/events reads the demo's events with an ADMIN KS that names a user; the draft stays hidden", async () => {
    const events = (action: string, body: unknown, ks?: string) => gameCall(action, body, ks, 'events');
    const list = await events('events/list', {});
    assert.equal(list.status, 200);
    assert.deepEqual(list.body.events.map((event: { id: number; name: string }) => [event.id, event.name]), [
      [7001, 'Kaltura Connect'],
      [7003, 'Connect Roadshow: Paris'],
    ]);
    assert.deepEqual([...DEMO_EVENT_IDS].sort(), [7001, 7002, 7003]);
    const sessions = await events('sessions/list', { eventId: 7001 });
    assert.ok(sessions.body.sessions.length > 5);
    assert.equal((await events('sessions/list', { eventId: 7002 })).status, 404, 'the configured draft');
    assert.equal((await events('events/list', { filter: { idIn: [7004] } })).status, 403, 'an event the demo does not serve');
    assert.equal((await events('events/list', {}, 'not-a-ks')).status, 401);
    const state = (await (await fetch(`${origin}/sandbox/control/state?partnerId=${DEMO_PARTNER_ID}`)).json()) as {
      calls: Array<{ path: string; status: number; userId?: string }>;
    };
    const upstream = state.calls.filter((call) => call.path.includes('/events-api/'));
    assert.ok(upstream.length > 0 && upstream.every((call) => call.status === 200 && call.userId === 'demo-backend'));
  });

  test('/api/game refuses writes (403) and non-POST requests', async () => {
    const { status, body } = await gameCall('rule/create', { name: 'x' });
    assert.equal(status, 403);
    assert.equal(body.code, 'FORBIDDEN_ACTION');
    assert.match(body.message, /rule\/create/);
    assert.equal((await fetch(`${origin}/api/game/leaderboard/get`)).status, 405);
  });
});

describe('vite.config.ts', () => {
  let vite: ViteDevServer;
  let viteOrigin: string;

  before(async () => {
    vite = await createViteServer({
      configFile: new URL('../../vite.config.ts', import.meta.url).pathname,
      logLevel: 'silent',
      server: { port: 0, host: '127.0.0.1', strictPort: false, hmr: false, watch: null },
      optimizeDeps: { noDiscovery: true, include: [] },
    });
    await vite.listen();
    viteOrigin = `http://127.0.0.1:${(vite.httpServer!.address() as AddressInfo).port}`;
  });

  after(async () => {
    (vite.httpServer as Server | null)?.closeAllConnections();
    await vite.close();
  });

  test('mounts the demo backend next to the sandbox', async () => {
    const token = await fetch(`${viteOrigin}/api/ks?widget=room&entryId=1_sandboxroom`, { headers: { cookie: VIEWER_COOKIE } });
    assert.equal(token.status, 200);
    const { ks } = (await token.json()) as { ks: string };
    const room = await fetch(`${viteOrigin}/sandbox/kaf/embeddedrooms/index/view-room/ks/${encodeURIComponent(ks)}`);
    assert.match(await room.text(), /data-entry-id="1_sandboxroom" data-user-id="viewer@example.com" data-role="participant"/);

    const scores = await fetch(`${viteOrigin}/api/game/userScore/list`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${ks}` },
      body: JSON.stringify({ gameObjectId: 'lb_conference', pager: { pageSize: 3, pageIndex: 1 } }),
    });
    assert.equal(scores.status, 200);
    const rows = ((await scores.json()) as { objects: Array<{ fullName?: string }> }).objects;
    assert.equal(rows.length, 2); // #1 is a hidden speaker
    assert.ok(rows.every((row) => typeof row.fullName === 'string' && row.fullName.length > 0));
    const write = await fetch(`${viteOrigin}/api/game/leaderboard/create`, { method: 'POST', headers: { Authorization: `Bearer ${ks}` }, body: '{}' });
    assert.equal(write.status, 403);
  });
});
