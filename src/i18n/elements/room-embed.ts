import type { Message } from '../messages.js';

/** English text of <kal-room-embed> (translations: src/i18n/locales/). */
export const roomMessages = {
  'room.heading': 'Meeting room',
  'room.intro': 'Join to take part. Your browser will then ask to use your camera and microphone.',
  'room.join': 'Join room',
  'room.connecting': 'Connecting to the room…',
  'room.opening': 'Opening the room…',
  'room.frameTitle': 'Meeting room: {name}',
  'room.controls': 'Room controls',
  'room.leave': 'Leave',
  'room.fullscreen': 'Full screen',
  'room.exitFullscreen': 'Exit full screen',
  'room.left': 'You left the meeting room.',
  'room.rejoin': 'Rejoin',
  'room.unreachable': 'The meeting room did not open. Check your connection and try again.',
  'room.invalidHost': 'This meeting room is not set up correctly: its address is not valid.',
  'room.invalidEntry': 'This meeting room is not set up correctly: no valid room was given.',
} satisfies Record<string, Message>;
