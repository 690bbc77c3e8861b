import type { ReactiveController, ReactiveElement } from 'lit';
import type { ApiContext } from '../../api/context.js';
import { type KalError, toKalError } from '../../api/errors.js';
import { type GroupChanges, syncGroups } from '../../api/messaging.js';
import { LinkSession } from './link-session.js';
import { applyChanges, diffChoices, hasChanges, isSubscribed, pruneOverrides } from './prefs-model.js';
import type { SavePhase } from './prefs-view.js';

export interface SaveOptions {
  /** The element's API context for a save (cancelled when the element leaves the page). */
  api: () => ApiContext;
  /** A save was stored (after the state shows it). */
  stored: (changes: GroupChanges) => void;
  /** Tells the page a save failed (`kal-error`). */
  report: (error: unknown) => void;
}

/**
 * The preference centre's data: the groups the person has left as last loaded or saved, and their
 * choices kept as overrides over them (so a reload, a failed save or a refresh of the KS never loses
 * one), and the save. A save made offline waits for the connection (`online`), which also retries a
 * save a dropped connection failed; a refused link KS cannot be refreshed: the link has expired.
 */
export class PrefsSave implements ReactiveController {
  /** The groups the person has left, as last loaded or saved. */
  saved: ReadonlySet<string> | undefined;
  /** The person's choices that differ (or may differ) from `saved`: group id → subscribed. */
  overrides: ReadonlyMap<string, boolean> = new Map();
  phase: SavePhase = 'idle';
  /** Why the last save failed (not for an expired link). */
  error: KalError | undefined;

  readonly #host: ReactiveElement;
  readonly #link: LinkSession;
  readonly #options: SaveOptions;

  constructor(host: ReactiveElement, link: LinkSession, options: SaveOptions) {
    this.#host = host;
    this.#link = link;
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {
    globalThis.addEventListener('online', this.#onOnline);
  }

  hostDisconnected(): void {
    globalThis.removeEventListener('online', this.#onOnline);
  }

  /** The person's groups as the service answered them. */
  loaded(groups: string[]): void {
    this.saved = new Set(groups);
    this.#host.requestUpdate();
  }

  /** What differs from the last saved state. */
  changes(): GroupChanges {
    return this.saved ? diffChoices(this.saved, this.overrides) : { unsubscribed: [], subscribed: [] };
  }

  /** Whether a choice differs from the last saved state. */
  get dirty(): boolean {
    return hasChanges(this.changes());
  }

  /** Whether a group's switch is on. */
  subscribed(id: string): boolean {
    return isSubscribed(id, this.saved ?? new Set(), this.overrides);
  }

  /** The person's (or the one-click view's) choice for these groups: subscribed or not. */
  choose(ids: readonly string[], on: boolean): void {
    const overrides = new Map(this.overrides);
    for (const id of ids) overrides.set(id, on);
    this.overrides = overrides;
    this.#host.requestUpdate();
  }

  /** A new choice or question is under way: an earlier "Preferences saved" does not stand under it. */
  dismissSaved(): void {
    if (this.phase === 'saved') this.#set('idle');
  }

  /** Saves what differs from the last saved state. A second call while one is in flight is ignored. */
  async save(): Promise<void> {
    if (this.phase === 'saving' || !this.saved) return;
    const changes = this.changes();
    if (!hasChanges(changes)) return;
    this.error = undefined;
    if (isOffline()) {
      // Nothing leaves the page; the `online` event sends the latest choices.
      this.#set('offline');
      return;
    }
    this.#set('saving');
    try {
      const answer = await syncGroups(this.#options.api(), changes);
      // The service answers the full new state; our own changes hold in any case.
      this.saved = applyChanges(answer ? new Set(answer) : this.saved, changes);
      this.overrides = pruneOverrides(this.saved, this.overrides);
      this.#set('saved');
      this.#options.stored(changes);
    } catch (caught) {
      const error = toKalError(caught);
      if (error.code === 'aborted') {
        this.#set('idle');
        return;
      }
      if (this.#link.refused(error)) {
        this.#set('expired');
        this.#options.report(LinkSession.expiredError());
        return;
      }
      // Offline: saved on reconnection. A dropped connection (the browser still online) is a failure to say.
      this.error = error;
      this.#set(error.code === 'network' && isOffline() ? 'offline' : 'failed');
      this.#options.report(error);
    }
  }

  readonly #onOnline = (): void => {
    if (this.phase === 'offline' || (this.phase === 'failed' && this.error?.code === 'network')) void this.save();
  };

  #set(phase: SavePhase): void {
    this.phase = phase;
    this.#host.requestUpdate();
  }
}

/** The browser knows it has no connection (a save then waits for it). */
const isOffline = (): boolean => globalThis.navigator?.onLine === false;
