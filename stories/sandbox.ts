// The sandbox's control endpoints as stories use them: a story that needs a switch, or changes
// progress, uses a sandbox partner of its own and resets it each time it loads.

export async function post(path: string, body: Record<string, unknown>): Promise<void> {
  await fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
}

/** Forgets the partner's world, then sets its switches. */
export async function sandbox(partnerId: number, switches: Record<string, unknown> = {}): Promise<void> {
  await post('/sandbox/control/reset', { partnerId });
  if (Object.keys(switches).length) await post('/sandbox/control', { partnerId, ...switches });
}
