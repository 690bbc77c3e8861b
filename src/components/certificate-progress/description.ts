/** A certificate description as text: paragraphs, and lists of items. */
export type DescriptionBlock = { kind: 'p'; text: string } | { kind: 'ul' | 'ol'; items: string[] };

/** Content that is never text a person should read. */
const SKIP = new Set(['script', 'style', 'template', 'noscript', 'iframe', 'object', 'embed', 'svg', 'math', 'select', 'textarea', 'head']);
/** Elements that end a paragraph (lists are handled apart). */
const BLOCKS = new Set(['p', 'div', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'section', 'article', 'header', 'footer', 'table', 'tr', 'pre', 'dl', 'dt', 'dd', 'figure', 'li']);

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * A certificate's description (guide 004, 8.1: "supports HTML") reduced to text blocks, so that it is
 * rendered through Lit's text bindings and never as markup. The HTML is parsed by `DOMParser` into an
 * inert document (no scripts run, nothing is fetched: `<img onerror>` stays a dead node), and only its
 * text is kept: paragraphs, and list items as lists. Plain text comes back as one paragraph.
 */
export function descriptionBlocks(markup: string): DescriptionBlock[] {
  const body = new DOMParser().parseFromString(markup, 'text/html').body;
  const blocks: DescriptionBlock[] = [];
  let line = '';
  const flush = () => {
    const text = squash(line);
    if (text) blocks.push({ kind: 'p', text });
    line = '';
  };
  // `inItem`: inside a list item, whose text (nested lists included) is one item.
  const walk = (node: Node, into: (text: string) => void, atBlock: () => void, inItem = false) => {
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) into((child as Text).data);
      if (child.nodeType !== Node.ELEMENT_NODE) continue;
      const tag = (child as Element).localName;
      if (SKIP.has(tag)) continue;
      if ((tag === 'ul' || tag === 'ol') && !inItem) {
        flush();
        const items = [...(child as Element).children].map((item) => {
          let text = '';
          walk(item, (part) => (text += part), () => (text += ' '), true);
          return squash(text);
        });
        if (items.some(Boolean)) blocks.push({ kind: tag, items: items.filter(Boolean) });
        continue;
      }
      const block = BLOCKS.has(tag);
      if (block) atBlock();
      walk(child, into, atBlock, inItem);
      if (block) atBlock();
    }
  };
  walk(body, (text) => (line += text), flush);
  flush();
  return blocks;
}
