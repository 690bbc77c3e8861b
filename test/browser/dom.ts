// Shared DOM helpers for browser tests: mounting an element, reading its shadow tree and what it shows.
import { fixture, oneEvent } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import type { KalErrorDetail } from '../../src/api/errors.js';
import { until } from './helpers.js';

/** The element's (open) shadow root. */
export const root = (element: Element): ShadowRoot => element.shadowRoot!;

/** The first match of `selector` in the element's shadow tree, or null. */
export const $ = <T extends Element = HTMLElement>(element: Element, selector: string): T | null =>
  root(element).querySelector<T>(selector);

/** Every match of `selector` in the element's shadow tree. */
export const $$ = <T extends Element = HTMLElement>(element: Element, selector: string): T[] => [
  ...root(element).querySelectorAll<T>(selector),
];

/** The element's shadow-tree node with the part `name` (`[part~="name"]`), or null. */
export const part = <T extends Element = HTMLElement>(element: Element, name: string): T | null =>
  $<T>(element, `[part~="${name}"]`);

/** `node`'s text with white space collapsed and trimmed; '' for no node. */
export const text = (node: Element | ShadowRoot | null | undefined): string =>
  (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** The sentence of a loading, empty or error state (`node` is the state, or holds it); else `node`'s text. */
export const stateText = (node: Element | null | undefined): string => text(node?.querySelector('.state-text') ?? node);

/** The title of the state `node` is (or holds): "Setup needed", "Not found", … */
export const stateTitle = (node: Element | null | undefined): string => text(node?.querySelector('.state-title'));

/** What the element's shadow tree shows, as `text` reads it. */
export const shadowText = (element: Element): string => text(element.shadowRoot);

/** The shadow root of the first `tag` in `doc` (another window's document, for a plain page). */
export const shadowOf = (tag: string, doc: Document = document): ShadowRoot | null | undefined =>
  doc.querySelector(tag)?.shadowRoot;

/** Every element in `top`'s light and shadow trees, `top` first (not inside iframes). */
export function deepElements(top: Element): Element[] {
  const found: Element[] = [top];
  const visit = (node: Element | ShadowRoot) => {
    for (const child of node.children) {
      found.push(child);
      visit(child);
      if (child.shadowRoot) visit(child.shadowRoot);
    }
  };
  visit(top);
  if (top.shadowRoot) visit(top.shadowRoot);
  return found;
}

/** Records the `kal-error` details `element` (or its subtree) dispatches from now on. */
export function errorsOf(element: Element): unknown[] {
  const errors: unknown[] = [];
  element.addEventListener('kal-error', (event) => errors.push((event as CustomEvent).detail));
  return errors;
}

/** Mounts `template` and waits for its `kal-load`; `element` is the `tag` mounted (or inside what was). */
export async function mountLoaded<T extends HTMLElement & { updateComplete: Promise<unknown> }>(
  template: TemplateResult,
  tag: string,
): Promise<{ element: T; count: number | undefined }> {
  const load = oneEvent(document, 'kal-load');
  const mounted = await fixture<HTMLElement>(template);
  const element = (mounted.localName === tag ? mounted : mounted.querySelector(tag)) as T;
  const { detail } = await load;
  await element.updateComplete;
  return { element, count: detail.count };
}

/** Mounts a template that should fail: its first `kal-error`, once the error state shows. */
export async function mountFailing<T extends HTMLElement = HTMLElement>(
  template: TemplateResult,
): Promise<{ element: T; detail: KalErrorDetail }> {
  const reported = oneEvent(document, 'kal-error');
  const element = await fixture<T>(template);
  const { detail } = await reported;
  await until(() => !!element.shadowRoot?.querySelector('[role=alert]'), 'the error state');
  return { element, detail };
}
