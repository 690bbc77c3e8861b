// Registers <kal-unsubscribe-prefs> and <kal-pref-group> (safe when the kit is on the page twice).
import { define } from '../shared/define.js';
import { KalPrefGroup } from './kal-pref-group.js';
import { KalUnsubscribePrefs } from './kal-unsubscribe-prefs.js';

define('kal-pref-group', KalPrefGroup);
define('kal-unsubscribe-prefs', KalUnsubscribePrefs);

export { KalPrefGroup, KalUnsubscribePrefs };
export { forgetLinkKs } from './link-ks.js';
