// Shared helpers for browser tests: each test gets its own sandbox partner (an isolated world).
import type { GetKs, TokenContext } from '../../src/api/session.js';
import { configure, currentConfig } from '../../src/config.js';

let counter = 0;

/** A partner id no other test uses, so sandbox switches and state never collide. */
export function newPartner(): number {
  counter += 1;
  return 10_000 + Math.floor(Math.random() * 800_000) * 10 + (counter % 10);
}

export interface MintOptions {
  userId?: string;
  type?: number;
  privileges?: string;
  expiresIn?: number;
  format?: 'v1' | 'v2';
}

/** A KS from the sandbox's stand-in for a host backend. */
export async function mintKs(partnerId: number, options: MintOptions = {}): Promise<{ ks: string; expiresAt: string }> {
  const query = new URLSearchParams({ partnerId: String(partnerId) });
  for (const [key, value] of Object.entries(options)) if (value !== undefined) query.set(key, String(value));
  const response = await fetch(`/sandbox/ks?${query}`);
  if (!response.ok) throw new Error(`mint failed: ${response.status}`);
  return (await response.json()) as { ks: string; expiresAt: string };
}

/** Sets sandbox switches for a partner. */
export async function control(partnerId: number, switches: Record<string, unknown>): Promise<void> {
  const response = await fetch('/sandbox/control', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ partnerId, ...switches }),
  });
  if (!response.ok) throw new Error(`control failed: ${response.status} ${await response.text()}`);
}

export async function sandboxPost(path: string, body: Record<string, unknown>): Promise<unknown> {
  const response = await fetch(`/sandbox/control/${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path} failed: ${response.status}`);
  return response.json().catch(() => undefined);
}

export interface SandboxCall {
  method: string;
  path: string;
  status: number;
  userId?: string;
}

export interface SandboxState {
  calls: SandboxCall[];
  tokenCalls: number;
  preferences: Record<string, string[]>;
  joins: Array<{ entryId: string; userId: string; role: string; chatModerator: boolean }>;
}

export async function sandboxState(partnerId: number): Promise<SandboxState> {
  const response = await fetch(`/sandbox/control/state?partnerId=${partnerId}`);
  return (await response.json()) as SandboxState;
}

/** Service calls the sandbox saw whose path contains `fragment`. */
export async function callsTo(partnerId: number, fragment: string): Promise<SandboxCall[]> {
  return (await sandboxState(partnerId)).calls.filter((call) => call.path.includes(fragment));
}

export interface CountingGetKs {
  getKs: GetKs;
  contexts: TokenContext[];
}

/** A token callback that mints from the sandbox and records every call's context. */
export function countingGetKs(partnerId: number, options: MintOptions = {}): CountingGetKs {
  const contexts: TokenContext[] = [];
  return {
    contexts,
    getKs: async (context) => {
      contexts.push(context);
      return mintKs(partnerId, { userId: 'viewer@example.com', ...options });
    },
  };
}

/** Short retry delays so fault tests stay quick (the policy, not the figures, is under test). */
export const FAST_RETRIES = [5, 10, 20];

/**
 * Game Services and the Events Platform through the demo backend's proxies (they hold the ADMIN KS the
 * strict sandbox asks for, and know the viewer from the KS each test mints); Messaging and rooms take
 * the USER KS directly.
 */
export const SANDBOX_URLS = {
  game: '/api/game',
  messaging: '/sandbox/messaging/api/v1',
  kaf: '/sandbox/kaf',
  events: '/api/events',
};

/**
 * Configures the page for a sandbox partner (a fresh one unless `partnerId` is given): the sandbox's
 * services, a counting token callback minting with the other `options`, and `FAST_RETRIES`.
 */
export function configureSandbox({
  partnerId = newPartner(),
  ...options
}: MintOptions & { partnerId?: number } = {}): CountingGetKs & { partnerId: number } {
  const counting = countingGetKs(partnerId, options);
  configure({ partnerId, serviceUrls: SANDBOX_URLS, getKs: counting.getKs, retryDelaysMs: FAST_RETRIES });
  return { partnerId, ...counting };
}

/** Resolves when `predicate` holds, polling each animation frame (no fixed sleeps). */
export async function until(predicate: () => boolean | Promise<boolean>, message = 'condition', timeoutMs = 10_000): Promise<void> {
  const started = performance.now();
  while (!(await predicate())) {
    if (performance.now() - started > timeoutMs) throw new Error(`timed out waiting for ${message}`);
    await new Promise((resolve) => setTimeout(resolve, 16));
  }
}

/**
 * Restores the page-wide configure() after each test of the calling file, first running the
 * clean-ups pushed onto the returned list (last in, first out).
 */
export function restoreAfterEach(): Array<() => void> {
  const saved = { ...currentConfig() };
  const restores: Array<() => void> = [];
  afterEach(() => {
    while (restores.length) restores.pop()!();
    configure({
      ...saved,
      partnerId: saved.partnerId,
      getKs: saved.getKs,
      tokenEndpoint: saved.tokenEndpoint,
      timeoutMs: saved.timeoutMs,
      retryDelaysMs: saved.retryDelaysMs,
    });
  });
  return restores;
}

/**
 * A fixture page (a plain page, no bundler) loaded in an iframe. With `fillWindow` the frame covers
 * the test window: the virtualizer renders only what is in view.
 */
export async function openPlainPage<W extends Window>(src: string, { fillWindow = false } = {}): Promise<{ frame: HTMLIFrameElement; win: W }> {
  const frame = document.createElement('iframe');
  frame.title = 'plain page';
  if (fillWindow) frame.style.cssText = 'position: fixed; inset: 0; inline-size: 100%; block-size: 100%; border: 0';
  frame.src = src;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  await loaded;
  return { frame, win: frame.contentWindow as unknown as W };
}

/**
 * Watches (and optionally rewrites) service calls whose URL contains `match`, at the network edge, for
 * what the sandbox cannot produce: `request` sees each JSON body sent, `response` may change each 2xx
 * answer's JSON in place. Returns the restore function.
 */
export function intercept(match: string, options: { request?: (body: any) => void; response?: (json: any) => void }): () => void {
  const previous = window.fetch;
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!url.includes(match)) return previous(input, init);
    if (options.request && typeof init?.body === 'string') options.request(JSON.parse(init.body));
    const response = await previous(input, init);
    if (!options.response || !response.ok) return response;
    const json = await response.json();
    options.response(json);
    return new Response(JSON.stringify(json), { status: 200, headers: { 'Content-Type': 'application/json' } });
  };
  return () => {
    window.fetch = previous;
  };
}

/**
 * Game proxy answers without display names, as a host proxy without a `userDirectory` gives them (the
 * demo's proxy names rows from API v3): for tests of `resolveUsers` and privacy-safe ids. Returns the
 * restore function.
 */
export function withoutNames(): () => void {
  const previous = window.fetch;
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const response = await previous(input, init);
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!url.includes('/api/game/userScore/') || !response.ok) return response;
    const json = (await response.json()) as { objects?: Array<Record<string, unknown>>; fullName?: unknown };
    for (const row of json.objects ?? [json]) delete row.fullName;
    return new Response(JSON.stringify(json), { status: response.status, headers: { 'Content-Type': 'application/json' } });
  };
  return () => {
    window.fetch = previous;
  };
}
