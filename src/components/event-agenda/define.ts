import { define } from '../shared/define.js';
import { KalEventAgenda } from './kal-event-agenda.js';

define('kal-event-agenda', KalEventAgenda);

export { KalEventAgenda };
