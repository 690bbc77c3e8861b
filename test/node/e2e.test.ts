/**
 * End to end in the production shape (issue 15, item 6). The BUILT kit (dist/, from a script tag on a
 * plain HTML page) runs in Chromium and talks to the server companion on a Node server, wired as
 * README.md's "Your backend" shows: a token endpoint behind a cookie session, and the Game proxy, which
 * identifies the viewer from the USER KS the widgets send. The proxy talks to the sandbox in its default,
 * strict mode (an ADMIN KS for every Game Services read, participation policies, hidden speakers, staff).
 *
 * Two shapes: the page and the backend on one origin, and the page on a CMS origin with the backend on
 * another origin of the same site (absolute URLs in `configure`, `allowedOrigins` on both handlers, the
 * token endpoint called with cookies). Each asserts on what a viewer sees (ranks with names, the viewer's row, badge bars),
 * and on every response the browser receives: no hidden user's id or name, no ADMIN KS, nothing about
 * another user through the proxy, nothing at all when signed out.
 *
 * Run: `npm run build && node --import tsx --test test/node/e2e.test.ts` (`npm test` builds first).
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, resolve, sep } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { type Browser, type Locator, type Page, chromium } from 'playwright-core';
// The sandbox is plain JavaScript with JSDoc types.
// @ts-ignore
import * as sandboxData from '../../sandbox/data.js';
// @ts-ignore
import { mintSandboxKs, sandboxAdminSecret } from '../../sandbox/index.js';
// @ts-ignore
import { startSandboxServer } from '../../sandbox/server.js';
// `kaltura-widgets/server` is this code, built: the same modules the README imports.
import { createGameProxy, createTokenHandler, mintKs, toNodeHandler, type MintedKs } from '../../src/server/index.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DIST = resolve(ROOT, 'dist');
const PAGE = readFileSync(fileURLToPath(new URL('../fixtures/e2e/page.html', import.meta.url)), 'utf8');

/** A partner of this suite's own: the sandbox keeps state per partner. */
const PARTNER_ID = 7315;
const VIEWER = 'viewer@example.com';
const VIEWER_NAME = 'Ada Viewer';
const BOARD = 'lb_conference';
/** Longest wait for something to show in the page; the whole test has its own bound. */
const WAIT_MS = 20_000;
const TEST_TIMEOUT_MS = 90_000;
const USER_ID = /^[A-Za-z0-9._@+-]{1,64}$/;
const SCORE = new Intl.NumberFormat('en-US');

interface SeededPeople {
  viewer: string;
  hiddenSpeakers: string[];
  staff: string[];
  speakerStaff: string;
}

interface TruthRow {
  userId: string;
  rank: number;
  score: number;
  name: string;
  hidden: boolean;
}

/** What an admin sees (read straight from the sandbox with an ADMIN KS the browser never gets). */
interface Truth {
  people: SeededPeople;
  /** Everyone the browser must never hear of: hidden speakers, staff, the staff speaker. */
  hidden: string[];
  hiddenNames: Map<string, string>;
  /** The admin ranking's first 30 rows of lb_conference, hidden speakers included, with names. */
  top: TruthRow[];
  viewer: { rank: number; score: number };
}

interface Seen {
  url: string;
  status: number;
  headers: string;
  body: string;
}

interface Backend {
  origin: string;
  /** Every ADMIN KS the backend minted: none may reach the browser. */
  adminKs: Set<string>;
  close(): Promise<void>;
}

let sandbox: { url: string; close(): Promise<void> } | undefined;
let browser: Browser | undefined;
let truth: Truth;
/** The ADMIN KS this test reads the truth with; like the backend's, it must never reach the browser. */
let truthKs: string;

// ---------------------------------------------------------------------------------------- servers

/**
 * Every response the suite's servers sent, as sent (only the browser calls them). The browser cannot
 * always show a body (one the page never read, say), so the leak checks read these as well.
 */
const sent: Seen[] = [];

type Listener = (req: IncomingMessage, res: ServerResponse) => void;
interface Running {
  origin: string;
  close(): Promise<void>;
}

