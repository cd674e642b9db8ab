import type { Doc, MetaLine, Provision } from '../core/types.ts';
import { segmentationData } from '../lang/language-data.ts';
import { splitParagraphs } from './paragraphs.ts';
import { classifyLine, LIST_MARKER, SECTION_NUMBER } from './classify-line.ts';
import { splitSentences } from './sentences.ts';
import { isDateLine } from '../analyze/date-lines.ts';

/**
 * A wire dateline opening a paragraph: "MOSCOW, March 21 (Xinhua) --", "PÉKIN, 16 mai (Xinhua) --", "BEIJING -",
 * "PARIS (AFP) —", "MOSCOW, May 16. /TASS/.", "NEW DELHI:". Upper-case place, optional date, optional
 * agency, then a dash, the agency between slashes, or a colon.
 */
const WIRE_DATELINE =
  /^\p{Lu}[\p{Lu} .'’-]{1,40}\p{Lu}(?:\/[\p{Lu} ]+)?(?:,\s*(?:[\p{L}.]+\.?\s+\d{1,2}|\d{1,2}(?:er)?\s+[\p{L}.]+)(?:,?\s*\d{4})?)?(?:\s*\([\p{L} .-]{2,30}\))?(?:\s*(?:--|—|–|-)|\.?\s*\/[\p{L} -]{2,20}\/\.?|:)\s+/u;

/**
 * The segmentation stage: splits the normalised text into provisions (codebook section 2)
 * and keeps every other line (title, headings, datelines, furniture, closing date) in
 * `doc.lines`.
 */
export function segment(doc: Doc): void {
  const data = segmentationData(doc.language);
  const { text } = doc;
  const provisions: Provision[] = [];
  const lines: MetaLine[] = [];
  let heading: number | null = null;
  const paragraphs = splitParagraphs(text);
  // The last paragraphs that are date lines close the statement ("28 juin 2021").
  let closingFrom = paragraphs.length;
  while (closingFrom > 0 && isDateLine(text.slice(paragraphs[closingFrom - 1].start, paragraphs[closingFrom - 1].end), data)) closingFrom--;
  if (closingFrom === 0) closingFrom = paragraphs.length;

  paragraphs.forEach((para, pIndex) => {
    const raw = text.slice(para.start, para.end);
    if (pIndex >= closingFrom) {
      lines.push({ kind: 'closing_date', start: para.start, end: para.end, text: raw, rule: 'shape:closing-date' });
      return;
    }
    const cls = classifyLine(raw, data);
    if (cls.kind !== 'body' && cls.kind !== 'list_item') {
      const kind = cls.kind === 'heading' && provisions.length === 0 && !lines.some((l) => l.kind === 'title') ? 'title' : cls.kind;
      lines.push({ kind, start: para.start, end: para.end, text: raw, rule: cls.rule });
      if (kind === 'heading') heading = lines.length - 1;
      return;
    }
    let offset = 0;
    let section: string | null = null;
    const marker = LIST_MARKER.exec(raw);
    const number = marker ? null : SECTION_NUMBER.exec(raw);
    if (marker) {
      section = marker[0].trim();
      offset = marker[0].length;
    } else if (number) {
      section = number[1] ?? number[2] ?? number[3];
      offset = number[0].length;
    }
    if (provisions.length === 0) {
      const wire = WIRE_DATELINE.exec(raw.slice(offset));
      if (wire) {
        lines.push({
          kind: 'dateline',
          start: para.start + offset,
          end: para.start + offset + wire[0].trimEnd().length,
          text: wire[0].trim(),
          rule: 'shape:wire-dateline',
        });
        offset += wire[0].length;
      }
    }
    const body = raw.slice(offset);
    for (const [s, e] of splitSentences(body, data)) {
      const start = para.start + offset + s;
      const end = para.start + offset + e;
      provisions.push({ index: provisions.length, start, end, text: text.slice(start, end), section, paragraph: pIndex, heading });
      section = null;
    }
  });
  doc.provisions = provisions;
  doc.lines = lines;
}
