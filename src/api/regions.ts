import { KalError } from './errors.js';

/** Kaltura's regional deployments (Game Services guide 3.1; the API overview names nvp1/irp2/frp2). */
export const REGIONS = ['nvp1', 'irp2', 'frp2', 'sgp2', 'syp2', 'cap2'] as const;
export type Region = (typeof REGIONS)[number];

/** The Messaging guide (002) lists these regions only; elsewhere there is no Messaging host to default to. */
const MESSAGING_REGIONS: readonly Region[] = ['nvp1', 'irp2', 'frp2'];

export interface ServiceUrls {
  /** Game Services through the host's proxy (`createGameProxy`): SCM itself takes only an ADMIN KS. */
  game?: string;
  /** Messaging base, ending in /api/v1. */
  messaging?: string;
  /** KAF base for embedded rooms (else https://{kaf-host}). */
  kaf?: string;
  /** The Events Platform through the host's proxy (`createEventsProxy`): it takes only an ADMIN KS. */
  events?: string;
}

export interface ResolvedUrls {
  /** Undefined until the host names its Game proxy: the kit never calls SCM from a browser. */
  game: string | undefined;
  /** Undefined in a region the Messaging guide does not list, unless the host names one. */
  messaging: string | undefined;
  /** Undefined until the host names its Events proxy: the kit never calls the Events Platform from a browser. */
  events: string | undefined;
}

export function isRegion(value: unknown): value is Region {
  return typeof value === 'string' && (REGIONS as readonly string[]).includes(value);
}

/** Base URLs for a region, with overrides (a host proxy or the sandbox) taking precedence. */
export function serviceUrlsFor(region: string | undefined, overrides: ServiceUrls = {}): ResolvedUrls {
  const name = region ?? 'nvp1';
  if (!isRegion(name)) {
    throw new KalError('config', `unknown region "${name}": use nvp1, irp2, frp2, sgp2, syp2 or cap2`);
  }
  const messaging = overrides.messaging ?? (MESSAGING_REGIONS.includes(name) ? `https://messaging.${name}.ovp.kaltura.com/api/v1` : undefined);
  return {
    game: overrides.game === undefined ? undefined : trimSlash(overrides.game),
    messaging: messaging === undefined ? undefined : trimSlash(messaging),
    events: overrides.events === undefined ? undefined : trimSlash(overrides.events),
  };
}

/** The services that take only an ADMIN KS (guides 004 §3 and 001 §2), which the browser reaches through a proxy. */
const PROXIED = {
  game: { service: 'Game Services', article: '', verb: 'accept', attribute: 'game-url', proxy: 'createGameProxy', messageKey: 'error.noGameProxy' },
  events: { service: 'Events Platform', article: 'the ', verb: 'accepts', attribute: 'events-url', proxy: 'createEventsProxy', messageKey: 'error.noEventsProxy' },
} as const;

/**
 * The base a browser may call for a service that takes only an ADMIN KS: the host's proxy. That KS
 * must stay on a server, so a missing proxy or one pointing at Kaltura's own host is a set-up error,
 * reported before anything is sent.
 */
function proxyBase(urls: ResolvedUrls, kind: keyof typeof PROXIED): string {
  const url = urls[kind];
  const { service, article, verb, attribute, proxy, messageKey } = PROXIED[kind];
  if (!url) {
    throw new KalError(
      'config',
      `no ${service} proxy: set ${attribute} or configure({ serviceUrls: { ${kind} } }) to a ${proxy} endpoint on your backend (${article}${service} ${verb} only an ADMIN KS, which must stay on a server)`,
      { messageKey },
    );
  }
  if (isKalturaHost(url)) {
    throw new KalError('config', `${attribute} points at Kaltura's ${service}, which ${verb} only an ADMIN KS: mount ${proxy} on your backend and point ${attribute} at it`, {
      messageKey,
    });
  }
  return url;
}

/** The Game Services base: the host's `createGameProxy`. */
export const gameBase = (urls: ResolvedUrls): string => proxyBase(urls, 'game');

/** The Events Platform base: the host's `createEventsProxy`. */
export const eventsBase = (urls: ResolvedUrls): string => proxyBase(urls, 'events');

/** The Messaging base, or a set-up error naming the setting to add. */
export function messagingBase(urls: ResolvedUrls, region: string | undefined): string {
  if (urls.messaging) return urls.messaging;
  throw new KalError('config', `region "${region}" has no Messaging service in the guide (nvp1, irp2, frp2): set messaging-url or serviceUrls.messaging`);
}

/** Kaltura's own hosts: the kit never sends them cookies. */
export function isKalturaHost(url: string): boolean {
  try {
    const { hostname } = new URL(url, globalThis.location?.href);
    return hostname === 'kaltura.com' || hostname.endsWith('.kaltura.com');
  } catch {
    return false;
  }
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}
