import * as v from 'valibot';

/** A number, or a numeric string (the guides write goals as "3"); anything else fails. */
export const numberLike = v.pipe(
  v.union([v.number(), v.pipe(v.string(), v.regex(/^\s*-?\d+(\.\d+)?\s*$/))]),
  v.transform((value) => Number(value)),
);

/** Optional text that tolerates null (services differ in how they leave a field out). */
export const optionalText = v.optional(v.nullable(v.string()));

/** The `{ totalCount, objects }` envelope every list action answers with. */
export function listOf<T extends v.GenericSchema>(item: T) {
  return v.object({
    totalCount: v.optional(numberLike),
    objects: v.array(item),
  });
}
