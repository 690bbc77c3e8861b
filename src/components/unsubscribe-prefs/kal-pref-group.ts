/**
 * @summary Declares one email group inside `<kal-unsubscribe-prefs>`: its id, and the organiser's own
 * label and description (shown as text, in the organiser's language and wording). It is data only:
 * it draws nothing itself; its parent renders one switch per group and follows any change to these
 * attributes, or to the children themselves, while the page is open.
 *
 * ```html
 * <kal-pref-group group-id="event-updates" label="Event updates"
 *   description="Schedule changes and reminders"></kal-pref-group>
 * ```
 *
 * When `label` is absent, the element's text is the label (`<kal-pref-group group-id="x">News</kal-pref-group>`),
 * else the group id.
 *
 * It fires no events and has no parts or CSS properties of its own (the parent emits every event;
 * its `group`, `label`, `description` and `switch` parts style each row). These are left out as tags
 * so the custom-elements manifest lists nothing that does not exist.
 *
 * @attr group-id - The Messaging unsubscribe group id (as in templates' `unsubscribeGroups`). Required.
 * @attr label - What the person reads for this group (default: the element's text, else the id).
 * @attr description - A line under the label saying what the emails are.
 * @slot - Optional text: the label when there is no `label` attribute (read as data, never rendered).
 */
export class KalPrefGroup extends HTMLElement {
  /** The Messaging unsubscribe group id, as used in templates' `unsubscribeGroups` (`group-id`). */
  get groupId(): string {
    return this.getAttribute('group-id') ?? '';
  }
  set groupId(value: string) {
    this.setAttribute('group-id', value);
  }

  /** What the person reads for this group. */
  get label(): string {
    return this.getAttribute('label') ?? '';
  }
  set label(value: string) {
    this.setAttribute('label', value);
  }

  /** A line saying what these emails are. */
  get description(): string {
    return this.getAttribute('description') ?? '';
  }
  set description(value: string) {
    this.setAttribute('description', value);
  }

  connectedCallback(): void {
    // Data only: its text (a label fallback) must not show where the parent's shadow root is absent.
    if (!this.hidden) this.hidden = true;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kal-pref-group': KalPrefGroup;
  }
}
