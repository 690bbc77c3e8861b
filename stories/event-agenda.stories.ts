import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/components/event-agenda/define.js';
import '../src/components/leaderboard/define.js';
import '../src/components/badge-progress/define.js';
import { showCode } from './show-code.js';

// Storybook's preview configures the kit against the sandbox (partner 1001, the demo viewer) through
// the demo's Events proxy, which serves the sandbox's events 7001 (Kaltura Connect, planned around the
// moment it is first asked: one session is live, the next starts within 10 minutes), 7003 (cancelled)
// and 7002 (a draft, which it keeps hidden). Stories that need a sandbox switch use a partner of their
// own (16xx), reset each time the story loads.

const SLOW_PARTNER = 1601;
const FAILING_PARTNER = 1602;

async function post(path: string, body: Record<string, unknown>): Promise<void> {
  await fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
}

/** Forgets the partner's world, then sets its switches. */
async function sandbox(partnerId: number, switches: Record<string, unknown> = {}): Promise<void> {
  await post('/sandbox/control/reset', { partnerId });
  if (Object.keys(switches).length) await post('/sandbox/control', { partnerId, ...switches });
}

interface AgendaArgs {
  eventId: string;
  theme: 'auto' | 'light' | 'dark';
  partnerId?: number;
}

const meta: Meta<AgendaArgs> = {
  title: 'Widgets/kal-event-agenda',
  component: 'kal-event-agenda',
  parameters: showCode,
  args: { eventId: '7001', theme: 'auto' },
  argTypes: {
    eventId: { control: 'text', description: 'The event (sandbox: 7001 Kaltura Connect, 7003 cancelled, 7002 a draft, never shown)' },
    theme: { control: 'inline-radio', options: ['auto', 'light', 'dark'] },
    partnerId: { table: { disable: true } },
  },
  render: (args) => html`<kal-event-agenda
    event-id=${ifDefined(args.eventId || undefined)}
    theme=${args.theme}
    partner-id=${ifDefined(args.partnerId)}
    token-endpoint=${ifDefined(args.partnerId ? `/sandbox/ks?partnerId=${args.partnerId}&userId=viewer%40example.com` : undefined)}
  ></kal-event-agenda>`,
};
export default meta;

type Story = StoryObj<AgendaArgs>;

/**
 * Kaltura Connect: two days of sessions in your time zone (the event's, New York, is named when yours
 * differs), one live now and one starting soon, moving on as the clock does. Tab to "Add to calendar"
 * for an .ics file of one session.
 */
export const Default: Story = {};

/** A cancelled event: marked, each session too, and nothing to add to a calendar. */
export const Cancelled: Story = { args: { eventId: '7003' } };

/** A draft event is never shown: it reads as not found. */
export const Draft: Story = { args: { eventId: '7002' } };

/** An event the backend's Events proxy does not serve (its `eventIds`): no access. */
export const NotServed: Story = { name: 'Not served by the proxy', args: { eventId: '7004' } };

/** While loading (the sandbox holds every answer for 2 minutes). */
export const Loading: Story = {
  args: { partnerId: SLOW_PARTNER },
  loaders: [() => sandbox(SLOW_PARTNER, { latencyMs: 120_000 })],
};

/** The service keeps failing (500, after three retries): the retry action works once it recovers. */
export const ErrorServer: Story = {
  name: 'Error (server)',
  args: { partnerId: FAILING_PARTNER },
  loaders: [() => sandbox(FAILING_PARTNER, { fail: { status: 500, count: 4, match: 'sessions/list' } })],
};

/** No `event-id`: a setup error, no retry. */
export const ConfigError: Story = { name: 'Error (configuration)', args: { eventId: '' } };

/** The dark theme. */
export const Dark: Story = { args: { theme: 'dark' } };

/** Right to left (Hebrew): the live marker on the right. */
export const RightToLeft: Story = {
  render: (args, context) => html`<div lang="he" dir="rtl">${meta.render!(args, context)}</div>`,
};

/** At phone width, each session's time sits above it. */
export const Phone: Story = {
  render: (args, context) => html`<div class="phone">${meta.render!(args, context)}</div>
    <style>
      .phone {
        max-inline-size: 360px;
      }
    </style>`,
};

/**
 * An event site: the agenda beside the event's leaderboard and the viewer's badges, each through the
 * backend's proxy (Events and Game Services both take only an ADMIN KS).
 */
export const EventSite: Story = {
  name: 'Event site (with leaderboard and badges)',
  render: (args, context) => html`<div class="event-site">
      ${meta.render!(args, context)}
      <div class="event-site__side">
        <kal-leaderboard leaderboard-id="lb_conference" page-size="5" theme=${args.theme}></kal-leaderboard>
        <kal-badge-progress virtual-event-id="12345" layout="compact" theme=${args.theme}></kal-badge-progress>
      </div>
    </div>
    <style>
      .event-site {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 22rem), 1fr));
        gap: 16px;
        align-items: start;
      }
      .event-site__side {
        display: grid;
        gap: 16px;
      }
    </style>`,
};
