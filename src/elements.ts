/**
 * The kit's elements, one row each: the tags a module defines, and the module's name (its entry:
 * `src/components/{module}/define.ts`, built as `dist/{module}.js` and `dist/cdn/{module}.js`). The
 * build, the script-tag loader and `allDefined()` read this table; adding an element adds a row.
 */
export const ELEMENTS = [
  { module: 'leaderboard', tags: ['kal-leaderboard'] },
  { module: 'badge-progress', tags: ['kal-badge-progress'] },
  { module: 'room-embed', tags: ['kal-room-embed'] },
  { module: 'unsubscribe-prefs', tags: ['kal-unsubscribe-prefs', 'kal-pref-group'] },
  { module: 'event-agenda', tags: ['kal-event-agenda'] },
] as const;

export type ElementModule = (typeof ELEMENTS)[number]['module'];

/** Each element's main tag. */
export const KIT_TAGS = ELEMENTS.map((element) => element.tags[0]);
