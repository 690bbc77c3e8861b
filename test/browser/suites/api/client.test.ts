import { expect } from '@open-wc/testing';
import { type PostJsonRequest, postJson } from '../../../../src/api/client.js';
import { KalError } from '../../../../src/api/errors.js';
import * as z from 'zod/mini';
import { Session, sessionFor } from '../../../../src/api/session.js';
import { FAST_RETRIES, callsTo, control, countingGetKs, mintKs, newPartner, sandboxPost, until } from '../../helpers.js';

const leaderboard = z.object({ id: z.string(), name: z.string() });
// Through the Game proxy (sandbox faults land on its door), as an element reads it.
const url = '/api/game/leaderboard/get';

async function failure(promise: Promise<unknown>): Promise<KalError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(KalError);
    return error as KalError;
  }
  throw new Error('expected a failure');
}

function setup(options: { type?: number; format?: 'v1' | 'v2'; expiresIn?: number } = {}) {
  const partnerId = newPartner();
  const counting = countingGetKs(partnerId, options);
  const session = new Session({ partnerId, getKs: counting.getKs });
  const read = (extra: Partial<Omit<PostJsonRequest<unknown>, 'schema'>> = {}) =>
    postJson({ session, url, body: { id: 'lb_conference' }, schema: leaderboard, retryDelaysMs: FAST_RETRIES, ...extra });
  return { partnerId, session, read, contexts: counting.contexts };
}

