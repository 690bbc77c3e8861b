import type { Message } from '../messages.js';

/** English text of <kal-event-agenda> (translations: src/i18n/locales/). */
export const agendaMessages = {
  'agenda.empty': 'No sessions have been published for this event yet.',
  'agenda.notFound': 'There is no event “{id}” to show. Check the event-id.',
  'agenda.cancelled': 'This event has been cancelled.',
  'agenda.ended': 'This event has ended.',
  'agenda.stale': 'The agenda could not be updated just now. Showing what we last saw.',
  'agenda.zoneNote': 'Times are in your time zone ({viewer}). The event’s time zone is {event}.',
  'agenda.eventTime': 'Event time: {time}',
  'agenda.state.soon': 'Starting soon',
  'agenda.state.live': 'Live now',
  'agenda.state.ended': 'Ended',
  'agenda.state.cancelled': 'Cancelled',
  'agenda.addToCalendar': 'Add to calendar',
  'agenda.announceLive': 'Live now: {name}',
  'agenda.type.MeetingEntry': 'Interactive room',
  'agenda.type.LiveWebcast': 'Live webcast',
  'agenda.type.SimuLive': 'Simulive',
  'agenda.type.LiveKME': 'Live broadcast',
  'agenda.type.VirtualLearningRoom': 'Virtual classroom',
} satisfies Record<string, Message>;
