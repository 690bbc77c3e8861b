/** Reads `value` (found at `path`) as a T, or throws a SchemaError. */
export type Schema<T> = (value: unknown, path: string) => T;

export class SchemaError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
  }
}

/** Any answer, as it is. */
export const unknown: Schema<unknown> = (value) => value;
