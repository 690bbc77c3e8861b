// Live reads shared between tabs of the same origin: the first tab to poll publishes the answer on
// a BroadcastChannel, and a tab whose own refresh comes due soon after reuses it instead of asking
// the service again, so ten open tabs cost about what one does. Only raw service answers travel
// (never a KS), and each tab still validates what it receives.

interface SharedAnswer {
  key: string;
  at: number;
  body: unknown;
}

const MAX_ENTRIES = 200;
const answers = new Map<string, SharedAnswer>();
let channel: BroadcastChannel | undefined;

function open(): BroadcastChannel | undefined {
  if (channel || typeof BroadcastChannel === 'undefined') return channel;
  channel = new BroadcastChannel('kaltura-widgets:live');
  channel.onmessage = (event: MessageEvent<unknown>) => {
    const message = event.data as Partial<SharedAnswer> | null;
    if (message && typeof message.key === 'string' && typeof message.at === 'number') {
      remember({ key: message.key, at: message.at, body: message.body });
    }
  };
  return channel;
}

function remember(answer: SharedAnswer): void {
  const known = answers.get(answer.key);
  if (known && known.at >= answer.at) return;
  answers.delete(answer.key);
  answers.set(answer.key, answer);
  if (answers.size > MAX_ENTRIES) answers.delete(answers.keys().next().value as string);
}

/**
 * Starts hearing other tabs' answers now (a live widget calls it when it plans a refresh), so that
 * its first live refresh can already reuse what another tab read meanwhile.
 */
export function listenToOtherTabs(): void {
  open();
}

/** An answer for `key` that this or another tab got within `maxAgeMs`, if any. */
export function recentAnswer(key: string, maxAgeMs: number): unknown {
  open();
  const answer = answers.get(key);
  return answer && Date.now() - answer.at < maxAgeMs ? answer.body : undefined;
}

/** Records an answer and tells the other tabs. */
export function publishAnswer(key: string, body: unknown): void {
  const answer = { key, at: Date.now(), body };
  remember(answer);
  open()?.postMessage(answer);
}
