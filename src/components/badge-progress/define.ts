import { define } from '../shared/define.js';
import { KalBadgeProgress } from './kal-badge-progress.js';

define('kal-badge-progress', KalBadgeProgress);

export { KalBadgeProgress };
