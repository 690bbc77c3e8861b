// The script tag (dist/kaltura-widgets.iife.js, made by `npm run build`: a small loader) in a plain
// HTML page with no bundler: the global, each tag's module loaded when the tag is on the page (now
// or later), two copies on one page, a module that cannot be downloaded, lazy parts on demand.
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { callsTo, newPartner, openPlainPage, until } from '../helpers.js';
import { shadowOf } from '../dom.js';

interface KitWindow extends Window {
  KalturaWidgets: { configure(options: object): void; registerLocale(locale: string, catalogue: object): void; allDefined(): Promise<void>; forgetLinkKs(): Promise<void> };
  kitEvents: Array<{ name: string; tag: string; detail: { code?: string } }>;
  kitWarnings: string[];
  litHtmlVersions: string[];
  cspViolations: string[];
}

const open = (page: string, options?: { fillWindow?: boolean }) => {
  const partnerId = newPartner();
  return openPlainPage<KitWindow>(`/test/fixtures/${page}?partner=${partnerId}`, options).then((opened) => ({ ...opened, partnerId }));
};
const loadedIn = (win: KitWindow, tag: string) => win.kitEvents.some((event) => event.name === 'kal-load' && event.tag === tag);
const requested = (win: KitWindow, part: string) => win.performance.getEntriesByType('resource').filter((entry) => entry.name.includes(part));

afterEach(() => executeServerCommand('block-modules', { fragments: [] }));

describe('the script tag: a loader in a plain page', () => {
  it('defines the global, loads every element on the page under a strict CSP with one Lit and one token call, and a second copy stays silent', async () => {
    const { frame, win, partnerId } = await open('iife.html');
    try {
      expect(Object.keys(win.KalturaWidgets).sort()).to.deep.equal(['allDefined', 'configure', 'forgetLinkKs', 'registerLocale']);
      await win.KalturaWidgets.allDefined();
      for (const tag of ['kal-leaderboard', 'kal-badge-progress', 'kal-unsubscribe-prefs', 'kal-pref-group', 'kal-room-embed', 'kal-points-guide']) {
        expect(win.customElements.get(tag), tag).to.not.equal(undefined);
      }
      await until(() => ['kal-leaderboard', 'kal-badge-progress', 'kal-unsubscribe-prefs', 'kal-points-guide'].every((tag) => loadedIn(win, tag)), 'data in every element');
      expect(win.kitEvents.filter((event) => event.name === 'kal-error')).to.deep.equal([]);
      expect(win.kitWarnings).to.deep.equal([]);
      // Under the page's strict policy (script-src 'self', style-src 'self'): nothing refused.
      expect(win.cspViolations).to.deep.equal([]);
      expect(shadowOf('kal-leaderboard', win.document)?.querySelectorAll('tbody tr')).to.have.length(3); // ranks 2, 3, 5: 1 and 4 are hidden speakers
      expect(shadowOf('kal-room-embed', win.document)?.querySelector('[part~=join]')).to.not.equal(null);
      expect(win.litHtmlVersions).to.have.length(1);
      // The token request starts with configure(), once for the page (two copies of the loader, five elements).
      expect(requested(win, '/sandbox/ks?')).to.have.length(1);
      expect(await callsTo(partnerId, 'userScore/list')).to.have.length(1);
    } finally {
      frame.remove();
    }
  });

  it('downloads only the modules of the tags on the page, and a tag added later loads its own', async () => {
    const { frame, win } = await open('script-tag-one.html');
    try {
      await until(() => loadedIn(win, 'kal-leaderboard'), 'the leaderboard');
      expect(requested(win, '/dist/cdn/leaderboard.js')).to.have.length(1);
      for (const other of ['badge-progress', 'room-embed', 'unsubscribe-prefs', 'points-guide']) expect(requested(win, `/dist/cdn/${other}.js`), other).to.have.length(0);
      // An unknown kal- tag is left alone: nothing asked for it, and it stays undefined.
      expect(requested(win, 'unknown-thing')).to.have.length(0);
      expect(win.customElements.get('kal-unknown-thing')).to.equal(undefined);

      const badges = win.document.createElement('kal-badge-progress');
      badges.setAttribute('badge-ids', 'badge_attendee');
      win.document.body.append(badges);
      await until(() => loadedIn(win, 'kal-badge-progress'), 'the badges added later');
      expect(requested(win, '/dist/cdn/badge-progress.js')).to.have.length(1);
      expect(win.kitEvents.filter((event) => event.name === 'kal-error')).to.deep.equal([]);
    } finally {
      frame.remove();
    }
  });

  it("shows an element's error state when its module cannot be downloaded", async () => {
    await executeServerCommand('block-modules', { fragments: ['/dist/cdn/leaderboard.js'] });
    const { frame, win } = await open('script-tag-one.html');
    try {
      await until(() => win.kitEvents.some((event) => event.name === 'kal-error' && event.tag === 'kal-leaderboard'), 'kal-error');
      const [error] = win.kitEvents.filter((event) => event.name === 'kal-error');
      expect(error?.detail.code).to.equal('network');
      await until(() => !!shadowOf('kal-leaderboard', win.document)?.querySelector('[role=alert]'), 'the error state');
      expect(shadowOf('kal-leaderboard', win.document)?.textContent).to.contain('could not be reached');
    } finally {
      frame.remove();
    }
  });

  it('loads a catalogue only when the page needs that language, and the scroll layout only for layout="scroll"', async () => {
    // The virtualizer renders what is in view: give the page a viewport with the leaderboard in it.
    const { frame, win } = await open('script-tag-one.html', { fillWindow: true });
    try {
      await until(() => loadedIn(win, 'kal-leaderboard'), 'the leaderboard');
      expect(requested(win, '/dist/cdn/chunks/de-DE')).to.have.length(0);
      expect(requested(win, '/dist/cdn/chunks/scroll-layout')).to.have.length(0);
      win.document.documentElement.lang = 'de';
      await until(() => shadowOf('kal-leaderboard', win.document)?.querySelector('[part=title]')?.textContent !== undefined && requested(win, '/dist/cdn/chunks/de-DE').length === 1, 'the German catalogue');
      win.document.querySelector('kal-leaderboard')!.setAttribute('layout', 'scroll');
      await until(() => (shadowOf('kal-leaderboard', win.document)?.querySelectorAll('.scroller [role=row]').length ?? 0) > 0, 'rows in the scroll layout');
      expect(requested(win, '/dist/cdn/chunks/scroll-layout')).to.have.length(1);
      expect(win.litHtmlVersions).to.have.length(1);
      expect(win.kitEvents.filter((event) => event.name === 'kal-error')).to.deep.equal([]);
    } finally {
      frame.remove();
    }
  });
});
