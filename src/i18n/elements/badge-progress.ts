import type { Message } from '../messages.js';

/** English text of <kal-badge-progress> (translations: src/i18n/locales/). */
export const badgeMessages = {
  'badges.summary': { one: '{achieved} of {count} badge earned', other: '{achieved} of {count} badges earned' },
  'badges.empty': 'There are no badges to show yet.',
  'badges.missing': { one: '{count} badge could not be found.', other: '{count} badges could not be found.' },
  'badges.stale': 'Progress could not be updated just now. Showing what we last saw.',
  'badges.listLabel': 'Badges',
  'badges.state.locked': 'Locked',
  'badges.state.inProgress': 'In progress',
  'badges.state.achieved': 'Achieved',
  'badges.state.achievedOn': 'Achieved on {date}',
  'badges.rule.count': '{progress} / {goal}',
  'badges.rule.text': '{progress} of {goal} · {rule}',
  'badges.rule.unnamed': 'Step {n}',
  'badges.announce': 'Badge earned: {name}',
} satisfies Record<string, Message>;
