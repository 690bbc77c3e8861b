import { type TemplateResult, html } from 'lit';
import { KalError } from '../../api/errors.js';
import { define } from './define.js';
import { KalElement } from './kal-element.js';
import { themeStyles } from './theme.styles.js';

/**
 * Stands in for an element whose module could not be downloaded (the script tag's loader defines it
 * in the element's place): an error state a person can read, and `kal-error` for the page. The tag
 * keeps this definition until the page is loaded again, so there is nothing to retry in place.
 */
export function defineUnavailable(tag: string, reason: string): void {
  const error = new KalError('network', `<${tag}>: its module could not be downloaded (${reason})`, { retryable: false });
  define(
    tag,
    class extends KalElement {
      static override styles = themeStyles;

      override connectedCallback(): void {
        super.connectedCallback();
        this.reportError(error);
      }

      override render(): TemplateResult {
        return html`<div dir=${this.direction} lang=${this.locale}>${this.renderNotice('offline', this.t(error.messageKey))}</div>`;
      }
    },
  );
}
