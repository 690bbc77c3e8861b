import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { GetKs } from '../src/api/session.js';
import '../src/components/room-embed/define.js';
import { showCode } from './show-code.js';

// The sandbox's stand-in backend mints the room KS: a USER KS whose privileges name the room and
// the role, as a host's token endpoint would (kaltura-widgets/server's createTokenHandler).
const cache = new Map<string, GetKs>();
function roomKs(partnerId: number, moderator = false): GetKs {
  const key = `${partnerId}:${moderator}`;
  let getKs = cache.get(key);
  if (!getKs) {
    getKs = async ({ entryId }) => {
      const flag = moderator ? 1 : 0;
      const query = new URLSearchParams({
        partnerId: String(partnerId),
        userId: moderator ? 'host@example.com' : 'viewer@example.com',
        privileges: `entryId:${entryId ?? ''},roomModerator:${flag},chatModerator:${flag}`,
      });
      const response = await fetch(`/sandbox/ks?${query}`);
      if (!response.ok) throw new Error(`the token endpoint answered ${response.status}`);
      return (await response.json()) as { ks: string; expiresAt: string };
    };
    cache.set(key, getKs);
  }
  return getKs;
}

/** A partner of its own whose room page never answers (the sandbox's `roomHang` switch). */
const HANGING_PARTNER = 1002;

interface RoomArgs {
  kafHost: string;
  entryId: string;
  roomName: string;
  join: 'click' | 'auto';
  theme: 'auto' | 'light' | 'dark';
  loadTimeout: number;
  partnerId: number;
  moderator: boolean;
}

const meta: Meta<RoomArgs> = {
  title: 'Widgets/kal-room-embed',
  component: 'kal-room-embed',
  parameters: showCode,
  args: {
    kafHost: 'sandbox.kaf.example.com',
    entryId: '1_sandboxroom',
    roomName: 'Keynote Room',
    join: 'click',
    theme: 'auto',
    loadTimeout: 20,
    partnerId: 1001,
    moderator: false,
  },
  argTypes: {
    join: { control: 'inline-radio', options: ['click', 'auto'] },
    theme: { control: 'inline-radio', options: ['auto', 'light', 'dark'] },
  },
  render: (args) => html`<kal-room-embed
    kaf-host=${ifDefined(args.kafHost || undefined)}
    entry-id=${args.entryId}
    room-name=${ifDefined(args.roomName || undefined)}
    join=${args.join}
    theme=${args.theme}
    load-timeout=${args.loadTimeout}
    partner-id=${args.partnerId}
    .getKs=${roomKs(args.partnerId, args.moderator)}
  ></kal-room-embed>`,
};
export default meta;

type Story = StoryObj<RoomArgs>;

/** The default: a Join card first, so camera and microphone prompts only follow a click. */
export const ClickToJoin: Story = {};

/** `join="auto"`: the room opens as soon as the element is on the page. */
export const AutoJoin: Story = { args: { join: 'auto' } };

/** The host's backend puts `roomModerator:1,chatModerator:1` in this person's KS. */
export const Moderator: Story = { args: { join: 'auto', moderator: true } };

/** `kaf-host` must be a host name, not a URL: a `config` error, with no pointless retry. */
export const BadHost: Story = { args: { kafHost: 'https://evil.example.com/steal', join: 'auto' } };

/** The room page never answers (sandbox `roomHang`): after `load-timeout` seconds, an error with retry. */
export const Unreachable: Story = {
  args: { join: 'auto', loadTimeout: 3, partnerId: HANGING_PARTNER },
  loaders: [
    async () => {
      await fetch('/sandbox/control', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ partnerId: HANGING_PARTNER, roomHang: true }),
      });
      return {};
    },
  ],
};

export const Dark: Story = { args: { theme: 'dark' } };

export const RightToLeft: Story = {
  render: (args, context) => html`<div dir="rtl" lang="ar">${meta.render!(args, context)}</div>`,
};