/** A `node:http` server on 127.0.0.1, reached by the browser as `http://{host}:{port}`, recording into `sent`. */
async function startServer(host: string, listener: Listener): Promise<Running> {
  let origin = '';
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    const keep = (chunk: unknown) => {
      if (typeof chunk === 'string') chunks.push(Buffer.from(chunk));
      else if (chunk instanceof Uint8Array) chunks.push(Buffer.from(chunk));
    };
    const { write, end } = res;
    res.write = function (this: ServerResponse, ...args: unknown[]) {
      keep(args[0]);
      return (write as (...a: unknown[]) => boolean).apply(this, args);
    } as typeof res.write;
    res.end = function (this: ServerResponse, ...args: unknown[]) {
      keep(args[0]);
      return (end as (...a: unknown[]) => ServerResponse).apply(this, args);
    } as typeof res.end;
    let recorded = false;
    const record = () => {
      if (recorded) return;
      recorded = true;
      // The header block as written to the socket (headers given to writeHead are not in getHeaders()).
      const block = (res as unknown as { _header?: string | null })._header;
      sent.push({ url: `${req.method} ${origin}${req.url}`, status: res.statusCode, headers: block ?? JSON.stringify(res.getHeaders()), body: Buffer.concat(chunks).toString('utf8') });
    };
    res.once('finish', record);
    res.once('close', record);
    listener(req, res);
  });
  await new Promise<void>((done, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => done());
  });
  origin = `http://${host}:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
};

/** The host page (`/`) and the built kit (`/dist/...`); false for anything else. */
async function servePage(req: IncomingMessage, res: ServerResponse, backendOrigin: string): Promise<boolean> {
  const { pathname } = new URL(req.url ?? '/', 'http://page.invalid');
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  if (pathname === '/' || pathname === '/index.html') {
    const html = PAGE.replaceAll('__PARTNER_ID__', String(PARTNER_ID)).replaceAll('__BACKEND__', backendOrigin);
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(req.method === 'HEAD' ? undefined : html);
    return true;
  }
  if (!pathname.startsWith('/dist/')) return false;
  const file = resolve(DIST, decodeURIComponent(pathname.slice('/dist/'.length)));
  if (!file.startsWith(DIST + sep)) return false;
  try {
    const body = await readFile(file);
    res.writeHead(200, { 'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' });
    res.end(req.method === 'HEAD' ? undefined : body);
    return true;
  } catch {
    return false;
  }
}

function notFound(res: ServerResponse): void {
  res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end('not found');
}

/** The test's sign-in: `session=<userId>`, an HttpOnly cookie. */
function sessionUser(cookieHeader: string | null): string | undefined {
  for (const pair of (cookieHeader ?? '').split(';')) {
    const eq = pair.indexOf('=');
    if (eq < 1 || pair.slice(0, eq).trim() !== 'session') continue;
    try {
      const user = decodeURIComponent(pair.slice(eq + 1).trim());
      return USER_ID.test(user) ? user : undefined;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/**
 * The host's backend, wired EXACTLY as README.md's "Your backend" section shows, with the sandbox as
 * Kaltura. Besides the README's two handlers it has the test's `/login?user=` route (sets the session
 * cookie and goes back to the page) and, when the page shares its origin, serves the page too.
 */
async function startBackend(options: { sandboxUrl: string; host: string; pageOrigin?: string }): Promise<Backend> {
  const { sandboxUrl, host, pageOrigin } = options;
  const issued = new Set<string>();

  // ---- as in README.md, "Your backend" ----
  const partnerId = PARTNER_ID;
  const secret: string = sandboxAdminSecret(partnerId); // stays on this server
  const authenticate = (request: Request) => {
    const userId = sessionUser(request.headers.get('cookie'));
    return userId ? { userId } : null;
  };
  const tokenHandler = toNodeHandler(
    createTokenHandler({
      authenticate,
      mint: { partnerId, secret },
      // <kal-room-embed> asks with ?widget=room&entryId=…: the KS names the room (no room on this page).
      privileges: (_user, _request, { widget, entryId }) => (widget === 'room' && entryId ? `entryId:${entryId},roomModerator:0,chatModerator:0` : ''),
      ...(pageOrigin ? { allowedOrigins: [pageOrigin] } : {}),
    }),
  );
  let admin: MintedKs | undefined;
  const adminKs = () => {
    const ks = (admin && Date.parse(admin.expiresAt) - Date.now() > 600_000
      ? admin
      : (admin = mintKs({ partnerId, secret, type: 2, userId: 'widgets-proxy' }))
    ).ks;
    issued.add(ks); // the test's own addition: remember it, to look for it in the browser
    return ks;
  };
  const gameProxy = toNodeHandler(
    createGameProxy({
      gameUrl: `${sandboxUrl}/sandbox/scm/api/v1`,
      adminKs,
      viewerKs: { partnerId, secret },
      userDirectory: { serviceUrl: `${sandboxUrl}/sandbox/api_v3` },
      ...(pageOrigin ? { allowedOrigins: [pageOrigin] } : {}),
    }),
  );
  // ---- end of the README's wiring ----

  const server = await startServer(host, (req, res) => {
    const url = new URL(req.url ?? '/', 'http://backend.invalid');
    if (url.pathname === '/api/kaltura-ks') return tokenHandler(req, res);
    if (url.pathname.startsWith('/api/game/')) return gameProxy(req, res);
    if (url.pathname === '/login' && req.method === 'GET') {
      const user = url.searchParams.get('user') ?? '';
      if (!USER_ID.test(user)) return notFound(res);
      // SameSite=Lax: sent with the page's requests when the page is on the same site (www. and api. of one domain).
      res.writeHead(303, {
        'Set-Cookie': `session=${encodeURIComponent(user)}; Path=/; HttpOnly; SameSite=Lax`,
        Location: pageOrigin ? `${pageOrigin}/` : '/',
      });
      return res.end();
    }
    if (pageOrigin) return notFound(res);
    servePage(req, res, '').then(
      (served) => served || notFound(res),
      () => notFound(res),
    );
  });
  return { origin: server.origin, adminKs: issued, close: server.close };
}

/**
 * A page-only server (a CMS): the page and dist/, nothing else. Its page calls the backend given to
 * `pointAt` (the backend is started after it, as it needs the page's origin for `allowedOrigins`).
 */
async function startPageServer(host: string): Promise<Running & { pointAt(backendOrigin: string): void }> {
  let backendOrigin = '';
  const server = await startServer(host, (req, res) => {
    servePage(req, res, backendOrigin).then(
      (served) => served || notFound(res),
      () => notFound(res),
    );
  });
  return { ...server, pointAt: (origin) => void (backendOrigin = origin) };
}

// ---------------------------------------------------------------------------------------- the truth

async function scm<T>(action: string, body: Record<string, unknown>): Promise<T> {
  const response = await fetch(`${sandbox!.url}/sandbox/scm/api/v1/${action}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${truthKs}` },
    body: JSON.stringify(body),
  });
  assert.equal(response.status, 200, `sandbox ${action} (ADMIN KS) answered ${response.status}`);
  return (await response.json()) as T;
}

async function fullNames(ids: string[]): Promise<Map<string, string>> {
  const response = await fetch(`${sandbox!.url}/sandbox/api_v3/service/user/action/list`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ ks: truthKs, format: '1', 'filter[idIn]': ids.join(','), 'pager[pageSize]': '500' }),
  });
  const answer = (await response.json()) as { objects?: Array<{ id: string; fullName?: string }> };
  assert.ok(Array.isArray(answer.objects), `sandbox user/list: ${JSON.stringify(answer).slice(0, 200)}`);
  return new Map(answer.objects.map((user) => [user.id, user.fullName ?? '']));
}

async function readTruth(): Promise<Truth> {
  const people = (sandboxData as { SEEDED_PEOPLE?: SeededPeople }).SEEDED_PEOPLE;
  assert.ok(people, 'sandbox/data.js exports no SEEDED_PEOPLE (hidden speakers and staff) yet');
  const hidden = [...people.hiddenSpeakers, ...people.staff, people.speakerStaff];
  assert.ok(people.hiddenSpeakers.length >= 2 && people.staff.length >= 1, 'SEEDED_PEOPLE has hidden speakers and staff');
  const list = await scm<{ objects: Array<{ userId: string; rank: number; score: number }> }>('userScore/list', {
    gameObjectId: BOARD,
    pager: { pageSize: 30, pageIndex: 1 },
  });
  const viewer = await scm<{ userId: string; rank: number; score: number }>('userScore/get', { gameObjectId: BOARD, userId: VIEWER });
  const names = await fullNames([...new Set([...list.objects.map((row) => row.userId), ...hidden])]);
  const top = list.objects.map((row) => ({
    userId: row.userId,
    rank: row.rank,
    score: row.score,
    name: names.get(row.userId) ?? '',
    hidden: hidden.includes(row.userId),
  }));
  // Strict mode, as a real account: Game Services refuse a USER KS.
  const userKs: string = mintSandboxKs({ partnerId: PARTNER_ID, userId: VIEWER }).ks;
  const refused = await fetch(`${sandbox!.url}/sandbox/scm/api/v1/userScore/list`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${userKs}` },
    body: JSON.stringify({ gameObjectId: BOARD }),
  });
  assert.equal(refused.status, 403, 'the sandbox is in its strict default mode (a USER KS is refused on SCM)');
  assert.equal(((await refused.json()) as { code?: string }).code, 'ADMIN_KS_REQUIRED');
  // The seeds this suite relies on (sandbox/README.md): otherwise "never shown" would prove nothing.
  assert.ok(top.slice(0, 10).some((row) => people.hiddenSpeakers.includes(row.userId)), 'a hidden speaker is in the admin top 10');
  assert.ok(!top.some((row) => [...people.staff, people.speakerStaff].includes(row.userId)), 'staff are not ranked (do_not_save)');
  assert.equal(viewer.rank, 57, 'the viewer is at rank 57 on lb_conference');
  const hiddenNames = new Map(hidden.map((id) => [id, names.get(id) ?? '']));
  for (const [id, name] of hiddenNames) assert.ok(name, `the sandbox has a name for ${id}`);
  return { people, hidden, hiddenNames, top, viewer: { rank: viewer.rank, score: viewer.score } };
}

