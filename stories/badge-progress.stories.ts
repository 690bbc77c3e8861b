import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/components/badge-progress/define.js';
import { post, sandbox } from './sandbox.js';
import { showCode } from './show-code.js';
import type { KalBadgeProgress } from '../src/components/badge-progress/kal-badge-progress.js';

// Storybook's preview configures the kit against the sandbox (partner 1001, the demo viewer, whose
// seeded badges are: Session Attendee and Poll Pioneer achieved, Marathon Viewer and Networker in
// progress, Quiz Whiz and Sponsor Explorer not started). Stories that need a sandbox switch or change
// progress use a partner of their own (13xx), reset each time the story loads.

const SLOW_PARTNER = 1301;
const FORBIDDEN_PARTNER = 1302;
const FAILING_PARTNER = 1303;
const LIVE_PARTNER = 1304;

interface BadgeArgs {
  badgeIds: string;
  virtualEventId: string;
  userId: string;
  layout: 'grid' | 'list' | 'compact';
  sort: 'definition' | 'achieved-first' | 'achieved-last';
  live: boolean;
  refreshInterval: number;
  theme: 'auto' | 'light' | 'dark';
  partnerId?: number;
}

const meta: Meta<BadgeArgs> = {
  title: 'Widgets/kal-badge-progress',
  component: 'kal-badge-progress',
  parameters: showCode,
  args: {
    badgeIds: '',
    virtualEventId: '12345',
    userId: '',
    layout: 'grid',
    sort: 'definition',
    live: false,
    refreshInterval: 30,
    theme: 'auto',
  },
  argTypes: {
    badgeIds: {
      control: 'text',
      description: 'Comma list of badge ids (sandbox: badge_attendee, badge_pollster, badge_marathon, badge_networker, badge_quiz, badge_sponsor)',
    },
    virtualEventId: { control: 'text', description: 'All badges of a virtual event (sandbox: 12345)' },
    userId: { control: 'text', description: 'Whose progress; empty: the session’s user' },
    layout: { control: 'inline-radio', options: ['grid', 'list', 'compact'] },
    sort: { control: 'inline-radio', options: ['definition', 'achieved-first', 'achieved-last'] },
    live: { control: 'boolean', description: 'Refresh on a timer while visible' },
    refreshInterval: { control: { type: 'number', min: 5 }, description: 'Seconds between refreshes (at least 5)' },
    theme: { control: 'inline-radio', options: ['auto', 'light', 'dark'] },
    partnerId: { table: { disable: true } },
  },
  render: (args) => html`<kal-badge-progress
    badge-ids=${ifDefined(args.badgeIds || undefined)}
    virtual-event-id=${ifDefined(args.virtualEventId || undefined)}
    user-id=${ifDefined(args.userId || undefined)}
    layout=${args.layout}
    sort=${args.sort}
    ?live=${args.live}
    refresh-interval=${args.refreshInterval}
    theme=${args.theme}
    partner-id=${ifDefined(args.partnerId)}
    token-endpoint=${ifDefined(args.partnerId ? `/sandbox/ks?partnerId=${args.partnerId}&userId=viewer%40example.com` : undefined)}
  ></kal-badge-progress>`,
};
export default meta;

type Story = StoryObj<BadgeArgs>;

/** Every badge of virtual event 12345 in a grid: achieved, in progress and not started, with a summary. */
export const Default: Story = {};

/** One badge per row. */
export const List: Story = { args: { layout: 'list' } };

/** A row of icons; hover or Tab to one for its tooltip (Escape closes it). */
export const Compact: Story = { args: { layout: 'compact' } };

/** Achieved badges first. */
export const AchievedFirst: Story = { args: { sort: 'achieved-first' } };

/** Achieved: the date in the viewer's locale; Poll Pioneer's progress (4) is above its goal (1), the bar is capped. */
export const Achieved: Story = { args: { virtualEventId: '', badgeIds: 'badge_attendee,badge_pollster' } };

/** In progress: one bar per rule, `progress / goal`. */
export const InProgress: Story = { args: { virtualEventId: '', badgeIds: 'badge_marathon,badge_networker' } };

/** Locked: no progress yet (no row for the viewer). */
export const Locked: Story = { args: { virtualEventId: '', badgeIds: 'badge_quiz,badge_sponsor' } };

/** Some listed ids do not exist: the others show, with a note saying how many were not found. */
export const PartlyMissing: Story = {
  args: { virtualEventId: '', badgeIds: 'badge_attendee,badge_retired,badge_marathon,badge_typo' },
};

/** An event with no badges. */
export const Empty: Story = { args: { virtualEventId: 'event-without-badges' } };

/** While loading (the sandbox holds every answer for 2 minutes). */
export const Loading: Story = {
  args: { partnerId: SLOW_PARTNER },
  loaders: [() => sandbox(SLOW_PARTNER, { latencyMs: 120_000 })],
};

/** The session may not read badges (403): a clear message and a retry action. */
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

/** Neither `badge-ids` nor `virtual-event-id`: a setup error, no retry. */
export const ConfigError: Story = { name: 'Error (configuration)', args: { virtualEventId: '' } };

/**
 * Live: press the button to complete Marathon Viewer's last rule in the sandbox, then the widget
 * refreshes (`refresh()`), announces the badge and celebrates (unless reduced motion is preferred).
 */
export const LiveAchievement: Story = {
  args: { partnerId: LIVE_PARTNER, live: true, refreshInterval: 10, virtualEventId: '', badgeIds: 'badge_marathon,badge_quiz' },
  loaders: [() => sandbox(LIVE_PARTNER)],
  render: (args, context) => {
    const complete = async (event: Event) => {
      const element = (event.target as HTMLElement).parentElement?.querySelector<KalBadgeProgress>('kal-badge-progress');
      await post('/sandbox/control/progress', {
        partnerId: LIVE_PARTNER,
        userId: 'viewer@example.com',
        badgeId: 'badge_marathon',
        ruleId: 'rule_marathon_minutes',
        progress: 60,
      });
      await element?.refresh();
    };
    return html`<div>
      <button type="button" @click=${complete}>Watch the last 18 minutes</button>
      ${meta.render!(args, context)}
    </div>`;
  },
};

/** The dark theme. */
export const Dark: Story = { args: { theme: 'dark' } };

/** The compact layout, dark. */
export const CompactDark: Story = { args: { theme: 'dark', layout: 'compact' } };

/** Right to left (Hebrew): bars fill from the right. */
export const RightToLeft: Story = {
  render: (args, context) => html`<div lang="he" dir="rtl">${meta.render!(args, context)}</div>`,
};
