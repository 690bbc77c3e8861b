// Response schemas: small readers that check a JSON answer and say where it went wrong. Written
// here rather than taken from a validation library to keep the kit inside its size budget (issue 7:
// valibot cost ~1.5 KB gzipped of every entry for the handful of checks below; zod/mini more).
// Lenient in what they accept: an optional field may be missing or null.

import { type Schema, SchemaError } from './schema-error.js';

// The type and error live in schema-error.ts: the API client needs them on every page, the readers
// below only the pages whose elements read Game Services answers.
export { type Schema, SchemaError };
export type Infer<S> = S extends Schema<infer T> ? T : never;

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'string' ? `"${value.slice(0, 20)}"` : typeof value;
}

function fail(path: string, expected: string, value: unknown): never {
  throw new SchemaError(path, `expected ${expected}, got ${describe(value)}`);
}

/** A schema for values that pass `test`. */
function check<T>(expected: string, test: (value: unknown) => value is T): Schema<T> {
  return (value, path) => (test(value) ? value : fail(path, expected, value));
}

export const string = check('text', (value): value is string => typeof value === 'string');
export const number = check('a number', (value): value is number => typeof value === 'number' && Number.isFinite(value));
export const boolean = check('true or false', (value): value is boolean => typeof value === 'boolean');
/** Ids: services send them as text or as numbers. */
export const id = check('an id', (value): value is string | number => typeof value === 'string' || typeof value === 'number');
export { unknown } from './schema-error.js';

/** A number, or a numeric string (the guides write goals as "3"); anything else fails. */
export const numberLike: Schema<number> = (value, path) =>
  typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value) ? Number(value) : number(value, path);

/** Missing or null is fine (services differ in how they leave a field out). */
export function optional<T>(schema: Schema<T>): Schema<T | undefined> {
  return (value, path) => (value === undefined || value === null ? undefined : schema(value, path));
}

/** Optional text. */
export const optionalText = optional(string);

export function array<T>(item: Schema<T>): Schema<T[]> {
  return (value, path) => (Array.isArray(value) ? value.map((each, index) => item(each, `${path}.${index}`)) : fail(path, 'a list', value));
}

/** An object with at least these fields (others are ignored, and left out of the result). */
export function object<S extends Record<string, Schema<unknown>>>(shape: S): Schema<{ [K in keyof S]: Infer<S[K]> }> {
  return (value, path) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail(path, 'an object', value);
    const out: Record<string, unknown> = {};
    for (const key in shape) out[key] = shape[key]!((value as Record<string, unknown>)[key], `${path}.${key}`);
    return out as { [K in keyof S]: Infer<S[K]> };
  };
}

/** The `{ totalCount, objects }` envelope every list action answers with. */
export function listOf<T>(item: Schema<T>) {
  return object({ totalCount: optional(numberLike), objects: array(item) });
}

/** A service date (ISO text, or Unix seconds or milliseconds) as a Date; undefined when missing or unreadable. */
export function toDate(value: string | number | undefined): Date | undefined {
  if (value === undefined || value === '') return undefined;
  const date = typeof value === 'number' ? new Date(value < 1e12 ? value * 1000 : value) : new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
