import type { ReactiveController, ReactiveElement } from 'lit';

/**
 * Asks before the page is left while a choice is unsaved (`beforeunload`). The listener is attached
 * only while there is something to lose and the element is on the page: a removed element still
 * renders (a save it was making is cancelled), and must not leave a prompt behind.
 */
export class UnsavedGuard implements ReactiveController {
  #on = false;
  readonly #host: ReactiveElement;
  readonly #unsaved: () => boolean;
  readonly #message: () => string;

  constructor(host: ReactiveElement, unsaved: () => boolean, message: () => string) {
    this.#host = host;
    this.#unsaved = unsaved;
    this.#message = message;
    host.addController(this);
  }

  hostConnected(): void {
    this.#set(this.#unsaved());
  }

  hostUpdated(): void {
    this.#set(this.#host.isConnected && this.#unsaved());
  }

  hostDisconnected(): void {
    this.#set(false);
  }

  readonly #onBeforeUnload = (event: BeforeUnloadEvent): void => {
    if (!this.#unsaved()) return;
    event.preventDefault();
    // Older browsers need returnValue set; the text itself is not shown by modern ones.
    event.returnValue = this.#message();
  };

  #set(on: boolean): void {
    if (on === this.#on) return;
    this.#on = on;
    if (on) globalThis.addEventListener('beforeunload', this.#onBeforeUnload);
    else globalThis.removeEventListener('beforeunload', this.#onBeforeUnload);
  }
}
