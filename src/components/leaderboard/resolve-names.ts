import type { ScoreRow } from '../../api/game.js';
import { safeUrl } from '../shared/safe-url.js';
import type { ResolveUsers } from './helpers.js';

/** How long a host's `resolveUsers` may take before the rows show their ids instead. */
const RESOLVE_TIMEOUT_MS = 5000;

export type KnownNames = Map<string, { name: string; avatar?: string }>;

/**
 * Asks the host's `resolveUsers` for the names these rows lack (each id once) and adds them to
 * `known`. Failures, odd answers and slow answers fall back quietly to the privacy-safe ids.
 */
export async function resolveNames(resolver: ResolveUsers, rows: ScoreRow[], known: KnownNames, signal: AbortSignal): Promise<void> {
  const missing = [...new Set(rows.filter((row) => !row.name && !known.has(row.userId)).map((row) => row.userId))];
  if (missing.length === 0) return;
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const answer = await Promise.race([
      Promise.resolve().then(() => resolver(missing)),
      new Promise<undefined>((resolve) => {
        timer = setTimeout(() => resolve(undefined), RESOLVE_TIMEOUT_MS);
        signal.addEventListener('abort', () => resolve(undefined), { once: true });
      }),
    ]);
    if (signal.aborted || !answer || typeof answer !== 'object') return;
    for (const id of missing) {
      const entry = (answer as Record<string, unknown>)[id] as { name?: unknown; avatarUrl?: unknown } | undefined;
      const name = typeof entry?.name === 'string' ? entry.name.trim() : '';
      if (!name) continue;
      const avatar = safeUrl(typeof entry?.avatarUrl === 'string' ? entry.avatarUrl : undefined);
      known.set(id, avatar ? { name, avatar } : { name });
    }
  } catch {
    // A host callback that fails leaves the privacy-safe ids in place.
  } finally {
    if (timer !== undefined) clearTimeout(timer);
  }
}