// ---------------------------------------------------------------------------------------- browser

interface Watch {
  /** `METHOD url` of every request the page sent. */
  requests: string[];
  /** Every response the page received, bodies included, and every response the suite's servers sent. */
  responses(): Promise<Seen[]>;
  /** What happened, one line each: requests with their status, failures, console errors. */
  log: string[];
}

/** Records every request the page sends and every response it receives. */
function watch(page: Page): Watch {
  const requests: string[] = [];
  const log: string[] = [];
  const pending: Promise<Seen>[] = [];
  page.on('request', (request) => requests.push(`${request.method()} ${request.url()}`));
  page.on('requestfailed', (request) => log.push(`${request.method()} ${request.url()} failed: ${request.failure()?.errorText}`));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') log.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => log.push(`page error: ${error.message}`));
  page.on('response', (response) => {
    log.push(`${response.request().method()} ${response.url()} → ${response.status()}`);
  });
  // Once a body has fully arrived it can be read without waiting (one the page never reads never
  // "finishes"; the servers' own record, `sent`, has it).
  page.on('requestfinished', (request) => {
    pending.push(
      (async () => {
        const response = await request.response();
        return {
          url: `${request.method()} ${request.url()}`,
          status: response?.status() ?? 0,
          headers: JSON.stringify((await response?.allHeaders().catch(() => response.headers())) ?? {}),
          body: (await response?.text().catch(() => '')) ?? '',
        };
      })(),
    );
  });
  return { requests, log, responses: async () => [...(await Promise.all(pending)), ...sent] };
}

