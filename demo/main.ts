// The demo page's wiring: one configure() call, as a host page would write it.
import { configure } from '../src/index.js';

configure({
  partnerId: 1001,
  serviceUrls: {
    // Game Services through the demo backend's read-only proxy (it holds the ADMIN KS): demo/backend.ts.
    game: '/api/game',
    // Messaging and KAF rooms take the viewer's USER KS directly (here: the sandbox).
    messaging: '/sandbox/messaging/api/v1',
    kaf: '/sandbox/kaf',
  },
  // The demo backend's token endpoint mints a USER KS for the signed-in person (demo/backend.ts);
  // open the page with ?role=moderator to join the room as its moderator.
  tokenEndpoint: '/api/ks',
});
