import type { LineKind } from '../core/types.ts';
import type { SegmentationData } from '../lang/language-data.ts';
import { isDateLine } from '../analyze/date-lines.ts';

export interface LineClass {
  kind: LineKind | 'body' | 'list_item';
  rule: string;
}

/** Ends like a sentence: final punctuation, perhaps followed by closing quotes or brackets. */
const FINAL_PUNCT = /[.!?…:;。！？；：]["»”’)\]」』]*$/u;
export const LIST_MARKER = /^(?:——|—|--|-|–|•|\*|·)\s*(?=\S)/u;
/** "1.", "IV.", "2)", "a)", and in brackets "(a)", "(iv)", "(3)": the marker goes to `section`. */
export const SECTION_NUMBER = /^(?:(\d{1,3}|[IVXLC]{1,6})[.)]|([a-z])\)|\((\d{1,3}|[a-z]|[ivx]{1,5})\))\s+(?=\S)/u;
/** "Name, role, et Name, role": the shape of a photo caption naming people. */
const CAPTION_OF_PEOPLE = /^[^,.;:!?]{3,60}, [^,.;:!?]{3,60},? (?:et|and|und|y) [^,.;:!?]{3,60}, [^,.;:!?]{3,60}$/u;
const BREADCRUMB = /^(?:[^>›»]{1,40}\s*(?:>>|>|›)\s*){1,6}[^>›»]{1,40}$/u;
const LONE_SYMBOLS = /^[\p{P}\p{S}\s]*$/u;
/** Characters: titles of statements run to about 200 ("Joint Statement of ... on ... in the New Era"). */
const LONGEST_HEADING = 250;
/** Ends with a comma or semicolon, perhaps then a short conjunction ("; and", ", ou"): the sentence goes on in the next line. */
const CONTINUED_ITEM = /[,;]\s*\p{Ll}{0,3}$/u;

/**
 * Classifies one paragraph of text: page furniture, datelines, captions and breadcrumbs by
 * the language's furniture patterns and by shape; lines without final punctuation are headings
 * (or the title); everything else is body text.
 */
export function classifyLine(line: string, data: SegmentationData): LineClass {
  const text = line.trim();
  if (LONE_SYMBOLS.test(text)) return { kind: 'furniture', rule: 'shape:symbols' };
  const unbulleted = text.replace(/^[•·*]\s*/u, '');
  for (const f of data.furniture) if (f.pattern.test(unbulleted)) return { kind: f.kind, rule: f.rule };
  if (BREADCRUMB.test(text) && !FINAL_PUNCT.test(text)) return { kind: 'breadcrumb', rule: 'shape:breadcrumb' };
  if (isDateLine(text, data)) return { kind: 'dateline', rule: 'shape:dateline' };
  if (LIST_MARKER.test(text) || /^[a-z]\)\s/.test(text)) return { kind: 'list_item', rule: 'shape:list-marker' };
  if (FINAL_PUNCT.test(text)) return { kind: 'body', rule: 'shape:sentence' };
  // An item of a list that goes on: "(b) expand the scope of combined exercises; and", "..., et".
  if (CONTINUED_ITEM.test(text)) return { kind: 'body', rule: 'shape:continued-list-item' };
  if (CAPTION_OF_PEOPLE.test(text)) return { kind: 'caption', rule: 'shape:caption-of-people' };
  // A numbered paragraph whose sentence lacks its final stop is still body text.
  if (SECTION_NUMBER.test(text) && text.split(/\s+/).length > 12) return { kind: 'body', rule: 'shape:numbered-paragraph' };
  // A long line with a sentence boundary inside is body text that lost its final stop.
  if (text.length > 200 && /[.!?]\s+\p{Lu}/u.test(text)) return { kind: 'body', rule: 'shape:unterminated-body' };
  // Longer than any heading or title: a sentence that lost its final stop.
  if (text.length > LONGEST_HEADING) return { kind: 'body', rule: 'shape:unterminated-body' };
  return { kind: 'heading', rule: 'shape:no-final-punctuation' };
}
