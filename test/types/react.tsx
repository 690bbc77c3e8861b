// Checked by tsc (`npx tsc --noEmit -p .`), never run: the React components and the JSX types as an
// app uses them. A tag of the element table without its component or JSX entry, a prop or event
// typed wrongly, or a type gone `any`, fails the type check here.
import type { JSX } from 'react';
import type { KitTag, ReactName } from '../../src/elements.js';
import { components } from '../../src/react/index.js';

const { Leaderboard, BadgeProgress, RoomEmbed, UnsubscribePrefs, PrefGroup } = components;

/** Every tag has a component (by its React name) and a JSX entry. */
export type EveryTag = { [Tag in KitTag]: [(typeof components)[ReactName<Tag>], JSX.IntrinsicElements[Tag]] };

export const wrappers = (
  <>
    <Leaderboard
      leaderboardId="lb_conference"
      pageSize={10}
      live
      layout="scroll"
      getKs={async () => ({ ks: 'ks', expiresAt: 0 })}
      resolveUsers={async (ids) => Object.fromEntries(ids.map((id) => [id, { name: id }]))}
      onKalLoad={(event) => event.detail.count}
      onKalError={(event) => event.detail.code.length + Number(event.detail.retryable)}
      onKalRankChange={(event) => event.detail.from - event.detail.to}
    />
    <BadgeProgress virtualEventId="12345" layout="compact" onKalBadgeAchieved={(event) => event.detail.achievedAt.length} />
    <RoomEmbed kafHost="kaf.example.com" entryId="1_abcd1234" join="auto" onKalRoomJoin={(event) => event.detail.entryId} onKalRoomLeave={(event) => event.detail.entryId} />
    <UnsubscribePrefs ksParam="ks" onKalPrefsSaved={(event) => event.detail.unsubscribed.length}>
      <PrefGroup groupId="event-updates" label="Event updates" />
    </UnsubscribePrefs>
    {/* @ts-expect-error: another element's event */}
    <BadgeProgress onKalRankChange={() => undefined} />
    {/* @ts-expect-error: a leaderboard's layout is `table` or `scroll` */}
    <Leaderboard layout="grid" />
    {/* @ts-expect-error: the detail of kal-room-join has no count */}
    <RoomEmbed onKalRoomJoin={(event) => event.detail.count} />
  </>
);

export const tags = (
  <>
    <kal-leaderboard leaderboard-id="lb_conference" page-size="10" live partner-id={123} theme="dark" onkal-rank-change={(event) => event.detail.to} />
    <kal-badge-progress badge-ids="a,b" sort="achieved-first" refresh-interval={30} onkal-badge-achieved={(event) => event.detail.badgeId} />
    <kal-room-embed kaf-host="kaf.example.com" entry-id="1_abcd1234" join="click" load-timeout="20" onkal-room-leave={(event) => event.detail.entryId} />
    <kal-unsubscribe-prefs ks-param="ks" getKs={async () => 'ks'} onkal-load={(event) => event.detail.count} class="prefs">
      <kal-pref-group group-id="event-updates" label="Event updates" description="Schedule changes" />
    </kal-unsubscribe-prefs>
    {/* @ts-expect-error: attributes are kebab case */}
    <kal-room-embed entryId="1_abcd1234" />
    {/* @ts-expect-error: theme is auto, light or dark */}
    <kal-leaderboard theme="blue" />
    {/* @ts-expect-error: a method is no prop */}
    <kal-leaderboard refresh={() => Promise.resolve()} />
    {/* @ts-expect-error: the detail of kal-rank-change has no count (TypeScript checks no hyphenated name it does not know, only the type of one it does) */}
    <kal-leaderboard onkal-rank-change={(event) => event.detail.count} />
  </>
);
