import { KalError } from '../../api/errors.js';

/** `refresh-interval` of the elements that take a number attribute: seconds, default 30, at least 5. */
export const DEFAULT_INTERVAL_SECONDS = 30;
const MIN_INTERVAL_SECONDS = 5;

/**
 * A `config` error when `refresh-interval` is set to anything but a positive number (empty, `NaN`,
 * `1e309`, negative), naming the attribute as written; undefined when it is fine or not set.
 */
export function refreshIntervalProblem(element: Element, value: number | null | undefined): KalError | undefined {
  if (value === null || value === undefined || (Number.isFinite(value) && value > 0)) return undefined;
  const raw = element.getAttribute('refresh-interval') ?? String(value);
  return new KalError('config', `${element.localName}: refresh-interval must be a positive number of seconds (got "${raw.slice(0, 64)}")`);
}

/** The live timer's interval: the attribute raised to 5 s, or 30 s when it is not a positive number. */
export function liveIntervalSeconds(value: number | null | undefined): number {
  const seconds = Number(value);
  return Number.isFinite(seconds) && seconds > 0 ? Math.max(MIN_INTERVAL_SECONDS, seconds) : DEFAULT_INTERVAL_SECONDS;
}
