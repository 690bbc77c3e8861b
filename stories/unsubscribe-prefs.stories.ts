import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, userEvent, waitFor } from 'storybook/test';
import '../src/components/unsubscribe-prefs/define.js';
import { showCode } from './show-code.js';

// Storybook's preview configures the kit against the sandbox (partner 1001, the demo viewer, who
// starts unsubscribed from "marketing-emails"). Stories that need a sandbox switch, or a clean slate,
// use a partner of their own (12xx) and reset it first, so the others stay unaffected.

const VIEWER = 'viewer@example.com';

interface PrefGroupArg {
  id: string;
  label: string;
  description?: string;
}

interface PrefsArgs {
  groups: PrefGroupArg[];
  unsubscribeGroup: string;
  ksParam: string;
  theme: 'auto' | 'light' | 'dark';
  partnerId?: number;
}

const GROUPS: PrefGroupArg[] = [
  { id: 'event-updates', label: 'Event updates', description: 'Schedule changes and reminders' },
  { id: 'session-reminders', label: 'Session reminders', description: 'A note before each session you saved' },
  { id: 'marketing-emails', label: 'News and offers', description: 'Occasional news from the organiser' },
  { id: 'weekly-digest', label: 'Weekly digest', description: "The week's highlights every Friday" },
];

/** The organiser's own words stay in their language: a Hebrew page. */
const HEBREW_GROUPS: PrefGroupArg[] = [
  { id: 'event-updates', label: 'עדכוני האירוע', description: 'שינויים בלוח הזמנים ותזכורות' },
  { id: 'session-reminders', label: 'תזכורות למפגשים', description: 'הודעה לפני כל מפגש ששמרתם' },
  { id: 'marketing-emails', label: 'חדשות והצעות', description: 'חדשות מדי פעם מהמארגנים' },
  { id: 'weekly-digest', label: 'סיכום שבועי', description: 'עיקרי השבוע בכל יום שישי' },
];

