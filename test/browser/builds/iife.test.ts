// The script-tag build (dist/kaltura-widgets.iife.js, made by `npm run build`) in a plain HTML page
// with no bundler: the global, every element, two copies on one page, lazy catalogues by URL.
import { expect } from '@open-wc/testing';
import { newPartner, openPlainPage, until } from '../helpers.js';
import { shadowOf } from '../dom.js';

interface KitWindow extends Window {
  console: Console;
  KalturaWidgets: { configure: (options: object) => void; allDefined: () => Promise<void>; VERSION: string };
  kitEvents: Array<{ name: string; tag: string; detail: { code?: string } }>;
  kitWarnings: string[];
}

const openPage = (options?: { fillWindow?: boolean }) =>
  openPlainPage<KitWindow>(`/test/fixtures/iife.html?partner=${newPartner()}`, options);

describe('script-tag build in a plain page', () => {
  it('defines the global and every element, shows data, and survives a second copy', async () => {
    const { frame, win } = await openPage();
    try {
      expect(win.KalturaWidgets.VERSION).to.match(/^\d+\.\d+\.\d+/);
      await win.KalturaWidgets.allDefined();
      for (const tag of ['kal-leaderboard', 'kal-badge-progress', 'kal-unsubscribe-prefs', 'kal-room-embed']) {
        expect(win.customElements.get(tag), tag).to.not.equal(undefined);
      }
      await until(() => ['kal-leaderboard', 'kal-badge-progress', 'kal-unsubscribe-prefs'].every((tag) => win.kitEvents.some((event) => event.name === 'kal-load' && event.tag === tag)), 'data in every element');
      expect(win.kitEvents.filter((event) => event.name === 'kal-error')).to.deep.equal([]);
      // The same version loaded twice stays silent.
      expect(win.kitWarnings).to.deep.equal([]);
      expect(shadowOf('kal-leaderboard', win.document)?.querySelectorAll('tbody tr')).to.have.length(3); // ranks 2, 3, 5: 1 and 4 are hidden speakers
      expect(shadowOf('kal-room-embed', win.document)?.querySelector('[part~=join]')).to.not.equal(null);
    } finally {
      frame.remove();
    }
  });

  it('warns once when another version of the kit is loaded too', async () => {
    const { frame, win } = await openPage();
    try {
      const warnings: string[] = [];
      win.console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
      const source = await (await fetch('/dist/kaltura-widgets.iife.js')).text();
      // The minifier may quote the version with ", ' or `: replace it whichever it is.
      const version = win.KalturaWidgets.VERSION.replace(/\./g, '\\.');
      const other = source.replace(new RegExp(`(["'\`])${version}\\1`, 'g'), '"9.9.9"');
      expect(other).to.not.equal(source);
      const script = win.document.createElement('script');
      script.src = URL.createObjectURL(new Blob([other], { type: 'text/javascript' }));
      const loaded = new Promise((resolve) => script.addEventListener('load', resolve));
      win.document.head.append(script);
      await loaded;
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.contain('9.9.9');
    } finally {
      frame.remove();
    }
  });

  it('loads a catalogue next to the script only when the page needs that language', async () => {
    const { frame, win } = await openPage();
    try {
      await until(() => win.kitEvents.some((event) => event.name === 'kal-load' && event.tag === 'kal-leaderboard'), 'the leaderboard');
      const catalogueRequests = () => win.performance.getEntriesByType('resource').filter((entry) => entry.name.includes('/dist/locales/'));
      expect(catalogueRequests()).to.have.length(0);
      const englishJoin = shadowOf('kal-room-embed', win.document)?.querySelector('[part~=join]')?.textContent?.trim();
      win.document.documentElement.lang = 'de';
      await until(() => shadowOf('kal-room-embed', win.document)?.querySelector('[part~=join]')?.textContent?.trim() !== englishJoin, 'German text');
      expect(catalogueRequests().map((entry) => entry.name)).to.have.length(1);
      expect(catalogueRequests()[0]?.name).to.contain('/dist/locales/de-DE.js');
    } finally {
      frame.remove();
    }
  });

  it('loads the scroll layout beside the script for layout="scroll" only, and it renders with the page\'s Lit', async () => {
    // The virtualizer renders what is in view: give the page a viewport with the leaderboard in it.
    const { frame, win } = await openPage({ fillWindow: true });
    try {
      await until(() => win.kitEvents.some((event) => event.name === 'kal-load' && event.tag === 'kal-leaderboard'), 'the table layout');
      const scrollLayoutRequests = () =>
        win.performance.getEntriesByType('resource').filter((entry) => entry.name.includes('kaltura-widgets.leaderboard-scroll.js'));
      expect(scrollLayoutRequests()).to.have.length(0);
      const litCopies = (win as unknown as { litHtmlVersions: string[] }).litHtmlVersions.length;
      win.document.querySelector('kal-leaderboard')!.setAttribute('layout', 'scroll');
      const rows = () => shadowOf('kal-leaderboard', win.document)?.querySelectorAll('.scroller [role=row]') ?? [];
      await until(() => rows().length > 0, 'rows in the scroll layout');
      expect(scrollLayoutRequests()).to.have.length(1);
      expect(rows()[0]?.textContent).to.match(/1/);
      expect(win.kitEvents.filter((event) => event.name === 'kal-error')).to.deep.equal([]);
      // The scroll layout brought no Lit of its own: it renders with the script's.
      expect((win as unknown as { litHtmlVersions: string[] }).litHtmlVersions).to.have.length(litCopies);
    } finally {
      frame.remove();
    }
  });
});
