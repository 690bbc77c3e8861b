import { define } from '../shared/define.js';
import { KalPointsGuide } from './kal-points-guide.js';

define('kal-points-guide', KalPointsGuide);

export { KalPointsGuide };
