/**
 * `kaltura-widgets/react`: a React component for each tag of the element table (made with
 * @lit/react, so properties such as `getKs` and `resolveUsers` are set as properties and the kit's
 * events become `on…` props: `kal-rank-change` → `onKalRankChange`). Works with React 18 and 19.
 * Importing this module registers the elements.
 *
 * `components` holds them by name (`<kal-pref-group>` → `PrefGroup`); the package entry gives each
 * its own named export (`import { Leaderboard } from 'kaltura-widgets/react'`), which the build
 * writes from the same table since ES modules need their export names spelled out.
 */
import { type EventName, type ReactWebComponent, createComponent } from '@lit/react';
import * as React from 'react';
import { ELEMENTS, type EventsOf, type KitTag, type Pascal, type ReactName, eventsOf, pascal, reactName } from '../elements.js';
// The all-in-one entry registers every element and exports each class under its tag's name.
import * as kit from '../index.js';
import type { KalEventDetails } from '../components/shared/events.js';
import type { ElementOf } from './jsx.js';
export type * from './jsx.js';

/** `kal-rank-change` → `onKalRankChange`: the prop React code uses for a kit event. */
type PropOf<E extends string> = `on${Pascal<E>}`;
type EventProps<E extends keyof KalEventDetails> = { [Event in E as PropOf<Event>]: EventName<CustomEvent<KalEventDetails[Event]>> };

/** The React component of one tag: its element's properties, and its events as `on…` props. */
export type KitComponent<Tag extends KitTag> = ReactWebComponent<ElementOf<Tag>, EventProps<EventsOf<Tag>>>;
export type KitComponents = { [Tag in KitTag as ReactName<Tag>]: KitComponent<Tag> };

const TAGS: readonly KitTag[] = ELEMENTS.flatMap(({ tags }) => tags);

/** Each tag's class, from the all-in-one entry under its tag's name: tsc stops here when `src/index.ts` lacks one. */
const classes = Object.fromEntries(TAGS.map((tag) => [tag, kit[pascal(tag)]])) as { [Tag in KitTag]: (typeof kit)[Pascal<Tag>] };

const component = <Tag extends KitTag>(tag: Tag): KitComponent<Tag> =>
  createComponent({
    react: React,
    tagName: tag,
    elementClass: classes[tag] as new () => ElementOf<Tag>,
    events: Object.fromEntries(eventsOf(tag).map((event) => [`on${pascal(event)}`, event])) as unknown as EventProps<EventsOf<Tag>>,
    displayName: reactName(tag),
  });

export const components = Object.fromEntries(TAGS.map((tag) => [reactName(tag), component(tag)])) as KitComponents;
