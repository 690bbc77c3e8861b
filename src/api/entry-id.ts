/**
 * The one entry-id rule, shared by `<kal-room-embed>` and the server's token handler so that an id
 * the element accepts is never silently dropped by the server. KAF room ids look like `1_abcd1234`;
 * the rule is lenient about their form but refuses anything that could leave a URL path segment
 * or a KS privilege (`/`, `,`, `:`).
 */
export const ENTRY_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export function isEntryId(value: string): boolean {
  return ENTRY_ID_PATTERN.test(value);
}
