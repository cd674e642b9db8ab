import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';

export interface HtmlText {
  text: string;
  title?: string;
  date?: string;
  byline?: string;
}

const BLOCK = new Set([
  'P',
  'DIV',
  'SECTION',
  'ARTICLE',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'LI',
  'BLOCKQUOTE',
  'PRE',
  'TR',
  'DD',
  'DT',
  'FIGCAPTION',
  'HEADER',
  'FOOTER',
  'UL',
  'OL',
  'TABLE',
  'ADDRESS',
]);

/**
 * Reduces an HTML news page to its main text with Mozilla Readability (navigation, menus,
 * comment boxes and share buttons dropped), keeping one line per block so that paragraph
 * breaks survive. The headline, publication date and byline come back as hints.
 */
export function extractHtml(html: string): HtmlText {
  const { document } = parseHTML(html);
  const metaDate =
    attr(document, 'meta[property="article:published_time"]', 'content') ??
    attr(document, 'meta[name="date"]', 'content') ??
    attr(document, 'meta[name="dc.date"]', 'content') ??
    attr(document, 'time[datetime]', 'datetime');
  const h1 = document.querySelector('h1')?.textContent?.trim();
  // Readability mutates the DOM it reads; work on a fresh parse. Photo captions and asides are
  // page furniture (codebook section 2), so they go before extraction.
  const page = parseHTML(html).document;
  for (const el of Array.from(page.querySelectorAll('figcaption, aside, nav, form, [role="navigation"], [aria-hidden="true"]'))) el.remove();
  const article = new Readability(page as unknown as Document, { charThreshold: 100 }).parse();
  let body: string;
  if (article?.content) {
    const { document: content } = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`);
    body = blockText(content.body as unknown as Element);
  } else {
    body = blockText(document.body as unknown as Element);
  }
  const title = h1 || article?.title?.trim() || document.querySelector('title')?.textContent?.trim() || undefined;
  if (title && !body.trimStart().startsWith(title)) body = `${title}\n\n${body}`;
  return { text: body, title, date: metaDate ?? undefined, byline: article?.byline?.trim() || undefined };
}

function attr(document: { querySelector(s: string): { getAttribute(n: string): string | null } | null }, selector: string, name: string): string | undefined {
  return document.querySelector(selector)?.getAttribute(name) ?? undefined;
}

/** Text of an element with a line break after every block element and <br>. */
function blockText(root: Element): string {
  const out: string[] = [];
  const walk = (node: Node): void => {
    if (node.nodeType === 3) {
      out.push((node.textContent ?? '').replace(/\s+/g, ' '));
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    const tag = el.tagName.toUpperCase();
    if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'NOSCRIPT') return;
    if (tag === 'BR') {
      out.push('\n');
      return;
    }
    const block = BLOCK.has(tag);
    if (block) out.push('\n\n');
    if (tag === 'LI') out.push('- ');
    for (const child of Array.from(el.childNodes)) walk(child);
    if (block) out.push('\n\n');
  };
  walk(root);
  return out
    .join('')
    .split('\n')
    .map((l) => l.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
