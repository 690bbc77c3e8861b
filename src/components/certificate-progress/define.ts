import { define } from '../shared/define.js';
import { KalCertificateProgress } from './kal-certificate-progress.js';

define('kal-certificate-progress', KalCertificateProgress);

export { KalCertificateProgress };
