import type { Message } from '../messages.js';

/** English text of <kal-points-guide> (translations: src/i18n/locales/). */
export const pointsMessages = {
  'points.title': 'How to earn points',
  'points.summary': { one: '{count} way to earn points', other: '{count} ways to earn points' },
  'points.doneCount': { one: '{count} done', other: '{count} done' },
  'points.each': { one: '{points} point', other: '{points} points' },
  'points.varies': 'Points vary',
  'points.cap': { one: 'Up to {max} point', other: 'Up to {max} points' },
  'points.capPerVideo': { one: 'Up to {max} point per video', other: 'Up to {max} points per video' },
  'points.capPerItem': { one: 'Up to {max} point per item', other: 'Up to {max} points per item' },
  'points.noCap': 'No limit',
  'points.earned': { one: '{earned} of {max} point earned', other: '{earned} of {max} points earned' },
  'points.earnedSoFar': { one: '{earned} point earned so far', other: '{earned} points earned so far' },
  'points.done': 'Done',
  'points.unnamed': 'Activity {n}',
  'points.empty': 'There are no ways to earn points here yet.',
  'points.notFound': 'There is no leaderboard “{id}”. Check the leaderboard-id.',
  'points.stale': 'Progress could not be updated just now. Showing what we last saw.',
  'points.announceDone': 'All points earned: {name}',
} satisfies Record<string, Message>;
