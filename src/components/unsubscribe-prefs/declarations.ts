import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { KalError } from '../../api/errors.js';
import { type DeclaredGroup, readDeclarations } from './prefs-model.js';

const DECLARATION_ATTRIBUTES = ['group-id', 'label', 'description'];

export interface DeclarationOptions {
  /** The declared groups changed (also on the first read). */
  changed: (groups: DeclaredGroup[]) => void;
  /** The document finished parsing: children that were still arriving are all there. */
  documentLoaded: () => void;
  /** A declaration mistake, once per mistake: the widget stays usable. */
  report: (error: KalError) => void;
}

/**
 * The `<kal-pref-group>` children of the preference centre, read as data: again whenever they (or
 * their attributes and text) change, with duplicates and missing ids told to the developer once.
 */
export class GroupDeclarations implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #options: DeclarationOptions;
  readonly #reported = new Set<string>();
  #observer: MutationObserver | undefined;
  #json = '';

  constructor(host: ReactiveControllerHost & HTMLElement, options: DeclarationOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {
    if (document.readyState === 'loading') {
      document.addEventListener('DOMContentLoaded', () => this.#options.documentLoaded(), { once: true });
    }
    this.#read();
    this.#observer = new MutationObserver(() => this.#read());
    this.#observer.observe(this.#host, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: DECLARATION_ATTRIBUTES });
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
    this.#observer = undefined;
  }

  #read(): void {
    const { groups, duplicates, missingIds } = readDeclarations(
      [...this.#host.querySelectorAll('kal-pref-group')].map((element) => ({
        id: element.getAttribute('group-id'),
        label: element.getAttribute('label')?.trim() || element.textContent,
        description: element.getAttribute('description'),
      })),
    );
    const json = JSON.stringify(groups);
    if (json !== this.#json) {
      this.#json = json;
      this.#options.changed(groups);
    }
    for (const id of duplicates) {
      this.#report(
        `duplicate:${id}`,
        `the group "${id}" is declared twice in <kal-unsubscribe-prefs>: it is shown once, with its first <kal-pref-group>; remove the other`,
      );
    }
    if (missingIds) this.#report('missing-id', 'a <kal-pref-group> has no group-id: it is ignored; set group-id to the Messaging unsubscribe group id');
  }

  #report(key: string, message: string): void {
    if (this.#reported.has(key)) return;
    this.#reported.add(key);
    this.#options.report(new KalError('config', message));
  }
}
