/**
 * The demo page's backend, wired as a production site would wire `kaltura-widgets/server`:
 *
 * - `GET /api/ks`: the widgets' token endpoint. The signed-in person gets a short-lived USER KS;
 *   a room widget (`?widget=room&entryId=`) gets one whose privileges name the room and the role.
 * - `POST /api/game/{controller}/{action}`: a read-only Game Services proxy holding the ADMIN KS,
 *   adding display names to score rows from API v3 `user.list`.
 *
 * Only the "who is signed in" part is make-believe: a `demo_user` cookie (default
 * `viewer@example.com`) and a `demo_role` cookie, set by opening the page with `?role=moderator`
 * (or `?role=participant`, and `?user=someone@example.com`). Upstream is the sandbox on this same
 * server; the partner secret stays here, as a real secret would stay on a real server.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Plugin } from 'vite';
// The sandbox is plain JavaScript with JSDoc types.
// @ts-ignore
import { sandboxAdminSecret } from '../sandbox/index.js';
import {
  KS_TYPE_ADMIN,
  createGameProxy,
  createTokenHandler,
  mintKs,
  toNodeHandler,
  type AuthenticatedUser,
  type NodeHandler,
} from '../src/server/index.js';

export const DEMO_PARTNER_ID = 1001;
export const DEMO_DEFAULT_USER = 'viewer@example.com';

export interface DemoUser extends AuthenticatedUser {
  /** Moderates rooms (room and chat), from the `demo_role` cookie. */
  moderator: boolean;
}

export interface DemoBackendOptions {
  /**
   * Where the sandbox answers, e.g. `http://127.0.0.1:8787`. Default: this same server, taken from
   * the socket each request arrived on (never from the Host header, which a client chooses).
   */
  sandboxOrigin?: string;
}

type Next = (error?: unknown) => void;
export type DemoMiddleware = (req: IncomingMessage, res: ServerResponse, next: Next) => void;

const USER_ID = /^[A-Za-z0-9._@+-]{1,64}$/;

function cookies(header: string | null | undefined): Map<string, string> {
  const jar = new Map<string, string>();
  for (const pair of (header ?? '').split(';')) {
    const eq = pair.indexOf('=');
    if (eq < 1) continue;
    try {
      jar.set(pair.slice(0, eq).trim(), decodeURIComponent(pair.slice(eq + 1).trim()));
    } catch {
      // A malformed value is ignored.
    }
  }
  return jar;
}

/** The demo's sign-in: everyone is signed in, as `demo_user` or the seeded viewer. */
export function demoAuthenticate(request: Request): DemoUser {
  const jar = cookies(request.headers.get('cookie'));
  const named = jar.get('demo_user');
  return {
    userId: named && USER_ID.test(named) ? named : DEMO_DEFAULT_USER,
    moderator: jar.get('demo_role') === 'moderator',
  };
}

/**
 * The room privileges of the KAF rooms guide (KS authentication): `entryId`, `roomModerator`,
 * `chatModerator`. A real backend first checks that this person may join this room.
 */
export function demoPrivileges(user: DemoUser, _request: Request, hints: { widget: string | undefined; entryId: string | undefined }): string {
  if (hints.widget !== 'room' || !hints.entryId) return '';
  const flag = user.moderator ? 1 : 0;
  return `entryId:${hints.entryId},roomModerator:${flag},chatModerator:${flag}`;
}

/** The backend's ADMIN KS, minted here and renewed well before it expires; it never leaves the server. */
function adminKsSource(): () => string {
  let current: { ks: string; renewAt: number } | undefined;
  return () => {
    if (!current || Date.now() >= current.renewAt) {
      const minted = mintKs({
        partnerId: DEMO_PARTNER_ID,
        secret: sandboxAdminSecret(DEMO_PARTNER_ID),
        userId: 'demo-backend',
        type: KS_TYPE_ADMIN,
        expiresIn: 3600,
      });
      current = { ks: minted.ks, renewAt: Date.parse(minted.expiresAt) - 10 * 60_000 };
    }
    return current.ks;
  };
}

/** `http://{address}:{port}` of the socket a request came in on. */
function localOrigin(req: IncomingMessage): string {
  const { localAddress = '127.0.0.1', localPort } = req.socket;
  const host = localAddress === '::' || localAddress === '0.0.0.0' ? '127.0.0.1' : localAddress.includes(':') ? `[${localAddress}]` : localAddress;
  return `http://${host}:${localPort}`;
}

/** `?role=` / `?user=` on a page: the demo's way of signing in as someone else. */
function signIn(req: IncomingMessage, res: ServerResponse, url: URL): void {
  const set: string[] = [];
  const role = url.searchParams.get('role');
  if (role === 'moderator' || role === 'participant') set.push(`demo_role=${role}`);
  const user = url.searchParams.get('user');
  if (user !== null && USER_ID.test(user)) set.push(`demo_user=${encodeURIComponent(user)}`);
  if (set.length === 0 || req.method !== 'GET') return;
  const existing = res.getHeader('set-cookie');
  const before = existing === undefined ? [] : Array.isArray(existing) ? existing : [String(existing)];
  res.setHeader('set-cookie', [...before, ...set.map((cookie) => `${cookie}; Path=/; HttpOnly; SameSite=Lax`)]);
}

/** Connect middleware answering `/api/ks` and `/api/game/...`; anything else goes on. */
export function createDemoBackend(options: DemoBackendOptions = {}): DemoMiddleware {
  const adminKs = adminKsSource();
  const tokens = toNodeHandler(
    createTokenHandler<DemoUser>({
      authenticate: demoAuthenticate,
      mint: { partnerId: DEMO_PARTNER_ID, secret: sandboxAdminSecret(DEMO_PARTNER_ID) },
      privileges: demoPrivileges,
      expiresIn: 3600,
    }),
  );
  const proxies = new Map<string, NodeHandler>();
  const gameProxyFor = (origin: string): NodeHandler => {
    let proxy = proxies.get(origin);
    if (!proxy) {
      proxy = toNodeHandler(
        createGameProxy<DemoUser>({
          gameUrl: `${origin}/sandbox/scm/api/v1`,
          adminKs,
          authenticate: demoAuthenticate,
          userDirectory: { serviceUrl: `${origin}/sandbox/api_v3` },
        }),
      );
      proxies.set(origin, proxy);
    }
    return proxy;
  };

  return (req, res, next) => {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://localhost');
    } catch {
      return next();
    }
    if (url.pathname === '/api/ks') return tokens(req, res, next);
    if (url.pathname.startsWith('/api/game/')) return gameProxyFor(options.sandboxOrigin ?? localOrigin(req))(req, res, next);
    if (url.pathname === '/' || url.pathname.endsWith('.html')) signIn(req, res, url);
    next();
  };
}

/**
 * Mounts the demo backend on Vite's dev and preview servers (`npm start`, and Storybook's dev
 * server, which loads vite.config.ts too). Builds do not need it.
 */
export function demoBackendPlugin(options?: DemoBackendOptions): Plugin {
  return {
    name: 'kaltura-widgets-demo-backend',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use(createDemoBackend(options));
    },
    configurePreviewServer(server) {
      server.middlewares.use(createDemoBackend(options));
    },
  };
}
