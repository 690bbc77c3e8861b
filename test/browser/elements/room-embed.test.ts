import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { viewRoomUrl } from '../../../src/api/rooms.js';
import type { GetKs, TokenContext } from '../../../src/api/session.js';
import { checkRoomSettings } from '../../../src/components/room-embed/room-settings.js';
import type { KalRoomEmbed } from '../../../src/components/room-embed/kal-room-embed.js';
import '../../../src/components/room-embed/define.js';
import { configure, currentConfig } from '../../../src/config.js';
import { FAST_RETRIES, SANDBOX_URLS, control, mintKs, newPartner, sandboxState, until } from '../helpers.js';
import { part, root, shadowText, text } from '../dom.js';

const ROOM = '1_sandboxroom';

const saved = { ...currentConfig() };
afterEach(() => configure({ ...saved, getKs: saved.getKs, tokenEndpoint: saved.tokenEndpoint }));

interface RoomKs {
  getKs: GetKs;
  contexts: TokenContext[];
  issued: string[];
}

/** A host's token callback for rooms: a USER KS whose privileges name the room and the role. */
function roomKs(partnerId: number, options: { moderator?: boolean; userId?: string; expiresInMs?: number } = {}): RoomKs {
  const contexts: TokenContext[] = [];
  const issued: string[] = [];
  const flag = options.moderator ? 1 : 0;
  return {
    contexts,
    issued,
    getKs: async (context) => {
      contexts.push({ ...context });
      const { ks, expiresAt } = await mintKs(partnerId, {
        userId: options.userId ?? 'viewer@example.com',
        privileges: `entryId:${context.entryId},roomModerator:${flag},chatModerator:${flag}`,
      });
      issued.push(ks);
      return options.expiresInMs === undefined ? { ks, expiresAt } : { ks, expiresAt: Date.now() + options.expiresInMs };
    },
  };
}

function configureRoom(partnerId: number, options?: Parameters<typeof roomKs>[1]): RoomKs {
  const source = roomKs(partnerId, options);
  configure({ partnerId, serviceUrls: SANDBOX_URLS, getKs: source.getKs, retryDelaysMs: FAST_RETRIES });
  return source;
}

const frameOf = (element: KalRoomEmbed) => root(element).querySelector('iframe');

/** What the sandbox's view-room page says arrived (same origin, so the test can read it). */
function roomData(element: KalRoomEmbed): DOMStringMap {
  const main = frameOf(element)?.contentDocument?.querySelector<HTMLElement>('#room');
  if (!main) throw new Error('the room page is not shown');
  return main.dataset;
}

async function clickJoin(element: KalRoomEmbed): Promise<CustomEvent<{ entryId: string }>> {
  const joined = oneEvent(element, 'kal-room-join');
  part<HTMLButtonElement>(element, 'join')!.click();
  return joined;
}

async function leave(element: KalRoomEmbed): Promise<CustomEvent<{ entryId: string }>> {
  const left = oneEvent(element, 'kal-room-leave');
  part<HTMLButtonElement>(element, 'leave')!.click();
  return left;
}

/** A room of the partner's own, made with an ADMIN KS from the sandbox's stand-in backend. */
async function createSandboxRoom(partnerId: number, name: string): Promise<string> {
  const { ks } = await mintKs(partnerId, { userId: 'admin@example.com', type: 2 });
  const response = await fetch('/sandbox/kaf/embeddedrooms/index/create-room', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ ks, name }),
  });
  const body = (await response.json()) as { success: boolean; data: { id: string } };
  expect(body.success).to.equal(true);
  return body.data.id;
}

