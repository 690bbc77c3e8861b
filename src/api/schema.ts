// Response schemas (zod/mini), shared by the API modules. Lenient in what they accept: an optional
// field may be missing or null, ids may be text or numbers, numbers may come as numeric text, and
// fields no schema names are dropped.
import * as z from 'zod/mini';

export type Infer<S extends z.ZodMiniType> = z.infer<S>;

/** Ids: services send them as text or as numbers. */
export const id = z.union([z.string(), z.number()]);

/** A number, or a numeric string (the guides write goals as "3"). */
export const numberLike = z.union([z.number(), z.pipe(z.string().check(z.regex(/^\s*-?\d+(\.\d+)?\s*$/)), z.transform(Number))]);

/** Missing or null is fine (services differ in how they leave a field out); both read as undefined. */
export const optional = <T extends z.ZodMiniType>(schema: T) =>
  z.pipe(z.nullish(schema), z.transform((value): z.output<T> | undefined => value ?? undefined));

/** Optional text. */
export const optionalText = optional(z.string());

/** The `{ totalCount, objects }` envelope every list action answers with. */
export const listOf = <T extends z.ZodMiniType>(item: T) => z.object({ totalCount: optional(numberLike), objects: z.array(item) });

/** A service date (ISO text, or Unix seconds or milliseconds) as a Date; undefined when missing or unreadable. */
export function toDate(value: string | number | undefined): Date | undefined {
  if (value === undefined || value === '') return undefined;
  const date = typeof value === 'number' ? new Date(value < 1e12 ? value * 1000 : value) : new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
