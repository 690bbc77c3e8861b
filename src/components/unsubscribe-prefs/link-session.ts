import type { ReactiveController, ReactiveElement } from 'lit';
import type { ApiContext } from '../../api/context.js';
import { KalError, toKalError } from '../../api/errors.js';
import type { GetKs } from '../../api/session.js';
import type { ElementSettings } from '../../config.js';
import { linkGetKs, takeLinkKs } from './link-ks.js';

/**
 * The preference centre's KS from an email link (`ks-param`): taken from the address bar when the
 * element arrives (or the attribute is set), then held only by its token callback, which replaces
 * the configured token source in the element's settings. A link cannot be refreshed: when the
 * service refuses it, the person needs a new link.
 */
export class LinkSession implements ReactiveController {
  /** The token callback holding the link's KS, once one was taken (nothing else holds it). */
  getKs: GetKs | undefined;
  readonly #host: ReactiveElement;
  readonly #param: () => string | undefined;

  constructor(host: ReactiveElement, param: () => string | undefined) {
    this.#host = host;
    this.#param = param;
    host.addController(this);
  }

  hostConnected(): void {
    this.#take();
  }

  /** `ks-param` changed (before the element updates). */
  paramChanged(): void {
    if (!this.#param()) this.getKs = undefined;
    else if (this.#host.isConnected) this.#take();
  }

  /** The settings the element's service calls use: with a link KS, the link's callback replaces the configured token source. */
  settings(element: ElementSettings): ElementSettings {
    const { partnerId, region, gameUrl, messagingUrl } = element;
    return this.getKs ? { partnerId, region, gameUrl, messagingUrl, getKs: this.getKs } : element;
  }

  /** The element's API context (`resolve`), or a `config` error naming `ks-param` when the page URL had no KS and nothing else gives one. */
  api(resolve: () => ApiContext): ApiContext {
    try {
      return resolve();
    } catch (error) {
      if (!this.missing(error)) throw error;
      throw new KalError('config', `no KS: the page URL has no "${this.#param()}" parameter (ks-param), and no getKs or token-endpoint is configured`, {
        messageKey: 'error.noToken',
      });
    }
  }

  /** Whether a failure is for want of a KS the page URL was to give (`ks-param`, no KS in it, no other token source). */
  missing(error: unknown): boolean {
    return !!this.#param() && !this.getKs && toKalError(error).messageKey === 'error.noToken';
  }

  /** Whether the service refused the link's KS. */
  refused(error: unknown): boolean {
    return this.getKs !== undefined && toKalError(error).code === 'unauthorized';
  }

  /** What `kal-error` says when a link's KS is refused (no KS in it). */
  static expiredError(): KalError {
    return new KalError('unauthorized', 'the KS from the page link was refused (expired or revoked) and cannot be refreshed: the person needs a new link', {
      retryable: false,
    });
  }

  #take(): void {
    const ks = this.#param() && takeLinkKs(this.#param()!);
    if (!ks) return;
    this.getKs = linkGetKs(ks);
    this.#host.requestUpdate();
  }
}
