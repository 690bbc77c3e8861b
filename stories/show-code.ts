// Storybook's "Show code": a story's tags as a whole snippet to paste into a page (the stylesheet and
// the script from a copy of dist/ at /kaltura-widgets/, configure(), and one line saying what your
// backend answers), the way README "Embed it" shows it. test/browser/builds/snippets.test.ts pastes
// every story's snippet into a plain page and checks what it shows.

/** The partner id the published snippets use (the snippet test's backend mints KS for it). */
const PARTNER_ID = 123;

/** Attributes the stories set for their own sandbox partner, token and service: the snippet's configure() stands for them. */
const STORY_ONLY = ['partner-id', 'token-endpoint', 'game-url'];

/** Tags whose data comes through your Game proxy (Game Services accept only an ADMIN KS). */
const GAME_TAGS = ['kal-leaderboard', 'kal-badge-progress', 'kal-certificate-progress', 'kal-points-guide'];

/** Tags whose data comes through your Events proxy (the Events Platform accepts only an ADMIN KS). */
const EVENTS_TAGS = ['kal-event-agenda'];

/** The proxies the snippet's tags need: `serviceUrls` key, path, and the server helper answering it. */
const proxiesFor = (tags: Set<string>) =>
  [
    { key: 'game', path: '/api/game', helper: 'createGameProxy', needed: GAME_TAGS.some((tag) => tags.has(tag)) },
    { key: 'events', path: '/api/events', helper: 'createEventsProxy', needed: EVENTS_TAGS.some((tag) => tags.has(tag)) },
  ].filter((proxy) => proxy.needed);

const isKitTag = (element: Element) => element.localName.startsWith('kal-');

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

type LitClass = CustomElementConstructor & { elementProperties?: Map<PropertyKey, { attribute?: string | boolean }> };

/** Whether an attribute only repeats its element's default: a new element's property reads the same. */
function isDefault(element: Element, attribute: Attr): boolean {
  const properties = (customElements.get(element.localName) as LitClass | undefined)?.elementProperties ?? new Map();
  for (const [name, options] of properties) {
    // Lit's naming: `attribute: 'page-size'`, `attribute: false` (none), else the lower-cased property name.
    const named = options.attribute === false ? undefined : typeof options.attribute === 'string' ? options.attribute : String(name).toLowerCase();
    if (named !== attribute.name) continue;
    const value = (document.createElement(element.localName) as unknown as Record<PropertyKey, unknown>)[name];
    return value !== undefined && String(value) === attribute.value;
  }
  return false;
}

/** An element as indented HTML: the kit's tags (without the stories' own or default attributes) and the wrappers that set a language or direction. */
function serialise(element: Element, indent: string): string[] {
  const attributes = [...element.attributes]
    .filter((attribute) => !(isKitTag(element) && (STORY_ONLY.includes(attribute.name) || isDefault(element, attribute))))
    .map((attribute) => (attribute.value === '' ? ` ${attribute.name}` : ` ${attribute.name}="${escapeAttribute(attribute.value)}"`))
    .join('');
  const children = [...element.children].flatMap((child) => serialise(child, `${indent}  `));
  const open = `${indent}<${element.localName}${attributes}>`;
  const close = `</${element.localName}>`;
  return children.length ? [open, ...children, `${indent}${close}`] : [`${open}${close}`];
}

/** The kit's tags in `root`, with a wrapper kept where it sets `lang` or `dir`, other markup (story controls) left out. */
function kitMarkup(root: ParentNode, indent = ''): string[] {
  return [...root.children].flatMap((element) => {
    if (isKitTag(element)) return serialise(element, indent);
    if (![...element.querySelectorAll('*')].some(isKitTag)) return [];
    const language = ['lang', 'dir'].filter((name) => element.hasAttribute(name));
    if (!language.length) return kitMarkup(element, indent);
    const attributes = language.map((name) => ` ${name}="${escapeAttribute(element.getAttribute(name)!)}"`).join('');
    return [`${indent}<div${attributes}>`, ...kitMarkup(element, `${indent}  `), `${indent}</div>`];
  });
}

/** What the snippet's page needs from your backend, in one line. */
function backendLine(tags: Set<string>): string {
  const token = tags.has('kal-room-embed')
    ? '/api/kaltura-ks with a USER KS for the signed-in person (createTokenHandler; asked with ?widget=room&entryId=…, one whose privileges name the room)'
    : '/api/kaltura-ks with a USER KS for the signed-in person (createTokenHandler)';
  const proxies = proxiesFor(tags).map((proxy) => ` and ${proxy.path} (${proxy.helper})`).join('');
  return `<!-- Your backend answers ${token}${proxies}: README, "Your backend". -->`;
}

/** A story's rendered markup (Storybook's source) as a whole snippet to paste into a page. */
export function pasteable(code: string): string {
  const template = document.createElement('template');
  template.innerHTML = code;
  const tags = new Set([...template.content.querySelectorAll('*')].filter(isKitTag).map((element) => element.localName));
  return [
    backendLine(tags),
    '<link rel="stylesheet" href="/kaltura-widgets/defined.css" />',
    '<script src="/kaltura-widgets/kaltura-widgets.iife.js"></script>',
    '<script>',
    '  KalturaWidgets.configure({',
    `    partnerId: ${PARTNER_ID},`,
    "    tokenEndpoint: '/api/kaltura-ks',",
    ...(proxiesFor(tags).length ? [`    serviceUrls: { ${proxiesFor(tags).map((proxy) => `${proxy.key}: '${proxy.path}'`).join(', ')} },`] : []),
    '  });',
    '</script>',
    '',
    ...kitMarkup(template.content),
  ].join('\n');
}

/** The `parameters` that make a stories file's "Show code" the pasteable snippet. */
export const showCode = { docs: { source: { transform: pasteable } } };