/**
 * A fresh browser context (no cookies) and one page in it, watched. After `run`, passed or failed,
 * every response is checked for hidden users and ADMIN KS (`self`: a hidden viewer's own id), so a leak
 * is reported even when the page broke first; a failure gets the page's story appended.
 */
async function inBrowser(backend: Backend, run: (page: Page, seen: Watch) => Promise<void>, self?: string): Promise<void> {
  sent.length = 0;
  const context = await browser!.newContext({ locale: 'en-US', timezoneId: 'UTC' });
  const page = await context.newPage();
  const seen = watch(page);
  let failure: unknown;
  try {
    await run(page, seen);
  } catch (error) {
    failure = error;
  }
  try {
    assertNothingHidden(await seen.responses(), backend.adminKs, self);
  } catch (leak) {
    if (failure instanceof Error && leak instanceof Error) leak.message += `\n(the test had failed first: ${failure.message})`;
    failure = leak;
  } finally {
    await context.close();
  }
  if (failure instanceof Error) {
    const story = `\n--- what the page did ---\n${seen.log.join('\n')}`;
    failure.message += story;
    if (failure.stack) failure.stack += story;
  }
  if (failure !== undefined) throw failure;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** An id as a whole token: `user-12` is not found inside `user-123`. */
function idPattern(id: string): RegExp {
  return new RegExp(`(?<![A-Za-z0-9._@+-])${escapeRegExp(id)}(?![A-Za-z0-9._@+-])`);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Every object (at any depth) with a property whose value is `value`. */
function holdersOf(value: string, data: unknown, found: Array<Record<string, unknown>> = []): Array<Record<string, unknown>> {
  if (Array.isArray(data)) for (const item of data) holdersOf(value, item, found);
  else if (typeof data === 'object' && data !== null) {
    const record = data as Record<string, unknown>;
    if (Object.values(record).includes(value)) found.push(record);
    for (const item of Object.values(record)) holdersOf(value, item, found);
  }
  return found;
}

/**
 * No response names a hidden user (except `self`, a hidden viewer reading about themselves), by id or
 * by name, and none carries an ADMIN KS, in its headers or its body. Names are not unique: a name of a
 * hidden user is fine only as the name of a displayed row about someone else (a namesake).
 */
function assertNothingHidden(seen: Seen[], adminKs: Iterable<string>, self?: string): void {
  const secrets = [...adminKs, truthKs];
  for (const response of seen) {
    const text = `${response.headers}\n${response.body}`;
    for (const ks of secrets) assert.ok(!text.includes(ks), `${response.url} (${response.status}) carries an ADMIN KS`);
    for (const id of truth.hidden) {
      if (id === self) continue;
      assert.ok(!idPattern(id).test(text), `${response.url} (${response.status}) names hidden user ${id}`);
      const name = truth.hiddenNames.get(id)!;
      if (!response.body.includes(name)) continue;
      const json = parseJson(response.body);
      assert.ok(json !== undefined, `${response.url} (${response.status}) contains "${name}", the name of hidden user ${id}`);
      for (const holder of holdersOf(name, json)) {
        const about = holder.userId ?? holder.puserId;
        assert.ok(
          typeof about === 'string' && !truth.hidden.filter((other) => other !== self).includes(about),
          `${response.url} (${response.status}) shows "${name}" (hidden user ${id}) in ${JSON.stringify(holder).slice(0, 200)}`,
        );
      }
    }
  }
}

/** Waits (bounded) until the locator shows text matching `pattern`. */
async function waitForText(locator: Locator, pattern: RegExp): Promise<void> {
  await locator.filter({ hasText: pattern }).first().waitFor({ state: 'visible', timeout: WAIT_MS });
}

/** The leaderboard's rows as shown: rank, name (with the viewer's "You"), score. */
function boardRows(page: Page): Promise<Array<{ rank: string; name: string; score: string }>> {
  return page.locator('kal-leaderboard tbody tr').evaluateAll((rows) =>
    rows.map((row) => ({
      rank: (row.querySelector('.place') ?? row.querySelector('.rank'))?.textContent?.trim() ?? '',
      name: row.querySelector('.name')?.textContent?.replace(/\s+/g, ' ').trim() ?? '',
      score: row.querySelector('.score')?.textContent?.trim() ?? '',
    })),
  );
}

/** What a signed-in viewer sees: ranks with names, their own row, their badge bars. */
async function assertViewerSees(page: Page): Promise<void> {
  const board = page.locator('kal-leaderboard');
  // The viewer's own row, pinned under the list: "You · #57", their name and score.
  const pinned = board.locator('[part~="pinned"]');
  await waitForText(pinned, new RegExp(VIEWER_NAME));
  const pinnedText = (await pinned.innerText()).replace(/\s+/g, ' ');
  assert.match(pinnedText, new RegExp(`#${truth.viewer.rank}\\b`), `pinned row: ${pinnedText}`);
  assert.match(pinnedText, new RegExp(escapeRegExp(SCORE.format(truth.viewer.score))), `pinned row: ${pinnedText}`);

  // Ranks with names: the admin ranking without its hidden rows, each at its real rank.
  await board.locator('tbody tr').first().waitFor({ timeout: WAIT_MS });
  const shown = await boardRows(page);
  const visible = truth.top.filter((row) => !row.hidden);
  const visibleInTop10 = truth.top.slice(0, 10).filter((row) => !row.hidden).length;
  assert.ok(shown.length >= visibleInTop10 && shown.length <= 10, `rows shown: ${JSON.stringify(shown)}`);
  shown.forEach((row, index) => {
    const expected = visible[index]!;
    assert.equal(row.rank, String(expected.rank), `row ${index + 1}: ${JSON.stringify(row)} vs ${JSON.stringify(expected)}`);
    assert.ok(row.name.startsWith(expected.name), `row ${index + 1} is ${expected.name}: ${JSON.stringify(row)}`);
    assert.equal(row.score, SCORE.format(expected.score), `row ${index + 1}: ${JSON.stringify(row)}`);
    assert.doesNotMatch(row.name, /@|^user-\d+/, 'a name, not an id');
  });
  // "#2"-style: the best visible rank (the admin #1 is a hidden speaker), with a person's full name.
  assert.equal(shown[0]!.rank, String(visible[0]!.rank));
  assert.match(shown[0]!.name, /^[A-Z][a-z]+ [A-Z][a-z]+/);

  // Badge bars: Session Attendee achieved; Marathon Viewer 42 of 60 minutes, 5 of 5 sessions.
  const badges = page.locator('kal-badge-progress');
  const marathon = badges.locator('[data-badge-id="badge_marathon"]');
  await waitForText(marathon, /Marathon Viewer/);
  const minutes = marathon.getByRole('progressbar', { name: 'Watch 60 minutes' });
  await minutes.waitFor({ timeout: WAIT_MS });
  assert.equal(await minutes.getAttribute('aria-valuenow'), '42');
  assert.equal(await minutes.getAttribute('aria-valuemax'), '60');
  assert.match((await marathon.innerText()).replace(/\s+/g, ' '), /42 \/ 60/);
  assert.equal(await marathon.getAttribute('data-state'), 'in-progress');
  const attendee = badges.locator('[data-badge-id="badge_attendee"]');
  await waitForText(attendee, /Session Attendee/);
  assert.equal(await attendee.getAttribute('data-state'), 'achieved');

  // Nothing of a hidden user on screen either (the DOM may differ from the responses).
  const text = `${await board.innerText()}\n${await badges.innerText()}`;
  for (const id of truth.hidden) assert.doesNotMatch(text, idPattern(id), `${id} is on screen`);
}

/**
 * From inside the page, as any script on it could: take the viewer's USER KS from the token endpoint
 * and ask the proxy about other people. Plain JavaScript (a string), run as the page's own code.
 */
const PROBE = `async ({ backend, calls }) => {
  const token = await fetch(backend + '/api/kaltura-ks', { credentials: 'include' });
  const ks = token.ok ? (await token.json()).ks : undefined;
  const results = [];
  for (const [action, body, withKs] of calls) {
    const headers = { 'Content-Type': 'application/json' };
    if (withKs && ks) headers.Authorization = 'Bearer ' + ks;
    const response = await fetch(backend + '/api/game/' + action, { method: 'POST', headers, body: JSON.stringify(body) });
    const text = await response.text();
    let json = null;
    try { json = JSON.parse(text); } catch {}
    results.push({ action, status: response.status, body: json });
  }
  return { tokenStatus: token.status, results };
}`;

type ProbeResult = { tokenStatus: number; results: Array<{ action: string; status: number; body: any }> };

function probe(page: Page, backend: string, calls: Array<[string, Record<string, unknown>, boolean]>): Promise<ProbeResult> {
  return page.evaluate(`(${PROBE})(${JSON.stringify({ backend, calls })})`) as Promise<ProbeResult>;
}

/** Another user's data through the proxy: each answer is about the viewer, or a refusal. */
async function assertOthersUnreadable(page: Page, backend: string): Promise<void> {
  const someoneVisible = truth.top.find((row) => !row.hidden && row.userId !== VIEWER)!.userId;
  const [speaker] = truth.people.hiddenSpeakers as [string];
  const { tokenStatus, results } = await probe(page, backend, [
    ['userScore/get', { gameObjectId: BOARD, userId: someoneVisible }, true],
    ['userScore/get', { gameObjectId: BOARD, userId: speaker }, true],
    ['userScore/ruleProgress', { gameObjectId: 'badge_marathon', userId: speaker }, true],
    ['userScore/ruleProgress', { gameObjectId: BOARD, userId: someoneVisible }, true],
    ['userBadge/list', { gameObjectId: 'badge_marathon', userId: speaker, filter: { userIdEqual: speaker }, pager: { pageSize: 500, pageIndex: 1 } }, true],
    ['userScore/list', { gameObjectId: BOARD, userId: speaker, filter: { userIdEqual: speaker, userIdIn: truth.hidden }, pager: { pageSize: 500, pageIndex: 1 } }, true],
    // Without the USER KS the proxy does not know who is asking (the cookie is not a credential for it).
    ['userScore/get', { gameObjectId: BOARD, userId: someoneVisible }, false],
    ['userScore/list', { gameObjectId: BOARD, pager: { pageSize: 10, pageIndex: 1 } }, false],
  ]);
  assert.equal(tokenStatus, 200, 'the signed-in viewer gets a KS');
  assert.equal(results.length, 8);
  const [visibleGet, speakerGet, speakerProgress, boardProgress, badgeRows, list, anonymousGet, anonymousList] = results;
  const aboutViewer = (result: ProbeResult['results'][number] | undefined, what: string) => {
    assert.ok(result, what);
    if (result.status === 200) assert.equal(result.body?.userId ?? VIEWER, VIEWER, `${what}: ${JSON.stringify(result.body).slice(0, 300)}`);
    else assert.ok(result.status >= 400 && result.status < 500, `${what}: HTTP ${result.status}`);
  };
  aboutViewer(visibleGet, 'userScore/get of another user');
  if (visibleGet!.status === 200) assert.equal(visibleGet!.body.rank, truth.viewer.rank, 'userScore/get answers the viewer’s rank');
  aboutViewer(speakerGet, 'userScore/get of a hidden speaker');
  aboutViewer(speakerProgress, 'userScore/ruleProgress of a hidden speaker');
  if (speakerProgress!.status === 200) {
    const minutes = (speakerProgress!.body.rulesData ?? []).find((rule: { id?: string }) => rule.id === 'rule_marathon_minutes');
    assert.equal(minutes?.progress, 42, `the viewer's own progress: ${JSON.stringify(speakerProgress!.body)}`);
  }
  aboutViewer(boardProgress, 'userScore/ruleProgress of another user on a leaderboard');
  assert.ok(badgeRows!.status >= 400 && badgeRows!.status < 500, `userBadge/list (every user's rows) is not proxied: HTTP ${badgeRows!.status}`);
  assert.equal(list!.status, 200, 'userScore/list answers');
  assert.ok(list!.body.objects.length > 0 && list!.body.objects.length <= 100, 'pageSize is clamped to 100');
  for (const row of list!.body.objects) {
    assert.ok(!truth.hidden.includes(row.userId), `userScore/list shows hidden user ${row.userId}`);
    assert.equal(typeof row.fullName, 'string', `rows are named: ${JSON.stringify(row)}`);
  }
  assert.equal(anonymousGet!.status, 401, 'no USER KS: not signed in');
  assert.equal(anonymousList!.status, 401, 'no USER KS: not signed in');
}

/** Signs in through the backend's `/login` and lands on the page. */
async function signIn(page: Page, backend: string, userId: string): Promise<void> {
  const response = await page.goto(`${backend}/login?user=${encodeURIComponent(userId)}`, { timeout: WAIT_MS });
  assert.equal(response?.status(), 200, 'the login route leads to the page');
  const cookies = await page.context().cookies(backend);
  assert.ok(cookies.some((cookie) => cookie.name === 'session'), 'the session cookie is set');
}

/** Signed out: both widgets show their error state, asking to sign in; nothing about anyone arrives. */
async function assertSignedOut(page: Page, seen: () => Promise<Seen[]>): Promise<void> {
  for (const tag of ['kal-leaderboard', 'kal-badge-progress']) {
    const error = page.locator(`${tag} [part~="error"]`);
    await waitForText(error, /sign in/i);
  }
  for (const response of await seen()) {
    if (/\/api\/game\//.test(response.url)) assert.ok(response.status >= 400, `${response.url} answered ${response.status} signed out`);
    assert.ok(!response.body.includes(VIEWER_NAME), `${response.url} names the viewer while signed out`);
    for (const row of truth.top) assert.ok(!idPattern(row.userId).test(response.body), `${response.url} names ${row.userId} while signed out`);
  }
}

// ---------------------------------------------------------------------------------------- suite

before(async () => {
  for (const file of ['kaltura-widgets.iife.js', 'defined.css']) {
    assert.ok(existsSync(resolve(DIST, file)), `dist/${file} is missing: run \`npm run build\` first`);
  }
  // Strict, default mode: no switch is ever set for this suite's partner.
  sandbox = await startSandboxServer();
  truthKs = mintSandboxKs({ partnerId: PARTNER_ID, type: 2, userId: 'e2e-truth' }).ks;
  truth = await readTruth();
  browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
});

after(async () => {
  await browser?.close();
  await sandbox?.close();
});

describe('one origin: the page and the backend on the same server', () => {
  let backend: Backend;

  before(async () => {
    backend = await startBackend({ sandboxUrl: sandbox!.url, host: '127.0.0.1' });
  });
  after(async () => {
    await backend?.close();
  });

  test('a signed-in viewer sees ranks with names, their row and badge bars; nothing hidden, no ADMIN KS', { timeout: TEST_TIMEOUT_MS }, async () => {
    await inBrowser(backend, async (page, seen) => {
      await signIn(page, backend.origin, VIEWER);
      await assertViewerSees(page);
      await assertOthersUnreadable(page, '');
      assert.ok(backend.adminKs.size > 0, 'the proxy read Game Services with its ADMIN KS');
      // The browser talks to the host's backend only: never to Kaltura (the sandbox) itself.
      assert.deepEqual(seen.requests.filter((request) => request.includes(sandbox!.url)), []);
      assert.ok(seen.requests.some((request) => request.startsWith(`POST ${backend.origin}/api/game/userScore/ruleProgress`)), 'badge progress is read through the proxy');
    });
  });

  test('a hidden speaker sees their own row, marked as visible only to them, and not the other speaker', { timeout: TEST_TIMEOUT_MS }, async () => {
    const speaker = truth.top.find((row) => row.hidden && truth.people.hiddenSpeakers.includes(row.userId))!;
    await inBrowser(backend, async (page) => {
      await signIn(page, backend.origin, speaker.userId);
      const own = page.locator('kal-leaderboard [part~="row"]').filter({ has: page.locator('[part~="only-you"]') });
      await waitForText(own, new RegExp(escapeRegExp(speaker.name)));
      const rank = (await own.first().locator('[part~="rank"]').innerText()).replace(/\s+/g, ' ');
      assert.match(rank, new RegExp(`(^|#)${speaker.rank}(\\D|$)`), `at their real rank: ${rank}`);
      await page.locator('kal-badge-progress [data-badge-id="badge_marathon"]').waitFor({ timeout: WAIT_MS });
    }, speaker.userId);
  });

  test('signed out, the widgets ask to sign in and nothing leaks', { timeout: TEST_TIMEOUT_MS }, async () => {
    await inBrowser(backend, async (page, seen) => {
      await page.goto(`${backend.origin}/`, { timeout: WAIT_MS });
      await assertSignedOut(page, seen.responses);
    });
  });
});

/**
 * www. and api. of one domain: two origins of one site, as most hosts run a CMS and an API. (`*.localhost`
 * names reach 127.0.0.1 and are secure contexts, as HTTPS pages would be.) Across SITES a cookie token
 * endpoint cannot work in Chromium whatever the kit does: it sends no third-party cookies.
 */
describe('two origins: the page on the CMS (www.), the backend on api.', () => {
  let backend: Backend;
  let cms: Awaited<ReturnType<typeof startPageServer>>;
  const strangers: Array<Awaited<ReturnType<typeof startPageServer>>> = [];

  before(async () => {
    cms = await startPageServer('www.conference.localhost');
    backend = await startBackend({ sandboxUrl: sandbox!.url, host: 'api.conference.localhost', pageOrigin: cms.origin });
    cms.pointAt(backend.origin);
    // The same page where the backend does not allow it: another origin of the site, and another site.
    for (const host of ['blog.conference.localhost', 'elsewhere.localhost']) {
      const stranger = await startPageServer(host);
      stranger.pointAt(backend.origin);
      strangers.push(stranger);
    }
  });
  after(async () => {
    for (const stranger of strangers) await stranger.close();
    await cms?.close();
    await backend?.close();
  });

  test('a signed-in viewer sees ranks with names, their row and badge bars; nothing hidden, no ADMIN KS', { timeout: TEST_TIMEOUT_MS }, async () => {
    await inBrowser(backend, async (page, seen) => {
      await signIn(page, backend.origin, VIEWER);
      assert.equal(new URL(page.url()).origin, cms.origin, 'back on the CMS page');
      await assertViewerSees(page);
      await assertOthersUnreadable(page, backend.origin);
      assert.ok(backend.adminKs.size > 0, 'the proxy read Game Services with its ADMIN KS');
      assert.deepEqual(seen.requests.filter((request) => request.includes(sandbox!.url)), []);
      assert.ok(seen.requests.some((request) => request.startsWith(`POST ${backend.origin}/api/game/userScore/ruleProgress`)), 'badge progress is read through the proxy');
    });
  });

  test('signed out, the widgets ask to sign in and nothing leaks', { timeout: TEST_TIMEOUT_MS }, async () => {
    await inBrowser(backend, async (page, seen) => {
      await page.goto(`${cms.origin}/`, { timeout: WAIT_MS });
      await assertSignedOut(page, seen.responses);
    });
  });

  test('a page on an origin the backend does not allow reads nothing, even with the session cookie', { timeout: TEST_TIMEOUT_MS }, async () => {
    for (const stranger of strangers) {
      await inBrowser(backend, async (page, seen) => {
        await page.context().addCookies([{ name: 'session', value: encodeURIComponent(VIEWER), url: backend.origin, httpOnly: true, sameSite: 'Lax' }]);
        await page.goto(`${stranger.origin}/`, { timeout: WAIT_MS });
        for (const tag of ['kal-leaderboard', 'kal-badge-progress']) {
          await page.locator(`${tag} [part~="error"]`).first().waitFor({ timeout: WAIT_MS });
        }
        // What the page's own scripts can get from the token endpoint: nothing (CORS, or a refusal).
        const token = await page.evaluate(`(async () => {
          try {
            const response = await fetch(${JSON.stringify(`${backend.origin}/api/kaltura-ks`)}, { credentials: 'include' });
            return response.status + ' ' + (await response.text());
          } catch (error) {
            return 'blocked';
          }
        })()`);
        assert.match(String(token), /^(blocked|4\d\d )/, `${stranger.origin} read the token endpoint: ${String(token).slice(0, 80)}`);
        const responses = await seen.responses();
        for (const response of responses) {
          if (response.url.includes(`${backend.origin}/api/game/`)) {
            assert.ok(response.status >= 400, `${response.url} answered ${response.status} for ${stranger.origin}`);
          }
          // Whatever the backend answers, it never lets this origin's scripts read it.
          if (response.url.includes(`${backend.origin}/api/`)) {
            assert.doesNotMatch(response.headers, /access-control-allow-origin/i, `${response.url} allows ${stranger.origin}`);
          }
          assert.ok(!response.body.includes(VIEWER_NAME), `${response.url} sent the viewer's data for ${stranger.origin}`);
        }
      });
    }
  });
});