describe('client + session: as an element meets them', () => {
  it('ten concurrent requests make one token call', async () => {
    const { read, contexts } = setup();
    const results = await Promise.all(Array.from({ length: 10 }, () => read()));
    expect(results.every((board) => board.id === 'lb_conference')).to.equal(true);
    expect(contexts.map((context) => context.reason)).to.deep.equal(['initial']);
  });

  it('widgets with the same settings share one session and one token call', async () => {
    const partnerId = newPartner();
    const { getKs, contexts } = countingGetKs(partnerId);
    const sessions = Array.from({ length: 10 }, () => sessionFor({ partnerId, getKs }));
    expect(new Set(sessions).size).to.equal(1);
    await Promise.all(sessions.map((session) => session.ks()));
    expect(contexts).to.have.length(1);
  });

  it('identical reads in flight share one request', async () => {
    const { read, partnerId } = setup();
    await control(partnerId, { latencyMs: 100 });
    await Promise.all(Array.from({ length: 5 }, () => read({ dedupe: true })));
    expect(await callsTo(partnerId, 'leaderboard/get')).to.have.length(1);
  });

  it('a 401 asks for a new KS once (reason "rejected") and the retry succeeds', async () => {
    const partnerId = newPartner();
    const reasons: string[] = [];
    const session = new Session({
      partnerId,
      getKs: async ({ reason }) => {
        reasons.push(reason);
        // The first KS the host hands out has already expired (v2: the browser cannot tell).
        return (await mintKs(partnerId, { expiresIn: reason === 'initial' ? -60 : 3600 })).ks;
      },
    });
    const board = await postJson({ session, url, body: { id: 'lb_conference' }, schema: leaderboard, retryDelaysMs: FAST_RETRIES });
    expect(board.name).to.be.a('string');
    expect(reasons).to.deep.equal(['initial', 'rejected']);
    // The Game proxy refused the expired KS itself: only the accepted read reached Game Services.
    expect((await callsTo(partnerId, 'leaderboard/get')).map((call) => call.status)).to.deep.equal([200]);
  });

  it('a 401 that persists is reported as unauthorized after one refresh', async () => {
    const { read, partnerId, contexts } = setup();
    await control(partnerId, { fail: { status: 401, count: -1 } });
    const error = await failure(read());
    expect(error.code).to.equal('unauthorized');
    expect(error.retryable).to.equal(false);
    expect(contexts.map((context) => context.reason)).to.deep.equal(['initial', 'rejected']);
    expect(await callsTo(partnerId, 'leaderboard/get')).to.have.length(2);
  });

  it('a readable KS near its expiry is refreshed before use', async () => {
    const { read, partnerId, contexts } = setup({ format: 'v1', expiresIn: 30 });
    await read();
    await read();
    expect(contexts.map((context) => context.reason)).to.deep.equal(['initial', 'expired']);
    expect((await callsTo(partnerId, 'leaderboard/get')).every((call) => call.status === 200)).to.equal(true);
  });

  it('uses expiresAt from the callback for an unreadable v2 KS', async () => {
    const partnerId = newPartner();
    const reasons: string[] = [];
    const session = new Session({
      partnerId,
      getKs: async ({ reason }) => {
        reasons.push(reason);
        const { ks } = await mintKs(partnerId);
        return { ks, expiresAt: new Date(Date.now() + 10_000).toISOString() };
      },
    });
    await session.ks();
    await session.ks();
    expect(reasons).to.deep.equal(['initial', 'expired']);
  });

  it('refuses a readable ADMIN KS with a config error and makes no service call', async () => {
    const { read, partnerId } = setup({ format: 'v1', type: 2 });
    const error = await failure(read());
    expect(error.code).to.equal('config');
    expect(error.messageKey).to.equal('error.adminKs');
    expect(error.message).to.contain('ADMIN KS');
    expect(await callsTo(partnerId, 'leaderboard/get')).to.have.length(0);
  });

  it('retries a 5xx and succeeds', async () => {
    const { read, partnerId } = setup();
    await control(partnerId, { fail: { status: 503, count: 1 } });
    expect((await read()).id).to.equal('lb_conference');
    expect((await callsTo(partnerId, 'leaderboard/get')).map((call) => call.status)).to.deep.equal([503, 200]);
  });

  it('stops after three retries of a 5xx that persists', async () => {
    const { read, partnerId } = setup();
    await control(partnerId, { fail: { status: 500, count: -1 } });
    const error = await failure(read());
    expect(error.code).to.equal('server');
    expect(error.retryable).to.equal(true);
    expect(await callsTo(partnerId, 'leaderboard/get')).to.have.length(4);
  });

  it('honours Retry-After on a 429', async () => {
    const { read, partnerId } = setup();
    await control(partnerId, { fail: { status: 429, count: 1, retryAfter: 0 } });
    expect((await read()).id).to.equal('lb_conference');
    expect((await callsTo(partnerId, 'leaderboard/get')).map((call) => call.status)).to.deep.equal([429, 200]);
  });

  it('does not retry other 4xx', async () => {
    const { read, partnerId } = setup();
    await control(partnerId, { fail: { status: 403, count: 1 } });
    expect((await failure(read())).code).to.equal('forbidden');
    const notFound = await failure(read({ body: { id: 'no-such-board' } }));
    expect(notFound.code).to.equal('not-found');
    expect(notFound.retryable).to.equal(false);
    expect(await callsTo(partnerId, 'leaderboard/get')).to.have.length(2);
  });

  it('times out a hanging request, retries, then reports a timeout', async () => {
    const { read, partnerId } = setup();
    await control(partnerId, { hang: { count: -1 } });
    const error = await failure(read({ timeoutMs: 200 }));
    expect(error.code).to.equal('timeout');
    expect(error.retryable).to.equal(true);
    expect(await callsTo(partnerId, 'leaderboard/get')).to.have.length.greaterThan(0);
  });

  it('recovers when the network drops once', async () => {
    const { read, partnerId } = setup();
    await control(partnerId, { fail: { status: 0, count: 1 } });
    expect((await read()).id).to.equal('lb_conference');
  });

  it('reports a network error when the network stays down', async () => {
    const { read, partnerId } = setup();
    await control(partnerId, { fail: { status: 0, count: -1 } });
    expect((await failure(read())).code).to.equal('network');
  });

  it('stops at once when aborted', async () => {
    const { read, partnerId } = setup();
    await control(partnerId, { hang: { count: 1 } });
    const controller = new AbortController();
    const pending = read({ signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    expect((await failure(pending)).code).to.equal('aborted');
  });

  it('reports malformed JSON as invalid-response without retrying', async () => {
    const { read, partnerId } = setup();
    await control(partnerId, { malformed: { kind: 'json', count: 1 } });
    const error = await failure(read());
    expect(error.code).to.equal('invalid-response');
    expect(await callsTo(partnerId, 'leaderboard/get')).to.have.length(1);
  });

  it('reports valid JSON of the wrong shape as invalid-response', async () => {
    const { read, partnerId } = setup();
    await control(partnerId, { malformed: { kind: 'shape', count: 1 } });
    expect((await failure(read())).code).to.equal('invalid-response');
  });

  it('turns token callback failures into clear errors', async () => {
    const partnerId = newPartner();
    const rejecting = new Session({ partnerId, getKs: () => Promise.reject(new Error('signed out')) });
    const rejected = await failure(rejecting.ks());
    expect(rejected.code).to.equal('unauthorized');
    expect(rejected.messageKey).to.equal('error.tokenFailed');

    const garbage = new Session({ partnerId, getKs: () => ({ nope: true }) as never });
    const invalid = await failure(garbage.ks());
    expect(invalid.code).to.equal('config');
    expect(invalid.messageKey).to.equal('error.tokenInvalid');

    const hanging = new Session({ partnerId, getKs: () => new Promise(() => undefined) }, 100);
    const timeout = await failure(hanging.ks());
    expect(timeout.code).to.equal('timeout');
    expect(timeout.messageKey).to.equal('error.tokenTimeout');
  });

  it('reads a KS from a token endpoint (text or JSON)', async () => {
    const partnerId = newPartner();
    const asText = new Session({ partnerId, tokenEndpoint: `/sandbox/ks?partnerId=${partnerId}&as=text` });
    const asJson = new Session({ partnerId, tokenEndpoint: `/sandbox/ks?partnerId=${partnerId}` });
    const [text, json] = await Promise.all([asText.ks(), asJson.ks()]);
    expect(text).to.match(/^[A-Za-z0-9_-]+=*$/);
    expect(json).to.match(/^[A-Za-z0-9_-]+=*$/);
  });

  it('never lets a KS reach the console or an error message', async () => {
    const { read, partnerId, session } = setup();
    const ks = await session.ks();
    const logged: string[] = [];
    const methods = ['log', 'info', 'warn', 'error', 'debug'] as const;
    const originals = methods.map((method) => console[method]);
    methods.forEach((method) => {
      console[method] = (...args: unknown[]) => logged.push(args.map(String).join(' '));
    });
    try {
      const messages: string[] = [];
      for (const switches of [
        { fail: { status: 500, count: -1 } },
        { fail: { status: 401, count: -1 } },
        { malformed: { kind: 'json', count: 1 } },
      ]) {
        await sandboxPost('reset', { partnerId });
        await control(partnerId, switches);
        const error = await failure(read());
        messages.push(error.message, JSON.stringify(error.toDetail()), String(error.stack));
      }
      for (const text of [...messages, ...logged]) expect(text).not.to.contain(ks);
    } finally {
      methods.forEach((method, index) => {
        console[method] = originals[index]!;
      });
    }
  });

  it('live reads reuse an answer another tab just got, and share their own without the KS', async () => {
    const { read, partnerId, session } = setup();
    const otherTab = new BroadcastChannel('kaltura-widgets:live');
    const heard: unknown[] = [];
    otherTab.onmessage = (event) => heard.push(event.data);
    try {
      await read({ shareAcrossTabsMs: 5_000 });
      await until(() => heard.length === 1, 'the answer to be shared');
      const ks = await session.ks();
      expect(JSON.stringify(heard[0])).not.to.contain(ks);
      const key = (heard[0] as { key: string }).key;
      // Another tab polls and publishes a newer answer: this tab's next live read uses it.
      otherTab.postMessage({ key, at: Date.now(), body: { id: 'lb_conference', name: 'From another tab' } });
      await until(async () => (await read({ shareAcrossTabsMs: 5_000 })).name === 'From another tab', 'the shared answer');
      expect(await callsTo(partnerId, 'leaderboard/get')).to.have.length(1);
      // An answer older than the live interval is not reused.
      await new Promise((resolve) => setTimeout(resolve, 30));
      expect((await read({ shareAcrossTabsMs: 20 })).name).to.equal('Conference Engagement');
      expect(await callsTo(partnerId, 'leaderboard/get')).to.have.length(2);
    } finally {
      otherTab.close();
    }
  });
});
