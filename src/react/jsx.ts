/**
 * JSX types for using the elements directly in React 19 (which sets properties on custom elements
 * and listens to their events natively): `<kal-leaderboard leaderboard-id="…" onkal-load={…} />`.
 * Made from the element table and each element's class: an element's data properties are its
 * attributes, in kebab case (`leaderboardId` → `leaderboard-id`, the kit's rule, which a Node test
 * checks against the manifest), and its optional callbacks (`getKs`, `resolveUsers`) are properties.
 */
import type { HTMLAttributes, RefAttributes } from 'react';
import type { LitElement } from 'lit';
import type { KalEventDetails } from '../components/shared/events.js';
import type { EventsOf, KitTag, Pascal } from '../elements.js';
import type * as kit from '../index.js';

/** A tag's element class, as the all-in-one entry exports it (`kal-pref-group` → `KalPrefGroup`). */
export type ElementOf<Tag extends KitTag> = InstanceType<(typeof kit)[Pascal<Tag>]>;

/** `leaderboardId` → `leaderboard-id`. */
type Kebab<S extends string> = S extends `${infer Head}${infer Tail}` ? `${Head extends Lowercase<Head> ? Head : `-${Lowercase<Head>}`}${Kebab<Tail>}` : S;

/** Whether `T[K]` can be assigned (accessors with only a getter are read-only). */
type IsWritable<T, K extends keyof T> =
  (<X>() => X extends { [Q in K]: T[K] } ? 1 : 2) extends <X>() => X extends { -readonly [Q in K]: T[K] } ? 1 : 2 ? true : false;
/** The element's own public members (not Lit's or the DOM's), writable ones only. */
type OwnKeys<E> = { [K in Exclude<keyof E, keyof LitElement>]-?: IsWritable<E, K> extends true ? K : never }[Exclude<keyof E, keyof LitElement>];
type IsFunction<T> = NonNullable<T> extends (...args: never[]) => unknown ? true : false;
/** Data properties are attributes; optional callbacks are properties only; methods (never optional) are neither. */
type DataKeys<E> = { [K in OwnKeys<E>]-?: IsFunction<E[K]> extends true ? never : K }[OwnKeys<E>];
type CallbackKeys<E> = { [K in OwnKeys<E>]-?: IsFunction<E[K]> extends true ? (undefined extends E[K] ? K : never) : never }[OwnKeys<E>];

/** A number attribute may be written as text (`page-size="10"`). */
type AttributeValue<T> = T extends number ? T | string : T;
type Attributes<E> = { [K in DataKeys<E> & string as Kebab<K>]?: AttributeValue<E[K]> };
type Callbacks<E> = { [K in CallbackKeys<E>]?: E[K] };
type EventHandlers<Events extends keyof KalEventDetails> = { [Event in Events as `on${Event}`]?: (event: CustomEvent<KalEventDetails[Event]>) => void };

/** The JSX props of a kit tag. */
export type KitJsxProps<Tag extends KitTag, E = ElementOf<Tag>> = Omit<HTMLAttributes<E>, keyof Attributes<E>> &
  RefAttributes<E> & { class?: string } & Attributes<E> &
  Callbacks<E> &
  EventHandlers<EventsOf<Tag>>;

type KitIntrinsicElements = { [Tag in KitTag]: KitJsxProps<Tag> };

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements extends KitIntrinsicElements {}
  }
}
