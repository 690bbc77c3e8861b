import { define } from '../shared/define.js';
import { KalLeaderboard } from './kal-leaderboard.js';

define('kal-leaderboard', KalLeaderboard);

export { KalLeaderboard };
