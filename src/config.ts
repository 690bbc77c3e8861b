import type { ApiContext } from './api/context.js';
import { KalError } from './api/errors.js';
import { type ServiceUrls, serviceUrlsFor } from './api/regions.js';
import { type GetKs, type SessionSource, sessionFor } from './api/session.js';

/** Page-wide defaults: `KalturaWidgets.configure({...})`. Each element may override them. */
export interface KalturaWidgetsConfig {
  partnerId?: number;
  /** `nvp1` (default), `irp2`, `frp2`, `sgp2`, `syp2`, `cap2`. */
  region?: string;
  /** Base URLs overriding the region's: a host backend proxy, or the sandbox. */
  serviceUrls?: ServiceUrls;
  /** Async token callback; returns a USER KS or `{ ks, expiresAt }`. */
  getKs?: GetKs;
  /** Same-origin URL answering the KS as text or `{ ks, expiresAt }` (for pages without script). */
  tokenEndpoint?: string;
  /** UI language; default: the nearest `lang`, then the browser's. */
  locale?: string;
  /** Per-request (and token callback) timeout in milliseconds (default 15 000). */
  timeoutMs?: number;
  /** Advanced: delays before each retry of a transient failure (default 1000, 2000, 4000). */
  retryDelaysMs?: number[];
}

/** Per-element overrides, from attributes and properties. */
export interface ElementSettings {
  partnerId?: number;
  region?: string;
  gameUrl?: string;
  messagingUrl?: string;
  eventsUrl?: string;
  getKs?: GetKs;
  tokenEndpoint?: string;
}

interface SharedState {
  config: KalturaWidgetsConfig;
  listeners: Set<() => void>;
}

// Kept on a global symbol so two copies of the kit on one page (a CMS plugin and a theme)
// share one configuration, whichever copy defined the elements.
const STATE_KEY = Symbol.for('kaltura-widgets.config');
const globalState = globalThis as unknown as Record<symbol, SharedState | undefined>;
const state: SharedState = (globalState[STATE_KEY] ??= { config: {}, listeners: new Set() });

/** Sets page-wide defaults (merged with earlier calls); elements already on the page re-fetch. */
export function configure(options: KalturaWidgetsConfig): void {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError('configure() takes an options object');
  }
  state.config = {
    ...state.config,
    ...options,
    serviceUrls: { ...state.config.serviceUrls, ...options.serviceUrls },
  };
  for (const listener of [...state.listeners]) listener();
}

/** The current page-wide defaults. */
export function currentConfig(): Readonly<KalturaWidgetsConfig> {
  return state.config;
}

/** Calls `listener` whenever `configure()` changes something. */
export function onConfigure(listener: () => void): () => void {
  state.listeners.add(listener);
  return () => state.listeners.delete(listener);
}

/** Element settings over `configure()`, checked, turned into what the API layer needs. */
export function resolveApi(element: ElementSettings, scope?: SessionSource['scope']): ApiContext {
  const config = state.config;
  const partnerId = element.partnerId ?? config.partnerId;
  if (partnerId !== undefined && (!Number.isInteger(partnerId) || partnerId <= 0)) {
    throw new KalError('config', `partner-id must be a positive whole number`);
  }
  // Checks the region (a `config` error before any other but the partner's).
  const region = element.region || config.region;
  const urls = serviceUrlsFor(region, {
    game: element.gameUrl || config.serviceUrls?.game,
    messaging: element.messagingUrl || config.serviceUrls?.messaging,
    events: element.eventsUrl || config.serviceUrls?.events,
  });
  const getKs = element.getKs ?? (element.tokenEndpoint ? undefined : config.getKs);
  const tokenEndpoint = element.tokenEndpoint || config.tokenEndpoint;
  if (!getKs && !tokenEndpoint) {
    throw new KalError('config', 'no KS source: set getKs or token-endpoint (KalturaWidgets.configure({ getKs }))', {
      messageKey: 'error.noToken',
    });
  }
  if (getKs !== undefined && typeof getKs !== 'function') {
    throw new KalError('config', 'getKs must be a function returning a KS');
  }
  return {
    // Undefined fields are as good as missing to the session and the client.
    session: sessionFor({ partnerId, ...(getKs ? { getKs } : { tokenEndpoint }), scope }, config.timeoutMs),
    urls,
    region: region ?? 'nvp1',
    timeoutMs: config.timeoutMs || undefined,
    retryDelaysMs: config.retryDelaysMs || undefined,
  };
}
