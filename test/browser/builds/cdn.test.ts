// The CDN build (dist/cdn/, made by `npm run build`: bundled and chunked by the bundler) as a page
// uses it with no bundler: each element's own entry, settings by attribute. The elements share one
// Lit and one session; lazily loaded chunks (the scroll layout, the reorder animation, the live timer,
// a catalogue) arrive when needed.
import { expect } from '@open-wc/testing';
import { callsTo, newPartner, openPlainPage, until } from '../helpers.js';
import { shadowOf } from '../dom.js';

interface CdnWindow extends Window {
  kitEvents: Array<{ name: string; tag: string; detail: { code?: string } }>;
  litHtmlVersions: string[];
}

describe('CDN build, one entry per element', () => {
  it('shows every element, with one Lit and one token call, and loads optional parts and catalogues on demand', async () => {
    const partnerId = newPartner();
    const { frame, win } = await openPlainPage<CdnWindow>(`/test/fixtures/cdn.html?partner=${partnerId}`, { fillWindow: true });
    try {
      await until(
        () => ['kal-leaderboard', 'kal-badge-progress', 'kal-unsubscribe-prefs'].every((tag) => win.kitEvents.some((event) => event.name === 'kal-load' && event.tag === tag)),
        'data in every element',
      );
      expect(win.kitEvents.filter((event) => event.name === 'kal-error')).to.deep.equal([]);
      expect(shadowOf('kal-leaderboard', win.document)?.querySelectorAll('tbody tr')).to.have.length(3); // ranks 2, 3, 5: 1 and 4 are hidden speakers
      expect(shadowOf('kal-room-embed', win.document)?.querySelector('[part~=join]')).to.not.equal(null);
      const requested = (part: string) => win.performance.getEntriesByType('resource').filter((entry) => entry.name.includes(part));
      expect(win.litHtmlVersions).to.have.length(1);
      // One session for the four elements (same settings), though each came from its own entry.
      expect(requested('/sandbox/ks?')).to.have.length(1);
      expect(await callsTo(partnerId, 'userScore/list')).to.have.length(1);
      // The compact badges came with their layout, downloaded alongside their data.
      expect(shadowOf('kal-badge-progress', win.document)?.querySelectorAll('[part~=tooltip]').length).to.be.above(0);
      expect(requested('/dist/cdn/chunks/compact-layout-')).to.have.length(1);
      // What a first render does not use is not downloaded: the reorder animation, the live timer.
      for (const lazy of ['reorder-animation-', 'live-controller-', 'tab-share-']) {
        expect(requested(`/dist/cdn/chunks/${lazy}`), lazy).to.have.length(0);
      }
      const board = win.document.querySelector('kal-leaderboard') as HTMLElement & { refresh(): Promise<void> };
      await board.refresh();
      // Asked for with the refresh; its download may still be finishing.
      await until(() => requested('/dist/cdn/chunks/reorder-animation-').length === 1, 'the reorder animation');
      board.setAttribute('live', '');
      await until(() => requested('/dist/cdn/chunks/live-controller-').length > 0 && requested('/dist/cdn/chunks/tab-share-').length > 0, 'the live timer');
      board.removeAttribute('live');
      expect(requested('/dist/cdn/chunks/scroll-layout-')).to.have.length(0);
      win.document.querySelector('kal-leaderboard')!.setAttribute('layout', 'scroll');
      await until(() => (shadowOf('kal-leaderboard', win.document)?.querySelectorAll('.scroller [role=row]').length ?? 0) > 0, 'rows in the scroll layout');
      expect(requested('/dist/cdn/chunks/scroll-layout-')).to.have.length(1);

      expect(requested('/dist/cdn/chunks/de-DE-')).to.have.length(0);
      const englishJoin = shadowOf('kal-room-embed', win.document)?.querySelector('[part~=join]')?.textContent?.trim();
      win.document.documentElement.lang = 'de';
      await until(() => shadowOf('kal-room-embed', win.document)?.querySelector('[part~=join]')?.textContent?.trim() !== englishJoin, 'German text');
      expect(requested('/dist/cdn/chunks/de-DE-')).to.have.length(1);
      expect(win.litHtmlVersions).to.have.length(1);
      expect(win.kitEvents.filter((event) => event.name === 'kal-error')).to.deep.equal([]);
    } finally {
      frame.remove();
    }
  });
});
