/** A message: text with `{placeholders}`, or plural forms picked by the `count` parameter (Intl.PluralRules). */
export type Message = string | Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/**
 * English text every element uses: loading, retry and error states. Each element keeps its own
 * English text in `i18n/elements/`, so a page loads only the text of the elements it uses.
 */
export const sharedMessages = {
  'state.loading': 'Loading…',
  'state.retry': 'Try again',
  'state.retrying': 'Retrying…',
  'state.updatedAgo': 'Updated {ago} · retrying',
  'state.emptyTitle': 'Nothing here yet',
  'state.errorTitle': 'Something went wrong',
  'state.offlineTitle': 'No connection',
  'state.setupTitle': 'Setup needed',
  'state.notFoundTitle': 'Not found',
  'state.lockedTitle': 'No access',
  'state.sessionTitle': 'Sign-in needed',
  'error.unauthorized': 'Your session could not be confirmed. Please sign in again.',
  'error.forbidden': 'You do not have access to this content.',
  'error.notFound': 'This content could not be found.',
  'error.invalidResponse': 'The service sent something unexpected. Please try again later.',
  'error.network': 'The service could not be reached. Check your connection.',
  'error.timeout': 'The service is taking too long to answer.',
  'error.server': 'The service is having trouble right now. Please try again.',
  'error.rateLimited': 'The service is busy right now. Please try again in a moment.',
  'error.config': 'This widget is not set up correctly.',
  'error.tokenFailed': 'We could not start your session. Please sign in again.',
  'error.tokenUnreachable': 'We could not reach the sign-in service. Check your connection and try again.',
  'error.tokenServer': "We could not start your session: the site's sign-in service is having trouble. Please try again.",
  'error.tokenEndpoint': 'This widget is not set up correctly: its token endpoint could not be used.',
  'error.tokenTimeout': 'Starting your session took too long.',
  'error.tokenInvalid': 'This widget is not set up correctly: no valid session was provided.',
  'error.adminKs': 'This widget is not set up safely: it was given an administrator session, which must never reach a browser.',
  'error.noToken': 'This widget is not set up correctly: it has no way to get a session.',
  'error.noGameProxy': 'This widget is not set up yet: its site has not connected it to the game service.',
  'error.noEventsProxy': 'This widget is not set up yet: its site has not connected it to the events service.',
  'error.aborted': 'The request was cancelled.',
} satisfies Record<string, Message>;