describe('view-room URL and room settings', () => {
  it('builds https://{kaf-host}/embeddedrooms/index/view-room/ks/{ks}, or uses the override base', () => {
    expect(viewRoomUrl({ kafHost: 'Example.MediaSpace.Kaltura.com' }, 'djJ8MTIzfA==')).to.equal(
      'https://example.mediaspace.kaltura.com/embeddedrooms/index/view-room/ks/djJ8MTIzfA%3D%3D',
    );
    expect(viewRoomUrl({ kafHost: 'kaf.example.com', kafBaseUrl: '/sandbox/kaf/' }, 'abc')).to.equal('/sandbox/kaf/embeddedrooms/index/view-room/ks/abc');
    expect(() => viewRoomUrl({ kafHost: 'https://kaf.example.com' }, 'abc')).to.throw(/plain https host/);
  });

  it('refuses anything but a plain host, an http(s) base and an entry id', () => {
    const problem = (inputs: Parameters<typeof checkRoomSettings>[0]) => {
      const result = checkRoomSettings(inputs);
      return 'problem' in result ? result.problem.error.message : undefined;
    };
    expect(problem({ kafHost: 'kaf.example.com', entryId: ROOM })).to.equal(undefined);
    for (const kafHost of ['https://kaf.example.com', 'kaf.example.com/path', 'user@kaf.example.com', 'kaf example.com', 'javascript:alert(1)']) {
      expect(problem({ kafHost, configuredKafUrl: '/sandbox/kaf', entryId: ROOM }), kafHost).to.contain('kaf-host');
    }
    expect(problem({ kafUrl: 'javascript:alert(1)//', entryId: ROOM })).to.contain('kaf-url');
    expect(problem({ configuredKafUrl: 'data:text/html,x', entryId: ROOM })).to.contain('serviceUrls.kaf');
    expect(problem({ entryId: ROOM })).to.contain('kaf-host is required');
    expect(problem({ kafHost: 'kaf.example.com' })).to.contain('entry-id is required');
    expect(problem({ kafHost: 'kaf.example.com', entryId: '1_abc/../x' })).to.contain('not a Kaltura entry id');
    expect(problem({ configuredKafUrl: '/sandbox/kaf', entryId: ROOM })).to.equal(undefined);
  });
});

