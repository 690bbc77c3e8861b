// Every snippet we publish, pasted as published into a plain page and run in Chromium: the fenced code
// blocks of README.md and stories/*.mdx, and each story's "Show code" (stories/show-code.ts). The site
// around them is the one the snippets describe (test/wtr-snippets.mjs): dist/ (from `npm run build`)
// at /kaltura-widgets/ or on the package CDN, and "your backend" (token endpoint, Game proxy) in front
// of the sandbox. A snippet that cannot run in a plain page (server code, a bundler module, a React or
// Vue component) says so on its first line; every other one must show data.
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { render, type TemplateResult } from 'lit';
import * as badgeStories from '../../../stories/badge-progress.stories.js';
import * as certificateStories from '../../../stories/certificate-progress.stories.js';
import * as agendaStories from '../../../stories/event-agenda.stories.js';
import * as leaderboardStories from '../../../stories/leaderboard.stories.js';
import * as pointsStories from '../../../stories/points-guide.stories.js';
import * as roomStories from '../../../stories/room-embed.stories.js';
import * as prefsStories from '../../../stories/unsubscribe-prefs.stories.js';
import { KIT_TAGS } from '../../../src/elements.js';
import { openPlainPage, sandboxState, until } from '../helpers.js';

interface Snippet {
  source: string;
  language: string;
  code: string;
}

interface PastedWindow extends Window {
  kitEvents: Array<{ name: string; tag: string; detail: { code?: string; count?: number; message?: string } }>;
  kitWarnings: string[];
}

/** The first line of a snippet that cannot run in a plain page says this (in a comment), visibly. */
const MARK = 'Not for pasting into a page:';
/** The partner the snippets configure; the test site's token endpoint mints for it. */
const SNIPPET_PARTNER = 123;

/** What a pasted page shows: `data`, `empty`, or the code of the error it shows. */
type Outcome = string;

/**
 * Stories whose own arguments make the state they show (an empty board, an unknown id, a missing
 * attribute): their snippet shows that state too. Every other story's snippet shows data.
 */
const STATE_STORIES: Record<string, Outcome> = {
  'leaderboard/Empty': 'empty',
  'leaderboard/ErrorState': 'not-found',
  'leaderboard/Scheduled': 'empty',
  'badge-progress/Empty': 'empty',
  'badge-progress/ConfigError': 'config',
  'certificate-progress/NotFound': 'not-found',
  'certificate-progress/ConfigError': 'config',
  'room-embed/BadHost': 'config',
  'unsubscribe-prefs/NoGroups': 'config',
  'event-agenda/Draft': 'not-found',
  'event-agenda/NotServed': 'forbidden',
  'event-agenda/ConfigError': 'config',
  'points-guide/Empty': 'empty',
  'points-guide/NotFound': 'not-found',
  'points-guide/ConfigError': 'config',
};

interface StoryLike {
  args?: Record<string, unknown>;
  render?: (args: Record<string, unknown>, context: unknown) => TemplateResult;
  parameters?: { docs?: { source?: { transform?: (code: string, context: unknown) => string } } };
}

const STORIES = {
  leaderboard: leaderboardStories,
  'badge-progress': badgeStories,
  'certificate-progress': certificateStories,
  'room-embed': roomStories,
  'unsubscribe-prefs': prefsStories,
  'event-agenda': agendaStories,
  'points-guide': pointsStories,
} as unknown as Record<
  string,
  Record<string, StoryLike> & { default: StoryLike }
>;

/**
 * A story's "Show code" as Storybook makes it (@storybook/web-components' source decorator): the story
 * rendered into a detached element, Lit's markers removed, then the `docs.source.transform` applied.
 */
function shownCode(meta: StoryLike, story: StoryLike): string {
  const args = { ...meta.args, ...story.args };
  const context = { args, parameters: { ...meta.parameters, ...story.parameters } };
  const container = document.createElement('div');
  render((story.render ?? meta.render)!(args, context), container);
  const code = container.innerHTML.replace(/<!--\?lit\$[0-9]+\$-->|<!--\??-->/g, '');
  const transform = story.parameters?.docs?.source?.transform ?? meta.parameters?.docs?.source?.transform;
  expect(transform, 'a docs.source.transform').to.be.a('function');
  return transform!(code, context);
}

/** Each distinct story snippet with the stories that show it and what they show. */
function storySnippets(): Array<{ stories: string[]; code: string; outcome: Outcome }> {
  const byCode = new Map<string, { stories: string[]; code: string; outcome: Outcome }>();
  for (const [file, module] of Object.entries(STORIES)) {
    for (const [name, story] of Object.entries(module)) {
      if (name === 'default') continue;
      const code = shownCode(module.default, story);
      const outcome = STATE_STORIES[`${file}/${name}`] ?? 'data';
      const entry = byCode.get(code) ?? { stories: [], code, outcome };
      expect(entry.outcome, `${file}/${name} shows the same snippet as ${entry.stories.join(', ')}`).to.equal(outcome);
      entry.stories.push(`${file}/${name}`);
      byCode.set(code, entry);
    }
  }
  return [...byCode.values()];
}

