import type { Message } from '../messages.js';

/** English text of <kal-certificate-progress> (translations: src/i18n/locales/). */
export const certificateMessages = {
  'certificate.state.notStarted': 'Not started',
  'certificate.state.inProgress': 'In progress',
  'certificate.state.certified': 'Certified',
  'certificate.state.certifiedOn': 'Certified on {date}',
  'certificate.creditsLabel': 'Credits',
  'certificate.credits': { one: '{credits} of {threshold} credit', other: '{credits} of {threshold} credits' },
  'certificate.creditsEarned': { one: '{credits} credit earned', other: '{credits} credits earned' },
  'certificate.remaining': { one: '{remaining} more credit to earn this certificate.', other: '{remaining} more credits to earn this certificate.' },
  'certificate.entriesLabel': 'Sessions',
  'certificate.entriesSummary': { one: '{certified} of {count} session certified', other: '{certified} of {count} sessions certified' },
  'certificate.entriesEmpty': 'No sessions count toward this certificate yet. Each qualifying session you watch earns its own certificate.',
  'certificate.rulesTitle': 'How to earn credits',
  'certificate.rule.credits': { one: '{credits} credit', other: '{credits} credits' },
  'certificate.rule.count': '{progress} / {goal}',
  'certificate.rule.unnamed': 'Step {n}',
  'certificate.tiers': 'Credits by level',
  'certificate.tier': { one: 'Level {level}: {credits} credit', other: 'Level {level}: {credits} credits' },
  'certificate.disabled': 'This certificate is not open right now: no credits are being awarded.',
  'certificate.stale': 'Progress could not be updated just now. Showing what we last saw.',
  'certificate.notFound': 'There is no certificate “{id}”. Check the certificate-id.',
  'certificate.link': 'Open the certificate page',
  'certificate.newTab': '(opens in a new tab)',
  'certificate.announce': 'Certificate earned: {name}',
  'certificate.announceEntry': 'Certificate earned: {name}, {entry}',
} satisfies Record<string, Message>;
