import { define } from '../shared/define.js';
import { KalRoomEmbed } from './kal-room-embed.js';

define('kal-room-embed', KalRoomEmbed);

export { KalRoomEmbed };
