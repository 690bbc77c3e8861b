import { KalError } from './errors.js';

/** Kaltura's regional deployments (Game Services guide 3.1; the API overview names nvp1/irp2/frp2). */
export const REGIONS = ['nvp1', 'irp2', 'frp2', 'sgp2', 'syp2', 'cap2'] as const;
export type Region = (typeof REGIONS)[number];

export interface ServiceUrls {
  /** Game Services (SCM) base, ending in /api/v1. */
  game?: string;
  /** Messaging base, ending in /api/v1. */
  messaging?: string;
  /** KAF base for embedded rooms (else https://{kaf-host}). */
  kaf?: string;
}

export function isRegion(value: unknown): value is Region {
  return typeof value === 'string' && (REGIONS as readonly string[]).includes(value);
}

/** Base URLs for a region, with overrides (a host proxy or the sandbox) taking precedence. */
export function serviceUrlsFor(region: string | undefined, overrides: ServiceUrls = {}): Required<Omit<ServiceUrls, 'kaf'>> {
  const name = region ?? 'nvp1';
  if (!isRegion(name)) {
    throw new KalError('config', `unknown region "${name}": use nvp1, irp2, frp2, sgp2, syp2 or cap2`);
  }
  return {
    game: trimSlash(overrides.game ?? `https://scm.${name}.ovp.kaltura.com/api/v1`),
    messaging: trimSlash(overrides.messaging ?? `https://messaging.${name}.ovp.kaltura.com/api/v1`),
  };
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}