const marked = (snippet: Snippet) => (snippet.code.split('\n')[0] ?? '').includes(MARK);
/** A snippet meant for a page: HTML that is not a Vue component's template. */
const forAPage = (snippet: Snippet) => snippet.language === 'html' && !/<template>/.test(snippet.code);

/** Pastes `code` into a plain page beside the site, waits for each of its widgets to settle, returns what they show. */
async function paste(code: string): Promise<{ outcomes: Outcome[]; warnings: string[]; errors: string[]; joined: boolean }> {
  const joinsBefore = (await sandboxState(SNIPPET_PARTNER)).joins.length;
  const url = await executeServerCommand<string, { snippet: string }>('paste', { snippet: code });
  const { frame, win } = await openPlainPage<PastedWindow>(url!);
  try {
    const widgets = () => KIT_TAGS.flatMap((tag) => [...win.document.querySelectorAll(tag)]);
    const eventsOf = (tag: string) => win.kitEvents.filter((event) => event.tag === tag);
    expect(widgets(), 'kit tags in the snippet').to.not.have.length(0);
    const clicked = new Set<Element>();
    await until(
      () =>
        widgets().every((widget) => {
          // A room behind its Join button: a person clicks it.
          const join = widget.shadowRoot?.querySelector<HTMLElement>('[part~=join]');
          if (join && !clicked.has(widget)) {
            clicked.add(widget);
            join.click();
          }
          return eventsOf(widget.localName).length >= win.document.querySelectorAll(widget.localName).length;
        }),
      'every widget in the pasted page to show data or an error',
      15_000,
    );
    const outcomes = win.kitEvents.map(({ name, detail }) =>
      name === 'kal-error' ? (detail.code ?? 'error') : detail.count === 0 ? 'empty' : 'data',
    );
    const errors = win.kitEvents.filter(({ name }) => name === 'kal-error').map(({ tag, detail }) => `${tag}: ${detail.message}`);
    const joined = (await sandboxState(SNIPPET_PARTNER)).joins.length > joinsBefore;
    return { outcomes, warnings: win.kitWarnings, errors, joined };
  } finally {
    frame.remove();
  }
}

/** Asserts that a pasted snippet shows `expected` in every widget (data: no error, no warning, a room joined). */
async function expectShows(code: string, expected: Outcome): Promise<void> {
  const { outcomes, warnings, errors, joined } = await paste(code);
  expect([...new Set(outcomes)], errors.join('\n')).to.deep.equal([expected]);
  if (expected !== 'data' && expected !== 'empty') return;
  expect(warnings).to.deep.equal([]);
  if (/<kal-room-embed[\s>]/.test(code)) expect(joined, 'the sandbox room was opened').to.equal(true);
}

const published = (await executeServerCommand<Snippet[], undefined>('snippets'))!;
// Shell commands are for a terminal (.ci/run runs the README's test command); the rest are pages or marked.
const unmarked = published.filter((snippet) => !marked(snippet) && snippet.language !== 'sh');
const runnable = unmarked.filter(forAPage);
const storyPastes = storySnippets();

before(() => executeServerCommand('snippet-hosts'));

describe('published snippets, pasted into a plain page', () => {
  it('finds the snippets of README.md and every stories/*.mdx: each is page HTML, or carries the mark on its first line and is not page HTML', () => {
    const files = new Set(published.map((snippet) => snippet.source.split(':')[0]));
    for (const file of ['README.md', ...Object.keys(STORIES).map((name) => `stories/${name}.mdx`)]) expect(files, file).to.include(file);
    for (const snippet of published.filter(marked)) {
      expect(forAPage(snippet), `${snippet.source} is a page snippet: it must run, not be marked`).to.equal(false);
    }
    for (const snippet of unmarked) expect(forAPage(snippet), `${snippet.source}: page HTML, or marked "${MARK}"`).to.equal(true);
  });

  it("every snippet but the server's says in one line what your backend answers; page snippets link defined.css", () => {
    const forPages = published.filter((snippet) => snippet.language !== 'sh' && !snippet.code.includes("'kaltura-widgets/server'"));
    for (const snippet of [...forPages, ...storyPastes.map(({ stories, code }) => ({ source: stories.join(', '), code, language: 'html' }))]) {
      const { source, code } = snippet;
      expect(code.split('\n').filter((line) => line.includes('Your backend answers')), source).to.have.length(1);
      if (forAPage(snippet)) expect(code, source).to.match(/<link rel="stylesheet" href="[^"]*\/defined\.css" \/>/);
    }
  });

  for (const snippet of runnable) {
    it(`${snippet.source} shows data`, () => expectShows(snippet.code, 'data'));
  }

  it('the stories named as showing a state exist', () => {
    for (const key of Object.keys(STATE_STORIES)) {
      const [file, name] = key.split('/') as [string, string];
      expect(STORIES[file]?.[name], key).to.not.equal(undefined);
    }
  });

  for (const { stories, code, outcome } of storyPastes) {
    it(`Show code of ${stories.join(', ')} shows ${outcome}`, () => expectShows(code, outcome));
  }
});
