import { expect, fixture, html } from '@open-wc/testing';
import { html as litHtml } from 'lit';
import { KalElement } from '../../../src/components/shared/kal-element.js';
import { define } from '../../../src/components/shared/define.js';
import { themeStyles } from '../../../src/components/shared/theme.styles.js';
import type { KalRoomEmbed } from '../../../src/components/room-embed/kal-room-embed.js';
import '../../../src/components/room-embed/define.js';
import { type Catalogue, type Message, type MessageKey, en } from '../../../src/i18n/en.js';
import { SHIPPED_LOCALES } from '../../../src/i18n/locale-list.js';
import { registerLocale, translate } from '../../../src/i18n/localize.js';
import { until } from '../helpers.js';

// The kit and the tests load well over the default 250 resource entries; keep them all, so a
// catalogue request is never missed (or hidden) by a full buffer.
performance.setResourceTimingBufferSize(10_000);

type ShippedLocale = (typeof SHIPPED_LOCALES)[number];
type Loaded = Promise<{ default: Catalogue }>;

/** The same specifiers register-locales.ts uses, so these resolve to the very modules the kit loads. */
const CATALOGUES: Record<ShippedLocale, () => Loaded> = {
  'de-DE': () => import('../../../src/i18n/locales/de-DE.js'),
  'es-ES': () => import('../../../src/i18n/locales/es-ES.js'),
  'fi-FI': () => import('../../../src/i18n/locales/fi-FI.js'),
  'fr-CA': () => import('../../../src/i18n/locales/fr-CA.js'),
  'fr-FR': () => import('../../../src/i18n/locales/fr-FR.js'),
  'he-IL': () => import('../../../src/i18n/locales/he-IL.js'),
  'it-IT': () => import('../../../src/i18n/locales/it-IT.js'),
  'ja-JP': () => import('../../../src/i18n/locales/ja-JP.js'),
  'ko-KR': () => import('../../../src/i18n/locales/ko-KR.js'),
  'nl-NL': () => import('../../../src/i18n/locales/nl-NL.js'),
  'pt-BR': () => import('../../../src/i18n/locales/pt-BR.js'),
  'ru-RU': () => import('../../../src/i18n/locales/ru-RU.js'),
  'zh-CN': () => import('../../../src/i18n/locales/zh-CN.js'),
  'zh-TW': () => import('../../../src/i18n/locales/zh-TW.js'),
  ar: () => import('../../../src/i18n/locales/ar.js'),
};

const catalogue = async (locale: ShippedLocale): Promise<Catalogue> => (await CATALOGUES[locale]()).default;

/** Catalogue modules this page has requested (optionally one locale's). */
function catalogueRequests(win: Window = window, locale?: string): string[] {
  return win.performance
    .getEntriesByType('resource')
    .map((entry) => new URL(entry.name).pathname)
    .filter((path) => path.includes('/i18n/locales/') && (!locale || path.includes(`/i18n/locales/${locale}.`)));
}

const SAMPLE_NUMBER = 1234567.5;
const SAMPLE_DATE = new Date(Date.UTC(2026, 2, 9, 12, 0));
const DATE_OPTIONS: Intl.DateTimeFormatOptions = { dateStyle: 'long', timeZone: 'UTC' };

/** A tiny element on the kit's base: a few messages, a plural, a number and a date. */
class KalTestI18n extends KalElement {
  static override styles = themeStyles;

  override render() {
    return litHtml`<div part="base" dir=${this.direction} lang=${this.locale}>
      <h2 class="label">${this.t('leaderboard.label')}</h2>
      <p class="status" role="status">${this.t('state.loading')}</p>
      <p class="prefs">${this.t('prefs.listLabel')}</p>
      <p class="summary">${this.t('badges.summary', { achieved: this.formatNumber(2), count: 5 })}</p>
      <p class="number">${this.formatNumber(SAMPLE_NUMBER)}</p>
      <p class="date">${this.formatDate(SAMPLE_DATE, DATE_OPTIONS)}</p>
      <button type="button">${this.t('state.retry')}</button>
    </div>`;
  }
}
define('kal-test-i18n', KalTestI18n);

