/**
 * The toolbar's fault switches, as the sandbox's control calls (sandbox/README.md, "Per-partner worlds
 * and switches"). They act on the demo partner's world, which every tab of this demo server shares.
 */
import type { Fault } from './demo-state.js';

/** How long every service answer waits under "slow". */
export const SLOW_MS = 3000;

/** The switches and fault entries each state needs (`count: -1`: until the next reset). */
const SWITCHES: Record<Fault, Record<string, unknown> | undefined> = {
  none: undefined,
  // `status: 0` drops the connection: the browser sees a network error, as when the network goes away.
  offline: { fail: { status: 0, count: -1 } },
  500: { fail: { status: 500, count: -1 } },
  slow: { latencyMs: SLOW_MS },
  // Not a switch: the KS in use is expired once the widgets have used it (expireSessions).
  expired: undefined,
};

async function control(path: string, partnerId: number, body: Record<string, unknown> = {}): Promise<unknown> {
  const response = await fetch(`/sandbox/control${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ partnerId, ...body }),
  });
  if (!response.ok) throw new Error(`sandbox control${path} answered ${response.status}`);
  return response.json();
}

interface SandboxState {
  switches: { latencyMs: number };
  queuedFaults: unknown[];
}

/**
 * Puts the partner's world in the state a fault needs. A world with faults or latency queued is
 * reset first (which also forgets saved preferences and live movement); a clean one is kept as it is.
 * Resolves to whether it was reset.
 */
export async function putSandboxIn(partnerId: number, fault: Fault): Promise<boolean> {
  const response = await fetch(`/sandbox/control/state?partnerId=${partnerId}`);
  if (!response.ok) throw new Error(`sandbox control/state answered ${response.status}`);
  const state = (await response.json()) as SandboxState;
  const faulted = state.queuedFaults.length > 0 || state.switches.latencyMs > 0;
  if (faulted) await control('/reset', partnerId);
  const switches = SWITCHES[fault];
  if (switches) await control('', partnerId, switches);
  return faulted;
}

/** Every USER KS the partner's calls have carried so far answers 401 EXPIRED_KS from now on. */
export async function expireSessions(partnerId: number): Promise<void> {
  await control('/expire-ks', partnerId);
}
