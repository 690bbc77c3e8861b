import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/components/leaderboard/define.js';
import { showCode } from './show-code.js';
import type { ResolveUsers } from '../src/components/leaderboard/helpers.js';

// Storybook's preview configures the kit against the sandbox (partner 1001, the demo viewer).
// Stories that need a sandbox switch use a partner of their own, so the others stay unaffected.

/** A partner whose every answer takes 4 s (the sandbox's `latencyMs`). */
const SLOW_PARTNER = 1101;

async function sandboxSwitches(partnerId: number, switches: Record<string, unknown>): Promise<void> {
  await fetch('/sandbox/control', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ partnerId, ...switches }),
  });
}

/** A stand-in for a host's user directory (names are not in score rows). */
const directory: ResolveUsers = async (ids) =>
  Object.fromEntries(
    ids.map((id) => {
      // "ada.lovelace12@example.com" → "Ada Lovelace"; "user-42" → "User 42".
      const local = id.includes('@') ? (id.split('@')[0] ?? id).replace(/\d+$/, '') : id;
      const name = local
        .split(/[._-]/)
        .filter(Boolean)
        .map((part) => part[0]!.toUpperCase() + part.slice(1))
        .join(' ');
      return [id, { name: id === 'viewer@example.com' ? 'Ada Viewer' : name || id }];
    }),
  );

interface LeaderboardArgs {
  leaderboardId: string;
  pageSize: number;
  userId: string;
  subLeaderboard: string;
  live: boolean;
  refreshInterval: number;
  layout: 'table' | 'scroll';
  theme: 'auto' | 'light' | 'dark';
  names: boolean;
  partnerId?: number;
}

const meta: Meta<LeaderboardArgs> = {
  title: 'Widgets/kal-leaderboard',
  component: 'kal-leaderboard',
  parameters: showCode,
  args: {
    leaderboardId: 'lb_conference',
    pageSize: 10,
    userId: '',
    subLeaderboard: '',
    live: false,
    refreshInterval: 30,
    layout: 'table',
    theme: 'auto',
    names: true,
  },
  argTypes: {
    leaderboardId: {
      control: 'select',
      options: ['lb_conference', 'lb_huge', 'lb_scheduled', 'lb_final', 'lb_empty', 'lb_missing'],
      description: 'The leaderboard (sandbox ids)',
    },
    pageSize: { control: { type: 'number', min: 1, max: 100 }, description: 'Rows per page, 1–100' },
    userId: { control: 'text', description: 'The viewer; empty: from the session' },
    subLeaderboard: { control: 'select', options: ['', '0', '1'], description: 'Sub-leaderboard to open on' },
    live: { control: 'boolean', description: 'Refresh on a timer (the sandbox moves scores every 5 s)' },
    refreshInterval: { control: { type: 'number', min: 5 }, description: 'Seconds between refreshes (at least 5)' },
    layout: { control: 'inline-radio', options: ['table', 'scroll'] },
    theme: { control: 'inline-radio', options: ['auto', 'light', 'dark'] },
    names: { control: 'boolean', description: 'Pass a `resolveUsers` directory (else privacy-safe ids show)' },
    partnerId: { table: { disable: true } },
  },
  render: (args) => html`<kal-leaderboard
    leaderboard-id=${args.leaderboardId}
    page-size=${args.pageSize}
    user-id=${ifDefined(args.userId || undefined)}
    sub-leaderboard=${ifDefined(args.subLeaderboard || undefined)}
    ?live=${args.live}
    refresh-interval=${args.refreshInterval}
    layout=${args.layout}
    theme=${args.theme}
    partner-id=${ifDefined(args.partnerId)}
    token-endpoint=${ifDefined(
      args.partnerId ? `/sandbox/ks?partnerId=${args.partnerId}&userId=viewer%40example.com` : undefined,
    )}
    .resolveUsers=${args.names ? directory : undefined}
  ></kal-leaderboard>`,
};
export default meta;

type Story = StoryObj<LeaderboardArgs>;

/** The conference board: the top of the ranking, the viewer pinned below at about #57, tabs. */
export const Default: Story = {};

/** While the first page loads (the sandbox answers after 4 s). */
export const Loading: Story = {
  args: { partnerId: SLOW_PARTNER },
  loaders: [() => sandboxSwitches(SLOW_PARTNER, { latencyMs: 4000 })],
};

/** A board nobody has scored on yet. */
export const Empty: Story = { args: { leaderboardId: 'lb_empty' } };

/** An unknown leaderboard id: a clear message and a retry action. */
export const ErrorState: Story = { name: 'Error', args: { leaderboardId: 'lb_missing' } };

/** Not started: "Starts {date}" in the viewer's time zone. */
export const Scheduled: Story = { args: { leaderboardId: 'lb_scheduled' } };

/** Live: refreshes every 5 s while visible; rows that move are marked and animate into place. */
export const Live: Story = { args: { live: true, refreshInterval: 5, pageSize: 100 } };

/** A disabled board: "Final results". */
export const Final: Story = { args: { leaderboardId: 'lb_final' } };

/** Opened on the "By Company" sub-leaderboard: rows are companies. */
export const SubLeaderboards: Story = { args: { subLeaderboard: '1' } };

/** No names from the host: privacy-safe ids (never a whole email address). */
export const PrivacySafeIds: Story = { args: { names: false } };

/** Right to left (Hebrew). */
export const RightToLeft: Story = {
  render: (args, context) => html`<div lang="he" dir="rtl">${meta.render!(args, context)}</div>`,
};

/** The dark theme. */
export const Dark: Story = { args: { theme: 'dark' } };

/** Endless scrolling over 100,000 users, virtualised (pages of 50 load as the list scrolls). */
export const ScrollLayout: Story = { args: { leaderboardId: 'lb_huge', layout: 'scroll', pageSize: 50, live: true } };