const root = (element: Element) => element.shadowRoot!.querySelector<HTMLElement>('[part=base], .room')!;
const text = (element: Element, selector: string) => element.shadowRoot!.querySelector(selector)?.textContent?.trim() ?? '';

async function inLanguage(lang: string): Promise<{ wrapper: HTMLDivElement; element: KalTestI18n }> {
  const wrapper = await fixture<HTMLDivElement>(html`<div lang=${lang}><kal-test-i18n></kal-test-i18n></div>`);
  const element = wrapper.querySelector<KalTestI18n>('kal-test-i18n')!;
  await element.updateComplete;
  return { wrapper, element };
}

/**
 * Waits for the element to leave English (its catalogue arrives lazily, then it re-renders), and
 * checks that the text is `locale`'s. Only then does the test import that catalogue itself.
 */
async function showsCatalogue(element: KalTestI18n, locale: ShippedLocale): Promise<Catalogue> {
  await until(() => text(element, '.status') !== en['state.loading'], `a translation for ${locale}`);
  const expected = await catalogue(locale);
  expect(text(element, '.status'), locale).to.equal(expected['state.loading']);
  return expected;
}

// Order matters here: the run-time tests check what gets fetched before the catalogue checks at
// the end import every catalogue into this page.
describe('i18n at run time', () => {
  it('a page in English downloads no catalogue', async () => {
    // A fresh page (no module of this test page shared), loading the whole kit.
    const frame = document.createElement('iframe');
    frame.title = 'English page';
    frame.srcdoc = `<!doctype html><html lang="en"><head><meta charset="utf-8">
      <script>performance.setResourceTimingBufferSize(10000);</script></head><body>
      <kal-room-embed kaf-host="kaf.example.com" entry-id="1_sandboxroom"></kal-room-embed>
      <script type="module">
        import '/src/index.ts';
        const element = document.querySelector('kal-room-embed');
        await customElements.whenDefined('kal-room-embed');
        await element.updateComplete;
        window.rendered = element.shadowRoot.textContent;
      </script></body></html>`;
    document.body.append(frame);
    try {
      const win = frame.contentWindow as (Window & { rendered?: string }) | null;
      await until(() => !!win?.rendered, 'the English page to render', 15_000);
      expect(win!.rendered).to.contain('Join room');
      // Two more frames for anything a render might have started.
      await new Promise((resolve) => win!.requestAnimationFrame(() => win!.requestAnimationFrame(resolve)));
      const paths = win!.performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname);
      expect(paths.some((path) => path.includes('/i18n/register-locales')), 'the locales are registered').to.equal(true);
      expect(catalogueRequests(win!)).to.deep.equal([]);
    } finally {
      frame.remove();
    }
  });

  it('re-renders in German when an ancestor’s lang changes, fetching the catalogue once', async () => {
    const { wrapper, element } = await inLanguage('en');
    expect(text(element, '.status')).to.equal('Loading…');
    expect(catalogueRequests(window, 'de-DE')).to.deep.equal([]);

    wrapper.setAttribute('lang', 'de');
    const de = await showsCatalogue(element, 'de-DE');
    expect(text(element, '.label')).to.equal(de['leaderboard.label']);
    expect(root(element).getAttribute('lang')).to.equal('de');
    expect(root(element).getAttribute('dir')).to.equal('ltr');

    // Back to English, then German again (and another German region): no second download.
    wrapper.setAttribute('lang', 'en-GB');
    await until(() => text(element, '.status') === 'Loading…', 'English again');
    wrapper.setAttribute('lang', 'de-AT');
    await until(() => text(element, '.status') === de['state.loading'], 'German again');
    expect(catalogueRequests(window, 'de-DE')).to.have.length(1);
    expect(catalogueRequests(window)).to.have.length(1);
  });

  it('serves fr-BE from fr-FR, and fr-CA from its own catalogue', async () => {
    const belgian = await inLanguage('fr-BE');
    const fr = await showsCatalogue(belgian.element, 'fr-FR');
    expect(text(belgian.element, '.prefs')).to.equal(fr['prefs.listLabel']);
    expect(catalogueRequests(window, 'fr-CA')).to.deep.equal([]);

    // Until its own catalogue arrives, fr-CA shows the fr-FR text already on the page.
    const canadian = await inLanguage('fr-CA');
    const ca = await catalogue('fr-CA');
    await until(() => text(canadian.element, '.prefs') === ca['prefs.listLabel'], 'the fr-CA text');
    expect(text(canadian.element, '.prefs')).to.contain('courriel');
    expect(text(canadian.element, '.prefs')).to.not.equal(text(belgian.element, '.prefs'));
  });

  it('serves Traditional Chinese (zh-HK, zh-Hant) from zh-TW and Simplified from zh-CN', async () => {
    const hongKong = await inLanguage('zh-HK');
    const tw = await showsCatalogue(hongKong.element, 'zh-TW');
    expect(text(hongKong.element, '.prefs')).to.equal(tw['prefs.listLabel']);

    const hant = await inLanguage('zh-Hant');
    await showsCatalogue(hant.element, 'zh-TW');

    const singapore = await inLanguage('zh-SG');
    const cn = await showsCatalogue(singapore.element, 'zh-CN');
    expect(cn['state.loading']).to.not.equal(tw['state.loading']);
  });

  for (const lang of ['he', 'iw', 'he-IL']) {
    it(`renders Hebrew right to left for lang="${lang}"`, async () => {
      const { element } = await inLanguage(lang);
      const he = await showsCatalogue(element, 'he-IL');
      expect(text(element, '.label')).to.equal(he['leaderboard.label']);
      expect(root(element).getAttribute('dir')).to.equal('rtl');
      expect(root(element).getAttribute('lang')).to.equal(lang === 'he-IL' ? 'he-IL' : 'he');
      expect(getComputedStyle(root(element)).direction).to.equal('rtl');
    });
  }

  it('renders Arabic right to left, accessibly', async () => {
    const { element } = await inLanguage('ar');
    const ar = await showsCatalogue(element, 'ar');
    expect(root(element).getAttribute('dir')).to.equal('rtl');
    expect(getComputedStyle(root(element)).direction).to.equal('rtl');
    expect(text(element, 'button')).to.equal(ar['state.retry']);
    await expect(element).to.be.accessible();

    // A real element too: the meeting room's join card.
    const wrapper = await fixture<HTMLDivElement>(
      html`<div lang="ar-EG"><kal-room-embed kaf-host="kaf.example.com" entry-id="1_sandboxroom"></kal-room-embed></div>`,
    );
    const room = wrapper.querySelector<KalRoomEmbed>('kal-room-embed')!;
    await until(() => text(room, '[part=join]') === ar['room.join'], 'the Arabic join card');
    expect(root(room).getAttribute('dir')).to.equal('rtl');
    expect(text(room, '.card-note')).to.equal(ar['room.intro']);
    await expect(room).to.be.accessible();
  });

  it('an element’s own dir wins over its language', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="ar"><kal-test-i18n dir="ltr"></kal-test-i18n></div>`);
    const element = wrapper.querySelector<KalTestI18n>('kal-test-i18n')!;
    await showsCatalogue(element, 'ar');
    expect(root(element).getAttribute('dir')).to.equal('ltr');
  });

  it('formats numbers and dates through Intl for the locale', async () => {
    const german = await inLanguage('de-DE');
    expect(text(german.element, '.number')).to.equal('1.234.567,5');
    expect(text(german.element, '.date')).to.equal('9. März 2026');

    for (const lang of ['en-US', 'fr-FR', 'ar', 'ja-JP', 'hi-IN']) {
      const { element } = await inLanguage(lang);
      expect(text(element, '.number'), lang).to.equal(new Intl.NumberFormat(lang).format(SAMPLE_NUMBER));
      expect(text(element, '.date'), lang).to.equal(new Intl.DateTimeFormat(lang, DATE_OPTIONS).format(SAMPLE_DATE));
    }
    expect(text((await inLanguage('en-US')).element, '.number')).to.equal('1,234,567.5');
  });

  it('picks plural forms by the language’s rules', async () => {
    const ru = await catalogue('ru-RU');
    const forms = ru['badges.summary'] as Record<string, string>;
    const { element } = await inLanguage('ru');
    await showsCatalogue(element, 'ru-RU');
    // The element asks for 2 of 5: Russian "many" for 5.
    expect(text(element, '.summary')).to.equal(forms.many!.replace('{achieved}', '2').replace('{count}', '5'));
    expect(translate('ru', 'badges.missing', { count: 3 })).to.equal('Не найдено 3 значка.');
    expect(translate('ru', 'badges.missing', { count: 21 })).to.equal('Не найден 21 значок.');

    const { element: arabic } = await inLanguage('ar');
    await showsCatalogue(arabic, 'ar');
    const arForms = (await catalogue('ar'))['badges.missing'] as Record<string, string>;
    expect(translate('ar', 'badges.missing', { count: 2 })).to.equal(arForms.two!.replace('{count}', '2'));
    expect(translate('ar', 'badges.missing', { count: 11 })).to.equal(arForms.many!.replace('{count}', '11'));
  });

  it('a host’s English variant serves its own region only: other English pages keep the built-in text', async () => {
    let loads = 0;
    registerLocale('en-GB', async () => {
      loads++;
      return { 'state.retry': 'Have another go' };
    });
    expect(translate('en-US', 'state.retry')).to.equal(en['state.retry']);
    expect(translate('en', 'state.retry')).to.equal(en['state.retry']);
    expect(loads).to.equal(0);
    await until(() => translate('en-GB', 'state.retry') === 'Have another go', 'the en-GB text');
    expect(translate('en-US', 'state.retry')).to.equal(en['state.retry']);
    expect(translate('en-GB', 'state.loading')).to.equal(en['state.loading']);
    expect(loads).to.equal(1);
  });
});

const placeholders = (template: string) => [...new Set([...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1]))].sort();
const formsOf = (message: Message): Record<string, string> => (typeof message === 'string' ? { text: message } : message);

/** The plural categories a language uses for whole numbers up to 999 (plus `other`, always). */
function categoriesFor(locale: string): string[] {
  const rules = new Intl.PluralRules(locale);
  const used = new Set<string>(['other']);
  for (let n = 0; n < 1000; n++) used.add(rules.select(n));
  return [...used].sort();
}

describe('shipped catalogues', () => {
  const englishKeys = Object.keys(en).sort();

  for (const locale of SHIPPED_LOCALES) {
    it(`${locale} has exactly the English keys, placeholders and the plural forms it needs`, async () => {
      const translated = await catalogue(locale);
      const keys = Object.keys(translated).sort();
      expect(englishKeys.filter((key) => !keys.includes(key)), 'missing keys').to.deep.equal([]);
      expect(keys.filter((key) => !englishKeys.includes(key)), 'extra keys').to.deep.equal([]);

      const needed = categoriesFor(locale);
      const allowed = new Set([...new Intl.PluralRules(locale).resolvedOptions().pluralCategories, 'other']);
      for (const key of englishKeys as MessageKey[]) {
        const source = en[key];
        const message = translated[key]!;
        expect(typeof message, `${key} is ${typeof source === 'string' ? 'text' : 'plural'}`).to.equal(typeof source);
        const wanted = placeholders(typeof source === 'string' ? source : source.other);
        for (const [form, template] of Object.entries(formsOf(message))) {
          expect(template.trim(), `${key} ${form} is empty`).to.not.equal('');
          expect(placeholders(template), `${key} (${form}) placeholders`).to.deep.equal(wanted);
        }
        if (typeof message !== 'string') {
          expect(message, `${key} has other`).to.have.property('other');
          expect(Object.keys(message).filter((form) => !allowed.has(form)), `${key}: forms ${locale} never uses`).to.deep.equal([]);
          expect(needed.filter((form) => !(form in message)), `${key}: forms ${locale} needs`).to.deep.equal([]);
        }
      }
    });
  }

  it('every shipped locale is registered and served lazily', async () => {
    for (const locale of SHIPPED_LOCALES) {
      const translated = await catalogue(locale);
      await until(() => translate(locale, 'state.retry') === translated['state.retry'], `${locale} to be served`);
      expect(translated['state.retry'], locale).to.not.equal(en['state.retry']);
    }
  });
});
