// The demo page's wiring: one configure() call, as a host page would write it. The elements are
// loaded after the demo's toolbar (theme, language, direction, sandbox faults: demo/toolbar.ts) has
// put the page and the sandbox in the state its URL names, so their first calls already meet it.
import { configure } from '../src/config.js';
import { startToolbar } from './toolbar.js';

/** `?layout=event` (an event site) or `?layout=course` (an LMS course) in place of every widget. */
function showLayout(layout: string | null): void {
  const template = layout ? document.querySelector<HTMLTemplateElement>(`template#layout-${layout}`) : null;
  if (template) document.querySelector('#demo-main')!.replaceChildren(template.content.cloneNode(true));
  for (const link of document.querySelectorAll<HTMLAnchorElement>('.demo-layouts a')) {
    const current = (new URL(link.href).searchParams.get('layout') ?? '') === (template ? layout : '');
    if (current) link.setAttribute('aria-current', 'page');
  }
}

const partnerId = 1001;
// The demo backend's token endpoint mints a USER KS for the signed-in person (demo/backend.ts);
// open the page with ?role=moderator to join the room as its moderator.
const tokenEndpoint = '/api/ks';

configure({
  partnerId,
  serviceUrls: {
    // Game Services through the demo backend's read-only proxy (it holds the ADMIN KS): demo/backend.ts.
    game: '/api/game',
    // The Events Platform through the demo backend's Events proxy (an ADMIN KS with a user id, pinned to the demo's events).
    events: '/api/events',
    // Messaging and KAF rooms take the viewer's USER KS directly (here: the sandbox).
    messaging: '/sandbox/messaging/api/v1',
    kaf: '/sandbox/kaf',
  },
  tokenEndpoint,
});

showLayout(new URLSearchParams(location.search).get('layout'));
const toolbar = await startToolbar({ partnerId, tokenEndpoint });
await import('../src/index.js');
await toolbar.kitLoaded();
