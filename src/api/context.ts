import type { CallOptions } from './client.js';
import type { ResolvedUrls } from './regions.js';
import type { Session } from './session.js';

/** What every service call needs: who is asking, where the services are, and how patient to be. */
export interface ApiContext extends CallOptions {
  session: Session;
  urls: ResolvedUrls;
  /** The region the URLs came from, for set-up messages. */
  region?: string;
}