async function sandbox(path: string, body: Record<string, unknown>): Promise<void> {
  await fetch(`/sandbox/control${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
}

/** Forgets a story partner's world, then sets its switches. */
async function freshPartner(partnerId: number, switches: Record<string, unknown> = {}): Promise<void> {
  await sandbox('/reset', { partnerId });
  if (Object.keys(switches).length) await sandbox('', { partnerId, ...switches });
}

async function mint(partnerId: number, expiresIn = 3600): Promise<string> {
  const query = new URLSearchParams({ partnerId: String(partnerId), userId: VIEWER, expiresIn: String(expiresIn) });
  const response = await fetch(`/sandbox/ks?${query}`);
  if (!response.ok) throw new Error(`the token endpoint answered ${response.status}`);
  return ((await response.json()) as { ks: string }).ks;
}

/** Opens the story's page as an email link would: the KS in the URL (the element removes it). */
function openAsLink(param: string, ks: string, extra: Record<string, string> = {}): void {
  const url = new URL(location.href);
  url.searchParams.set(param, ks);
  for (const [key, value] of Object.entries(extra)) url.searchParams.set(key, value);
  history.replaceState(history.state, '', url);
}

const shadow = (canvasElement: HTMLElement) => canvasElement.querySelector('kal-unsubscribe-prefs')!.shadowRoot!;

/** As a person would: switch `group` off (or on), then press Save. */
async function toggleAndSave(canvasElement: HTMLElement, group: string): Promise<void> {
  const root = shadow(canvasElement);
  const control = () => root.querySelector<HTMLElement>(`[data-group-id="${group}"] [role=switch]`);
  await waitFor(() => expect(control()).toBeTruthy(), { timeout: 15_000 });
  await userEvent.click(control()!);
  await userEvent.click(root.querySelector<HTMLElement>('[part~=save]')!);
}

const meta: Meta<PrefsArgs> = {
  title: 'Widgets/kal-unsubscribe-prefs',
  component: 'kal-unsubscribe-prefs',
  parameters: showCode,
  args: { groups: GROUPS, unsubscribeGroup: '', ksParam: '', theme: 'auto' },
  argTypes: {
    groups: { control: 'object', description: 'The `<kal-pref-group group-id label description>` children' },
    unsubscribeGroup: {
      control: 'select',
      options: ['', ...GROUPS.map((group) => group.id)],
      description: 'One-click: open with this group switched off and a single "Confirm unsubscribe"',
    },
    ksParam: { control: 'text', description: 'Read the KS from this page URL parameter (then remove it from the address bar)' },
    theme: { control: 'inline-radio', options: ['auto', 'light', 'dark'] },
    partnerId: { table: { disable: true } },
  },
  render: (args) => html`<kal-unsubscribe-prefs
    theme=${args.theme}
    unsubscribe-group=${ifDefined(args.unsubscribeGroup || undefined)}
    ks-param=${ifDefined(args.ksParam || undefined)}
    partner-id=${ifDefined(args.partnerId)}
    token-endpoint=${ifDefined(
      args.partnerId && !args.ksParam ? `/sandbox/ks?partnerId=${args.partnerId}&userId=viewer%40example.com` : undefined,
    )}
  >
    ${args.groups.map(
      (group) => html`<kal-pref-group group-id=${group.id} label=${group.label} description=${ifDefined(group.description)}></kal-pref-group>`,
    )}
  </kal-unsubscribe-prefs>`,
};
export default meta;

type Story = StoryObj<PrefsArgs>;

/** The demo viewer's groups as switches (on = subscribed); Save is enabled once something changed. */
export const Default: Story = {};

/** `unsubscribe-group`: the landing page of an email's "Unsubscribe" link — one confirm, or manage all. */
export const OneClickUnsubscribe: Story = {
  args: { unsubscribeGroup: 'weekly-digest', partnerId: 1201 },
  loaders: [() => freshPartner(1201)],
};

/** The whole email path: `?ks=…&group=…` in the URL, the KS removed from the address bar at once. */
export const OneClickFromEmailLink: Story = {
  args: { ksParam: 'ks', partnerId: 1208 },
  loaders: [
    async () => {
      await freshPartner(1208);
      openAsLink('ks', await mint(1208), { group: 'event-updates' });
    },
  ],
};

/** While saving: Save shows "Saving…" and is busy; a second press is ignored (the sandbox stalls the save). */
export const Saving: Story = {
  args: { partnerId: 1202 },
  loaders: [() => freshPartner(1202)],
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(shadow(canvasElement).querySelector('[role=switch]')).toBeTruthy(), { timeout: 15_000 });
    await sandbox('', { partnerId: 1202, latencyMs: 120_000 });
    await toggleAndSave(canvasElement, 'weekly-digest');
  },
};

/** After a save: "Preferences saved" in a polite live region. */
export const Saved: Story = {
  args: { partnerId: 1203 },
  loaders: [() => freshPartner(1203)],
  play: async ({ canvasElement }) => {
    await toggleAndSave(canvasElement, 'weekly-digest');
    await waitFor(() => expect(shadow(canvasElement).querySelector('[part~=status]')?.textContent).toContain('Preferences saved'), {
      timeout: 15_000,
    });
  },
};

/** A save that keeps failing (after the guides' 1 s / 2 s / 4 s retries): every choice stays, with the reason and "Try again". */
export const FailedSave: Story = {
  args: { partnerId: 1204 },
  loaders: [() => freshPartner(1204, { fail: { status: 500, count: -1, match: 'syncGroups' } })],
  play: async ({ canvasElement }) => toggleAndSave(canvasElement, 'event-updates'),
};

/** The connection drops while saving: "You are offline: we will save when you reconnect" (it saves on the `online` event or "Try again"). */
export const Offline: Story = {
  args: { partnerId: 1205 },
  loaders: [() => freshPartner(1205, { fail: { status: 0, count: -1, match: 'syncGroups' } })],
  play: async ({ canvasElement }) => toggleAndSave(canvasElement, 'session-reminders'),
};

/** An email link whose KS has expired: a link cannot be refreshed, so the person is asked for a new one. */
export const ExpiredLink: Story = {
  args: { ksParam: 'expired_ks', partnerId: 1206 },
  loaders: [async () => openAsLink('expired_ks', await mint(1206, -60))],
};

/** Groups the person left that the page does not declare: shown by id, never dropped. */
export const UnknownServerGroups: Story = {
  args: { partnerId: 1207, groups: GROUPS.slice(0, 2) },
  loaders: [() => freshPartner(1207)],
};

/** No `<kal-pref-group>` children: a clear configuration error. */
export const NoGroups: Story = { args: { groups: [] } };

/** The dark theme. */
export const Dark: Story = { args: { theme: 'dark' } };

/** Right to left, with the organiser's Hebrew labels. */
export const RightToLeft: Story = {
  args: { groups: HEBREW_GROUPS },
  render: (args, context) => html`<div lang="he" dir="rtl">${meta.render!(args, context)}</div>`,
};
