/** A run of text between line breaks (hard-wrapped lines of one paragraph are joined). */
export interface Paragraph {
  start: number;
  end: number;
}

const ENDS_OPEN = /[\p{L}\p{N},’'-]$/u;
const LIST_START = /^\s*(?:[-*•–—]|\d{1,3}[.)]\s|[a-z]\)\s)/u;

/**
 * Splits the text into paragraphs. A line break ends a paragraph, except in hard-wrapped
 * text, where a line that ends mid-sentence and is followed by a line starting in lower case
 * is a continuation of the same paragraph.
 */
export function splitParagraphs(text: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let current: Paragraph | null = null;
  let pos = 0;
  for (const line of text.split('\n')) {
    const lineStart = pos;
    pos += line.length + 1;
    const lead = line.length - line.trimStart().length;
    const trimmed = line.trim();
    if (!trimmed) {
      current = null;
      continue;
    }
    const start = lineStart + lead;
    const end = start + trimmed.length;
    const previous: Paragraph | null = current;
    if (previous && ENDS_OPEN.test(text.slice(previous.start, previous.end)) && /^\p{Ll}/u.test(trimmed) && !LIST_START.test(trimmed)) {
      previous.end = end;
      continue;
    }
    current = { start, end };
    paragraphs.push(current);
  }
  return paragraphs;
}
