import type { KalEventName } from './components/shared/events.js';

/**
 * The kit's elements, one row each: the tags a module defines (the element first, then any child
 * tags it reads), and the module's name (its entry: `src/components/{module}/define.ts`, built as
 * `dist/{module}.js` and `dist/cdn/{module}.js`). The build, the script-tag loader, `allDefined()`,
 * the React components and the JSX types read this table; adding an element adds a row (and its own
 * events, if it has any, to `OWN_EVENTS`).
 *
 * Names follow the tag: `<kal-pref-group>` is the class `KalPrefGroup` (exported by `src/index.ts`)
 * and the React component `PrefGroup`.
 */
export const ELEMENTS = [
  { module: 'leaderboard', tags: ['kal-leaderboard'] },
  { module: 'badge-progress', tags: ['kal-badge-progress'] },
  { module: 'room-embed', tags: ['kal-room-embed'] },
  { module: 'unsubscribe-prefs', tags: ['kal-unsubscribe-prefs', 'kal-pref-group'] },
  { module: 'certificate-progress', tags: ['kal-certificate-progress'] },
  { module: 'event-agenda', tags: ['kal-event-agenda'] },
  { module: 'points-guide', tags: ['kal-points-guide'] },
] as const;

/**
 * Each element's own events: it also fires `kal-load` and `kal-error`, as every element does (child
 * tags fire none). React's `on…` props and JSX's `onkal-…` come from here. Apart from `ELEMENTS`
 * so that the script-tag loader, which reads only the rows, does not carry them.
 */
export const OWN_EVENTS = {
  'kal-leaderboard': ['kal-rank-change'],
  'kal-badge-progress': ['kal-badge-achieved'],
  'kal-room-embed': ['kal-room-join', 'kal-room-leave'],
  'kal-unsubscribe-prefs': ['kal-prefs-saved'],
  'kal-certificate-progress': ['kal-certified'],
} as const satisfies { readonly [Tag in ElementTag]?: readonly KalEventName[] };

export type ElementModule = (typeof ELEMENTS)[number]['module'];
/** Every tag the kit defines. */
export type KitTag = (typeof ELEMENTS)[number]['tags'][number];
/** The tags of the elements themselves (each row's first). */
export type ElementTag = (typeof ELEMENTS)[number]['tags'][0];

/** Each element's main tag. */
export const KIT_TAGS = ELEMENTS.map((element) => element.tags[0]);

/** The events a tag fires: an element `kal-load`, `kal-error` and its own; a child tag none. */
export type EventsOf<Tag extends KitTag> = Tag extends ElementTag
  ? 'kal-load' | 'kal-error' | (Tag extends keyof typeof OWN_EVENTS ? (typeof OWN_EVENTS)[Tag][number] : never)
  : never;
export const eventsOf = <Tag extends KitTag>(tag: Tag): Array<EventsOf<Tag>> =>
  ((KIT_TAGS as readonly string[]).includes(tag) ? ['kal-load', 'kal-error', ...((OWN_EVENTS as Partial<Record<KitTag, readonly KalEventName[]>>)[tag] ?? [])] : []) as Array<EventsOf<Tag>>;

/** `kal-pref-group` → `KalPrefGroup`. */
export type Pascal<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Capitalize<Head>}${Pascal<Tail>}` : Capitalize<S>;
export const pascal = <S extends string>(kebab: S) => kebab.replace(/(^|-)([a-z])/g, (_, _dash: string, letter: string) => letter.toUpperCase()) as Pascal<S>;
/** `kal-pref-group` → `PrefGroup`: the name of a tag's React component. */
export type ReactName<Tag extends string> = Tag extends `kal-${infer Name}` ? Pascal<Name> : never;
export const reactName = <Tag extends string>(tag: Tag) => pascal(tag.slice('kal-'.length)) as ReactName<Tag>;
