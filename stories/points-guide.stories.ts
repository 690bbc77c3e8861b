import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/components/badge-progress/define.js';
import '../src/components/leaderboard/define.js';
import '../src/components/points-guide/define.js';
import { post, sandbox } from './sandbox.js';
import { showCode } from './show-code.js';
import type { KalPointsGuide } from '../src/components/points-guide/kal-points-guide.js';

// Storybook's preview configures the kit against the sandbox (partner 1001, the demo viewer). The
// seeded lb_conference has three rules: Answer polls (+25, no limit), Watch sessions (+10, up to 100 per
// video) and Chat messages (+5, up to 50), which the viewer has used up. Stories that need a sandbox
// switch or move the viewer's score use a partner of their own (17xx), reset each time the story loads.

const SLOW_PARTNER = 1701;
const FORBIDDEN_PARTNER = 1702;
const FAILING_PARTNER = 1703;
const LIVE_PARTNER = 1704;

interface PointsArgs {
  leaderboardId: string;
  live: boolean;
  refreshInterval: number;
  theme: 'auto' | 'light' | 'dark';
  partnerId?: number;
}

const meta: Meta<PointsArgs> = {
  title: 'Widgets/kal-points-guide',
  component: 'kal-points-guide',
  parameters: showCode,
  args: { leaderboardId: 'lb_conference', live: false, refreshInterval: 30, theme: 'auto' },
  argTypes: {
    leaderboardId: { control: 'text', description: 'The leaderboard whose rules to show (sandbox: lb_conference, lb_huge, lb_empty)' },
    live: { control: 'boolean', description: 'Refresh the progress on a timer while visible' },
    refreshInterval: { control: { type: 'number', min: 5 }, description: 'Seconds between refreshes (at least 5)' },
    theme: { control: 'inline-radio', options: ['auto', 'light', 'dark'] },
    partnerId: { table: { disable: true } },
  },
  render: (args) => html`<kal-points-guide
    leaderboard-id=${args.leaderboardId}
    ?live=${args.live}
    refresh-interval=${args.refreshInterval}
    theme=${args.theme}
    partner-id=${ifDefined(args.partnerId)}
    token-endpoint=${ifDefined(args.partnerId ? `/sandbox/ks?partnerId=${args.partnerId}&userId=viewer%40example.com` : undefined)}
  ></kal-points-guide>`,
};
export default meta;

type Story = StoryObj<PointsArgs>;

/** The ways to earn points on lb_conference: open ones first by points per action, the used-up rule last, marked done. */
export const Default: Story = {};

/** What a viewer sees on an event page: where they stand, how to earn more, and their badges. */
export const WithLeaderboardAndBadges: Story = {
  name: 'With the leaderboard and badges',
  render: (args, context) => html`<div class="side-by-side">
    <style>
      .side-by-side {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(20rem, 1fr));
        gap: 16px;
        align-items: start;
      }
    </style>
    <kal-leaderboard leaderboard-id=${args.leaderboardId} page-size="5" ?live=${args.live} theme=${args.theme}></kal-leaderboard>
    ${meta.render!(args, context)}
    <kal-badge-progress virtual-event-id="12345" layout="list" theme=${args.theme}></kal-badge-progress>
  </div>`,
};

/**
 * Live: press the button to take part (two of the sandbox's ticks: the viewer climbs about three
 * ranks), and the points earned from watching move on the next refresh (`refresh()`).
 */
export const Live: Story = {
  args: { partnerId: LIVE_PARTNER, live: true, refreshInterval: 10 },
  loaders: [() => sandbox(LIVE_PARTNER)],
  render: (args, context) => {
    const takePart = async (event: Event) => {
      const element = (event.target as HTMLElement).parentElement?.querySelector<KalPointsGuide>('kal-points-guide');
      await post('/sandbox/control/tick', { partnerId: LIVE_PARTNER, steps: 2 });
      await element?.refresh();
    };
    return html`<div>
      <button type="button" @click=${takePart}>Take part</button>
      ${meta.render!(args, context)}
    </div>`;
  },
};

/** A leaderboard without rules. */
export const Empty: Story = { args: { leaderboardId: 'lb_empty' } };

/** While loading (the sandbox holds every answer for 2 minutes). */
export const Loading: Story = {
  args: { partnerId: SLOW_PARTNER },
  loaders: [() => sandbox(SLOW_PARTNER, { latencyMs: 120_000 })],
};

/** A leaderboard-id the service does not know: named, no retry. */
export const NotFound: Story = { name: 'Error (not found)', args: { leaderboardId: 'lb_typo' } };

/** The session may not read the rules (403): a clear message, no retry that cannot help. */
export const ErrorForbidden: Story = {
  name: 'Error (forbidden)',
  args: { partnerId: FORBIDDEN_PARTNER },
  loaders: [() => sandbox(FORBIDDEN_PARTNER, { fail: { status: 403, count: -1 } })],
};

/** The service keeps failing (500, after three retries): the retry action works once it recovers. */
export const ErrorServer: Story = {
  name: 'Error (server)',
  args: { partnerId: FAILING_PARTNER },
  loaders: [() => sandbox(FAILING_PARTNER, { fail: { status: 500, count: 4 } })],
};

/** No `leaderboard-id`: a setup error, no retry. */
export const ConfigError: Story = { name: 'Error (configuration)', args: { leaderboardId: '' } };

/** The dark theme. */
export const Dark: Story = { args: { theme: 'dark' } };

/** Right to left (Hebrew): bars fill from the right. */
export const RightToLeft: Story = {
  render: (args, context) => html`<div lang="he" dir="rtl">${meta.render!(args, context)}</div>`,
};
