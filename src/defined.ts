/**
 * Resolves once every kit element inside `root` is defined, so a page can reveal them together
 * instead of flashing undefined tags (pair it with `kaltura-widgets/defined.css`).
 * With `timeoutMs`, resolves anyway after that long (a failed script must not hide the page forever).
 */
export async function allDefined(root: ParentNode = document, options: { timeoutMs?: number } = {}): Promise<void> {
  const pending = new Set<string>();
  for (const element of root.querySelectorAll(':not(:defined)')) {
    if (element.localName.startsWith('kal-')) pending.add(element.localName);
  }
  const defined = Promise.all([...pending].map((tag) => customElements.whenDefined(tag))).then(() => undefined);
  if (options.timeoutMs === undefined) return defined;
  return Promise.race([defined, new Promise<void>((resolve) => setTimeout(resolve, options.timeoutMs))]);
}
