// The demo page's wiring: one configure() call, as a host page would write it. The elements are
// loaded after the demo's toolbar (theme, language, direction, sandbox faults: demo/toolbar.ts) has
// put the page and the sandbox in the state its URL names, so their first calls already meet it.
import { configure } from '../src/config.js';
import { startToolbar } from './toolbar.js';

const partnerId = 1001;
// The demo backend's token endpoint mints a USER KS for the signed-in person (demo/backend.ts);
// open the page with ?role=moderator to join the room as its moderator.
const tokenEndpoint = '/api/ks';

configure({
  partnerId,
  serviceUrls: {
    // Game Services through the demo backend's read-only proxy (it holds the ADMIN KS): demo/backend.ts.
    game: '/api/game',
    // Messaging and KAF rooms take the viewer's USER KS directly (here: the sandbox).
    messaging: '/sandbox/messaging/api/v1',
    kaf: '/sandbox/kaf',
  },
  tokenEndpoint,
});

const toolbar = await startToolbar({ partnerId, tokenEndpoint });
await import('../src/index.js');
await toolbar.kitLoaded();