describe('<kal-room-embed>', () => {
  it('waits for a click, then opens the room with a KS scoped to it', async () => {
    const partnerId = newPartner();
    const { contexts, issued } = configureRoom(partnerId);
    const element = await fixture<KalRoomEmbed>(html`<kal-room-embed kaf-host="kaf.example.com" entry-id=${ROOM}></kal-room-embed>`);
    expect(frameOf(element)).to.equal(null);
    expect(contexts).to.have.length(0);
    expect(part(element, 'card')).to.not.equal(null);
    expect(part(element, 'join')?.textContent).to.equal('Join room');
    expect(shadowText(element)).to.contain('camera and microphone');
    await expect(element).to.be.accessible();

    const loaded = oneEvent(element, 'kal-load');
    const { detail } = await clickJoin(element);
    await loaded;
    expect(detail).to.deep.equal({ entryId: ROOM });
    expect(contexts).to.have.length(1);
    expect(contexts[0]).to.include({ widget: 'room', entryId: ROOM, partnerId });

    const frame = frameOf(element)!;
    expect(frame.getAttribute('src')).to.equal(`/sandbox/kaf/embeddedrooms/index/view-room/ks/${encodeURIComponent(issued[0]!)}`);
    expect(frame.title).to.equal(`Meeting room: ${ROOM}`);
    expect(frame.getAttribute('allow')).to.equal('camera; microphone; display-capture; autoplay; fullscreen; clipboard-write');
    expect(frame.hasAttribute('allowfullscreen')).to.equal(true);
    expect(frame.getAttribute('referrerpolicy')).to.equal('no-referrer');
    expect(frame.getAttribute('part')).to.equal('frame');
    expect(roomData(element)).to.include({ entryId: ROOM, userId: 'viewer@example.com', role: 'participant', chatModerator: 'false' });
    expect(part(element, 'loading')).to.equal(null);
    expect((await sandboxState(partnerId)).joins).to.have.length(1);
    await expect(element).to.be.accessible();
  });

  it('joins at once with join="auto"', async () => {
    const partnerId = newPartner();
    const { contexts } = configureRoom(partnerId);
    const element = await fixture<KalRoomEmbed>(html`<kal-room-embed join="auto" entry-id=${ROOM}></kal-room-embed>`);
    expect(part(element, 'join')).to.equal(null);
    await oneEvent(element, 'kal-room-join');
    expect(contexts).to.have.length(1);
    expect(roomData(element).entryId).to.equal(ROOM);
  });

  it('gives moderators the moderator role when their KS says so', async () => {
    const partnerId = newPartner();
    configureRoom(partnerId, { moderator: true, userId: 'host@example.com' });
    const element = await fixture<KalRoomEmbed>(html`<kal-room-embed join="auto" entry-id=${ROOM} room-name="Keynote Room"></kal-room-embed>`);
    await oneEvent(element, 'kal-room-join');
    expect(roomData(element)).to.include({ userId: 'host@example.com', role: 'moderator', chatModerator: 'true' });
    expect(frameOf(element)!.title).to.equal('Meeting room: Keynote Room');
    const joins = (await sandboxState(partnerId)).joins;
    expect(joins[0]).to.include({ entryId: ROOM, userId: 'host@example.com', role: 'moderator', chatModerator: true });
  });

  it('has a labelled toolbar with full screen and leave', async () => {
    configureRoom(newPartner());
    const element = await fixture<KalRoomEmbed>(html`<kal-room-embed join="auto" entry-id=${ROOM}></kal-room-embed>`);
    await oneEvent(element, 'kal-room-join');
    expect(part(element, 'toolbar')?.getAttribute('aria-label')).to.equal('Room controls');
    const fullscreen = part<HTMLButtonElement>(element, 'fullscreen')!;
    expect(fullscreen.tagName).to.equal('BUTTON');
    expect(fullscreen.textContent?.trim()).to.equal('Full screen');
    expect(part(element, 'leave')?.textContent?.trim()).to.equal('Leave');
  });

  it('leaves: the iframe is gone, kal-room-leave fires, and a Rejoin card takes focus', async () => {
    const partnerId = newPartner();
    configureRoom(partnerId);
    const element = await fixture<KalRoomEmbed>(html`<kal-room-embed entry-id=${ROOM}></kal-room-embed>`);
    await clickJoin(element);
    const { detail } = await leave(element);
    expect(detail).to.deep.equal({ entryId: ROOM });
    expect(frameOf(element)).to.equal(null);
    expect(shadowText(element)).to.contain('You left the meeting room.');
    const rejoin = part<HTMLButtonElement>(element, 'join')!;
    expect(rejoin.textContent).to.equal('Rejoin');
    expect(root(element).activeElement).to.equal(rejoin);
    await expect(element).to.be.accessible();
  });

  it('rejoins with a fresh KS', async () => {
    const partnerId = newPartner();
    const { contexts, issued } = configureRoom(partnerId);
    const element = await fixture<KalRoomEmbed>(html`<kal-room-embed entry-id=${ROOM}></kal-room-embed>`);
    await clickJoin(element);
    const firstSrc = frameOf(element)!.getAttribute('src');
    await leave(element);
    await clickJoin(element);
    expect(contexts).to.have.length(2);
    expect(contexts[1]).to.include({ widget: 'room', entryId: ROOM });
    expect(issued[1]).to.not.equal(issued[0]);
    const secondSrc = frameOf(element)!.getAttribute('src');
    expect(secondSrc).to.not.equal(firstSrc);
    expect(secondSrc).to.contain(encodeURIComponent(issued[1]!));
    expect(roomData(element).entryId).to.equal(ROOM);
    expect((await sandboxState(partnerId)).joins).to.have.length(2);
  });

  it('never reloads an open room: an expiring KS and configure() wait for the next join', async () => {
    const partnerId = newPartner();
    // The KS is already inside the refresh margin: any re-run would ask for a new one.
    const { contexts } = configureRoom(partnerId, { expiresInMs: 5_000 });
    const element = await fixture<KalRoomEmbed>(html`<kal-room-embed entry-id=${ROOM}></kal-room-embed>`);
    await clickJoin(element);
    const frame = frameOf(element)!;
    const src = frame.getAttribute('src');
    const roomDocument = frame.contentDocument;

    const other = roomKs(partnerId);
    configure({ getKs: other.getKs, retryDelaysMs: [1, 2, 3] });
    await element.updateComplete;
    const breakout = await createSandboxRoom(partnerId, 'Breakout');
    element.entryId = breakout;
    element.roomName = 'Breakout';
    await element.updateComplete;

    expect(frameOf(element)).to.equal(frame);
    expect(frame.getAttribute('src')).to.equal(src);
    expect(frame.contentDocument).to.equal(roomDocument);
    expect(contexts).to.have.length(1);
    expect(other.contexts).to.have.length(0);
    expect((await sandboxState(partnerId)).joins).to.have.length(1);

    // The next join takes the new settings.
    const left = await leave(element);
    expect(left.detail).to.deep.equal({ entryId: ROOM });
    const joined = await clickJoin(element);
    expect(joined.detail).to.deep.equal({ entryId: breakout });
    expect(other.contexts).to.have.length(1);
    expect(other.contexts[0]).to.include({ widget: 'room', entryId: breakout });
    expect(roomData(element).entryId).to.equal(breakout);
  });

  it('shows a failing token callback with a retry that works', async () => {
    const partnerId = newPartner();
    const good = roomKs(partnerId);
    let failing = true;
    configure({
      partnerId,
      serviceUrls: SANDBOX_URLS,
      retryDelaysMs: FAST_RETRIES,
      getKs: async (context) => {
        if (failing) throw new Error('session backend is down');
        return good.getKs(context);
      },
    });
    const reported = oneEvent(document, 'kal-error');
    const element = await fixture<KalRoomEmbed>(html`<kal-room-embed join="auto" entry-id=${ROOM}></kal-room-embed>`);
    const { detail } = await reported;
    expect(detail).to.include({ code: 'unauthorized', retryable: true });
    await until(() => !!part(element, 'error'));
    expect(part(element, 'error')?.getAttribute('role')).to.equal('alert');
    expect(shadowText(element)).to.contain('We could not start your session.');
    expect(frameOf(element)).to.equal(null);
    await expect(element).to.be.accessible();

    failing = false;
    const joined = oneEvent(element, 'kal-room-join');
    part<HTMLButtonElement>(element, 'retry')!.click();
    await joined;
    expect(roomData(element).entryId).to.equal(ROOM);
  });

  it('refuses a kaf-host that is not a plain host name, without asking for a KS', async () => {
    const { contexts } = configureRoom(newPartner());
    const reported = oneEvent(document, 'kal-error');
    const element = await fixture<KalRoomEmbed>(
      html`<kal-room-embed join="auto" kaf-host="https://evil.example.com/steal" entry-id=${ROOM}></kal-room-embed>`,
    );
    const { detail } = await reported;
    expect(detail.code).to.equal('config');
    expect(detail.retryable).to.equal(false);
    expect(detail.message).to.contain('kaf-host');
    await element.updateComplete;
    expect(part(element, 'error')).to.not.equal(null);
    expect(shadowText(element)).to.contain('its address is not valid');
    expect(part(element, 'retry')).to.equal(null);
    expect(frameOf(element)).to.equal(null);
    expect(contexts).to.have.length(0);
    await expect(element).to.be.accessible();
  });

  it('refuses a missing or malformed entry id', async () => {
    const { contexts } = configureRoom(newPartner());
    const reported = oneEvent(document, 'kal-error');
    const element = await fixture<KalRoomEmbed>(html`<kal-room-embed kaf-host="kaf.example.com" entry-id="1_x/../../admin"></kal-room-embed>`);
    const { detail } = await reported;
    expect(detail.code).to.equal('config');
    expect(detail.message).to.contain('entry-id');
    await element.updateComplete;
    expect(shadowText(element)).to.contain('no valid room was given');
    expect(part(element, 'join')).to.equal(null);

    // Fixing the attribute brings the Join card back.
    element.entryId = ROOM;
    await element.updateComplete;
    expect(part(element, 'join')).to.not.equal(null);
    const missing = oneEvent(element, 'kal-error');
    element.removeAttribute('entry-id');
    expect((await missing).detail.message).to.contain('entry-id is required');
    expect(contexts).to.have.length(0);
  });

  it('gives up on a room that does not load, and retries', async () => {
    const partnerId = newPartner();
    configureRoom(partnerId);
    await control(partnerId, { roomHang: true });
    const reported = oneEvent(document, 'kal-error');
    const element = await fixture<KalRoomEmbed>(html`<kal-room-embed join="auto" load-timeout="1" entry-id=${ROOM}></kal-room-embed>`);
    await until(() => !!frameOf(element), 'the iframe');
    expect(part(element, 'loading')?.textContent).to.equal('Opening the room…');
    const { detail } = await reported;
    expect(detail).to.deep.equal({ code: 'timeout', message: 'the meeting room did not load within 1 s', retryable: true });
    await element.updateComplete;
    expect(frameOf(element)).to.equal(null);
    expect(shadowText(element)).to.contain('The meeting room did not open.');

    await control(partnerId, { roomHang: false });
    const joined = oneEvent(element, 'kal-room-join');
    part<HTMLButtonElement>(element, 'retry')!.click();
    await joined;
    expect(roomData(element).entryId).to.equal(ROOM);
  });

  it('keeps the KS out of the light DOM, events and the console', async () => {
    const partnerId = newPartner();
    const good = roomKs(partnerId);
    let calls = 0;
    configure({
      partnerId,
      serviceUrls: SANDBOX_URLS,
      retryDelaysMs: FAST_RETRIES,
      getKs: async (context) => {
        calls += 1;
        // A careless host error that quotes the KS it just got.
        if (calls === 1) throw new Error(`upstream refused ${(await good.getKs(context) as { ks: string }).ks}`);
        return good.getKs(context);
      },
    });
    const details: string[] = [];
    const events = ['kal-load', 'kal-error', 'kal-room-join', 'kal-room-leave'];
    const record = (event: Event) => details.push(JSON.stringify((event as CustomEvent).detail));
    for (const name of events) document.addEventListener(name, record);
    const logged: string[] = [];
    const methods = ['log', 'info', 'warn', 'error', 'debug'] as const;
    const originals = methods.map((method) => console[method]);
    for (const method of methods) console[method] = (...args: unknown[]) => void logged.push(args.map(String).join(' '));
    try {
      const element = await fixture<KalRoomEmbed>(html`<kal-room-embed entry-id=${ROOM}></kal-room-embed>`);
      const failed = oneEvent(element, 'kal-error');
      part<HTMLButtonElement>(element, 'join')!.click();
      await failed;
      await element.updateComplete;
      const joined = oneEvent(element, 'kal-room-join');
      part<HTMLButtonElement>(element, 'retry')!.click();
      await joined;
      const lightDom = document.documentElement.outerHTML;
      await leave(element);

      expect(good.issued).to.have.length(2);
      for (const ks of good.issued) {
        expect(lightDom).to.not.contain(ks);
        for (const name of element.getAttributeNames()) expect(element.getAttribute(name)).to.not.contain(ks);
        for (const detail of details) expect(detail).to.not.contain(ks);
        for (const line of logged) expect(line).to.not.contain(ks);
      }
      expect(details.some((detail) => detail.includes('upstream refused [KS]'))).to.equal(true);
    } finally {
      methods.forEach((method, i) => (console[method] = originals[i]!));
      for (const name of events) document.removeEventListener(name, record);
    }
  });

  it('before joining, a compact card with one title and the poster; the open room is 16:9 by default, and the ratio token and a height change it', async () => {
    configureRoom(newPartner());
    const card = await fixture<HTMLDivElement>(html`<div style="inline-size: 640px">
      <kal-room-embed entry-id=${ROOM} room-name="Keynote Room" poster="/sandbox/assets/badges/badge_quiz.svg"></kal-room-embed>
    </div>`);
    const idle = card.querySelector<KalRoomEmbed>('kal-room-embed')!;
    await idle.updateComplete;
    expect(idle.getBoundingClientRect().height).to.be.below(640 * (9 / 16));
    expect(text(part(idle, 'card')!.querySelector('.card-heading'))).to.equal('Keynote Room');
    expect(text(part(idle, 'card'))).not.to.contain('Meeting room');
    expect(new URL(part<HTMLImageElement>(idle, 'poster')!.src).pathname).to.equal('/sandbox/assets/badges/badge_quiz.svg');
    await expect(idle).to.be.accessible();
    idle.poster = 'javascript:alert(1)';
    await idle.updateComplete;
    expect(part(idle, 'poster'), 'an unsafe poster is left out').to.equal(null);

    const wrapper = await fixture<HTMLDivElement>(html`<div class="sizes">
      <style>
        .sizes { inline-size: 640px; }
        .square { --kal-room-aspect-ratio: 1 / 1; }
        .tall { block-size: 500px; }
      </style>
      <kal-room-embed join="auto" entry-id=${ROOM}></kal-room-embed>
      <kal-room-embed join="auto" class="square" entry-id=${ROOM}></kal-room-embed>
      <kal-room-embed join="auto" class="tall" entry-id=${ROOM}></kal-room-embed>
    </div>`);
    const rooms = [...wrapper.querySelectorAll<KalRoomEmbed>('kal-room-embed')];
    await until(() => rooms.every((element) => !!frameOf(element)), 'the rooms open');
    await Promise.all(rooms.map((element) => element.updateComplete));
    const boxes = [...wrapper.querySelectorAll<KalRoomEmbed>('kal-room-embed')].map((element) => ({
      host: element.getBoundingClientRect(),
      room: root(element).querySelector('.room')!.getBoundingClientRect(),
    }));
    const [plain, square, tall] = boxes;
    expect(plain!.host.width).to.equal(640);
    expect(plain!.room.width / plain!.room.height).to.be.closeTo(16 / 9, 0.01);
    expect(square!.room.width / square!.room.height).to.be.closeTo(1, 0.01);
    expect([tall!.host.width, tall!.host.height]).to.deep.equal([640, 500]);
    // The kit's one box: a 1 px border and 16 px padding around the room.
    expect(tall!.room.height).to.be.closeTo(500 - 2 - 32, 1);
  });

  it('lays out right-to-left for a right-to-left language', async () => {
    configureRoom(newPartner());
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="he"><kal-room-embed entry-id=${ROOM}></kal-room-embed></div>`);
    const element = wrapper.querySelector<KalRoomEmbed>('kal-room-embed')!;
    await element.updateComplete;
    expect(root(element).querySelector('.room')?.getAttribute('dir')).to.equal('rtl');
  });
});
