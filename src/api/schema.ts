import * as z from 'zod/mini';

/** A number, or a numeric string (the guides write goals as "3"); anything else fails. */
export const numberLike = z.pipe(
  z.union([z.number(), z.string().check(z.regex(/^\s*-?\d+(\.\d+)?\s*$/))]),
  z.transform((value) => Number(value)),
);

/** Optional text that tolerates null (services differ in how they leave a field out). */
export const optionalText = z.optional(z.nullable(z.string()));

/** The `{ totalCount, objects }` envelope every list action answers with. */
export function listOf<T extends z.ZodMiniType>(item: T) {
  return z.object({
    totalCount: z.optional(numberLike),
    objects: z.array(item),
  });
}
