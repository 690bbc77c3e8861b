// The demo page's wiring: one configure() call, as a host page would write it.
import { configure } from '../src/index.js';

configure({
  partnerId: 1001,
  serviceUrls: { game: '/sandbox/scm/api/v1', messaging: '/sandbox/messaging/api/v1', kaf: '/sandbox/kaf' },
  // The sandbox's stand-in for a host backend mints a USER KS for the demo viewer.
  tokenEndpoint: '/sandbox/ks?partnerId=1001&userId=viewer%40example.com',
});
