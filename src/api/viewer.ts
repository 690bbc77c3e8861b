import type { ApiContext } from './context.js';
import { ksUserId } from './ks.js';

/**
 * Who the viewer is: the host's `user-id`, else the user of a readable (v1) KS, else undefined (a v2
 * KS is encrypted: the Game proxy, which verifies it, answers for its user).
 */
export function findViewer(api: ApiContext, userId: string | undefined): Promise<string | undefined> {
  const named = userId?.trim();
  return named ? Promise.resolve(named) : api.session.ks(api.signal).then(ksUserId);
}
