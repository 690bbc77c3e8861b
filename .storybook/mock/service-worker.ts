/**
 * The service worker of Storybook's static build (`npm run build-storybook`): the sandbox and the
 * demo's Game proxy running in the browser, so `storybook-static` works from any static file server.
 * The same code as under `storybook dev` (sandbox/ and demo/backend.ts), not recorded answers: every
 * story and control behaves as it does there. Built by ./build-plugin.ts; registered by ./register.ts.
 */
// The sandbox is plain JavaScript with JSDoc types.
// @ts-ignore
import { createSandbox } from '../../sandbox/index.js';
// @ts-ignore
import { DEMO_TICK_MS } from '../../sandbox/vite-plugin.js';
import { createDemoProxy } from '../../demo/backend.js';
import { runNodeMiddleware, type NodeMiddleware } from './node-bridge.js';

/** What this file needs of the service worker scope (the DOM typings describe a window). */
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(response: Promise<Response>): void;
}
const worker = self as unknown as {
  location: Location;
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  addEventListener(type: 'install' | 'activate' | 'message', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
};

const sandbox = createSandbox({ autoTickMs: DEMO_TICK_MS }) as { handle: NodeMiddleware };
const toSandbox = (request: Request) => runNodeMiddleware(sandbox.handle, request);
// The proxies' upstream calls stay in this worker (a worker's own fetch would go to the file server).
const upstream = (input: RequestInfo | URL, init?: RequestInit) => toSandbox(new Request(input, init));
const proxies = { game: createDemoProxy('game', worker.location.origin, upstream), events: createDemoProxy('events', worker.location.origin, upstream) };

worker.addEventListener('install', (event) => event.waitUntil(worker.skipWaiting()));
// Takes the open preview at once (or when asked): it waits for this before the first story (register.ts).
worker.addEventListener('activate', (event) => event.waitUntil(worker.clients.claim()));
worker.addEventListener('message', (event) => event.waitUntil(worker.clients.claim()));

worker.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (url.origin !== worker.location.origin) return;
  if (url.pathname === '/sandbox' || url.pathname.startsWith('/sandbox/')) event.respondWith(toSandbox(event.request));
  else if (url.pathname.startsWith('/api/game/')) event.respondWith(Promise.resolve(proxies.game(event.request)));
  else if (url.pathname.startsWith('/api/events/')) event.respondWith(Promise.resolve(proxies.events(event.request)));
});
