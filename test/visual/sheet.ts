// One picture per element, theme, direction and width: every state of the element stacked on a sheet,
// each under its own sandbox partner (latency for loading, a fault for errors), compared with its baseline.
import { emulateMedia, setViewport } from '@web/test-runner-commands';
import { visualDiff } from '@web/test-runner-visual-regression';
import { type TemplateResult, html, render } from 'lit';
import type { GetKs } from '../../src/api/session.js';
import { configure } from '../../src/config.js';
import '../../src/index.js';
import { FAST_RETRIES, SANDBOX_URLS, control, mintKs, newPartner, until } from '../browser/helpers.js';
import { deepElements } from '../browser/dom.js';

/** The font every picture is drawn in: Debian's fonts-dejavu-core (.ci/run installs it), through the kit's token. */
const FONT = "'DejaVu Sans'";

/** What a state waits for before its picture: `kal-load`, or an element matching a selector in its shadow tree. */
type Ready = 'kal-load' | `[${string}`;

export interface VisualState {
  /** The caption above it: loading, empty, data, error, config, … */
  name: string;
  /** Sandbox switches for its own partner (`latencyMs` for loading, `fail` for errors). */
  switches?: Record<string, unknown>;
  /** The element, given its partner id and a token callback for that partner. */
  template: (partnerId: number, getKs: GetKs) => TemplateResult;
  ready: Ready;
}

/** A loading state: every service answer of its partner a minute late. */
export const SLOW = { latencyMs: 60_000 };
/** An error a retry could fix: every service call of its partner fails with a 500. */
export const FAILING = { fail: { status: 500, count: -1 } };

/** A USER KS for the viewer from the sandbox, scoped to the room when the element asks for one. */
const tokenFor =
  (partnerId: number): GetKs =>
  ({ entryId }) =>
    mintKs(partnerId, {
      userId: 'viewer@example.com',
      ...(entryId ? { privileges: `entryId:${entryId},roomModerator:0,chatModerator:0` } : {}),
    });

const SHEET_STYLE = `
  html, body { margin: 0; }
  .visual-sheet { --kal-font-family: ${FONT}; font-family: ${FONT}; display: grid; gap: 20px; padding: 16px; background: #ffffff; color: #585e69; }
  .visual-sheet.dark { background: #0f1115; color: #a9afba; }
  .visual-caption { margin: 0 0 6px; font-size: 12px; }
`;

function addSheetStyle(): void {
  if (document.getElementById('visual-sheet-style')) return;
  const style = document.createElement('style');
  style.id = 'visual-sheet-style';
  style.textContent = SHEET_STYLE;
  document.head.append(style);
}

const HEBREW = /[\u0590-\u05ff]/;

/** Everything the picture shows has arrived: images decoded, fonts ready, nothing moving, two frames painted. */
async function settle(sheet: HTMLElement): Promise<void> {
  const images = () => deepElements(sheet).filter((node): node is HTMLImageElement => node instanceof HTMLImageElement);
  await until(() => images().every((image) => image.complete && image.naturalWidth > 0), 'images', 15_000);
  await document.fonts.ready;
  await until(() => document.getAnimations().every((animation) => animation.playState !== 'running'), 'animations to finish');
  for (let frame = 0; frame < 2; frame += 1) await new Promise((resolve) => requestAnimationFrame(resolve));
}

/** The viewport as tall as the sheet, so lazy images load and the picture needs no scrolling. */
async function fitViewport(sheet: HTMLElement, width: number): Promise<void> {
  await setViewport({ width, height: Math.ceil(sheet.getBoundingClientRect().height) });
}

/**
 * Defines one test per theme × direction × width for `tag`: its states side by side on one sheet,
 * compared with `baselines/<folder>/<theme>-<dir>-<width>.png`.
 */
export function describeSheets(tag: string, folder: string, states: VisualState[]): void {
  describe(`<${tag}> looks as its baselines`, () => {
    let sheet: HTMLElement | undefined;
    before(() => {
      addSheetStyle();
      configure({ serviceUrls: SANDBOX_URLS, retryDelaysMs: FAST_RETRIES });
    });
    afterEach(() => {
      if (sheet) render(null, sheet);
      sheet?.remove();
      sheet = undefined;
    });

    for (const theme of ['light', 'dark'] as const) {
      for (const dir of ['ltr', 'rtl'] as const) {
        for (const width of [1024, 375]) {
          const name = `${folder}/${theme}-${dir}-${width}`;
          it(name, async () => {
            await emulateMedia({ colorScheme: theme, reducedMotion: 'reduce' });
            await setViewport({ width, height: 800 });
            const cells = await Promise.all(
              states.map(async (state) => {
                const partnerId = newPartner();
                if (state.switches) await control(partnerId, state.switches);
                return { state, content: state.template(partnerId, tokenFor(partnerId)) };
              }),
            );
            const loaded = new Set<Element>();
            sheet = document.createElement('div');
            sheet.className = `visual-sheet ${theme}`;
            sheet.lang = dir === 'rtl' ? 'he' : 'en';
            sheet.dir = dir;
            sheet.addEventListener('kal-load', (event) => loaded.add(event.target as Element));
            document.body.append(sheet);
            render(
              cells.map(({ state, content }) => html`<section class="visual-cell" data-state=${state.name}><p class="visual-caption">${state.name}</p>${content}</section>`),
              sheet,
            );

            const elementOf = (state: VisualState) => sheet!.querySelector(`[data-state="${state.name}"] ${tag}`)!;
            const isReady = (state: VisualState) => {
              const element = elementOf(state);
              const shown = state.ready === 'kal-load' ? loaded.has(element) : !!element.shadowRoot?.querySelector(state.ready);
              // Right to left reads Hebrew: its catalogue arrives lazily.
              return shown && (dir === 'ltr' || HEBREW.test(element.shadowRoot?.textContent ?? ''));
            };
            for (const state of states) await until(() => isReady(state), `the ${state.name} state`, 30_000);
            await fitViewport(sheet, width);
            await settle(sheet);
            await fitViewport(sheet, width);
            await visualDiff(sheet, name);
          });
        }
      }
    }
  });
}
