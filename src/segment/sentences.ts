import type { SegmentationData } from '../lang/language-data.ts';

const OPENING_QUOTE = /["«“„‘'(\[]/u;
// Western terminators need a space after them; CJK full stops do not ("。双方").
const CANDIDATE = /[.!?…]+["»”’)\]]*(?=\s)|[。！？]+[」』”"]*(?=\S)/gu;

/**
 * Sentence boundaries inside one paragraph, per the codebook: a boundary is `.` `!` `?` `…`
 * (with any closing quotes) followed by whitespace and an upper-case letter, a digit, an
 * opening quote or a list marker; never after an abbreviation or an initial, and never
 * inside a quotation that closes later in the same paragraph.
 * Returns [start, end) pairs relative to the paragraph, trimmed.
 */
export function splitSentences(para: string, data: SegmentationData): [number, number][] {
  const quoted = quotedRanges(para);
  const spans: [number, number][] = [];
  let start = 0;
  CANDIDATE.lastIndex = 0;
  for (let m = CANDIDATE.exec(para); m; m = CANDIDATE.exec(para)) {
    const end = m.index + m[0].length;
    const next = nextNonSpace(para, end);
    if (next < 0) break;
    const cjk = /[。！？]/u.test(m[0]);
    if (!cjk && !startsSentence(para, next)) continue;
    if ((m[0][0] === '.' && m[0].length === 1) || /^\.["»”’)\]]+$/.test(m[0])) {
      if (isAbbreviation(para, m.index, data) && !endsSentenceAnyway(para, m.index, next, data)) continue;
    }
    if (quoted.some(([qs, qe]) => end > qs && end <= qe)) continue;
    spans.push([start, end]);
    start = next;
  }
  if (start < para.length) spans.push([start, para.length]);
  return spans.map(([s, e]) => trimSpan(para, s, e)).filter(([s, e]) => e > s);
}

function nextNonSpace(text: string, from: number): number {
  for (let i = from; i < text.length; i++) if (!/\s/.test(text[i])) return i;
  return -1;
}

function startsSentence(text: string, i: number): boolean {
  const c = text[i];
  if (/[\p{Lu}\p{N}]/u.test(c)) return true;
  if (OPENING_QUOTE.test(c)) return true;
  return /^(?:[-•*]|—{1,2}|--)\s*\p{L}/u.test(text.slice(i, i + 4));
}

/** "... énergie, etc. Les deux parties ...": an abbreviation that may end a sentence does so before a capital letter. */
function endsSentenceAnyway(text: string, dot: number, next: number, data: SegmentationData): boolean {
  if (!data.sentenceFinal.size || !/\p{Lu}/u.test(text[next] ?? '')) return false;
  const word = wordBeforeDot(text, dot);
  return data.sentenceFinal.has(`${word}.`) || data.sentenceFinal.has(`${word.toLowerCase()}.`);
}

/** The word that ends at the dot, without an opening bracket or quote or an elided article before it. */
function wordBeforeDot(text: string, dot: number): string {
  const before = /(\S+)$/.exec(text.slice(Math.max(0, dot - 20), dot))?.[1] ?? '';
  return before.replace(/^[("«“'‘]+/u, '').replace(/^\p{L}{1,5}['’]/u, '');
}

/** The word that ends at the dot is a listed abbreviation, an initial, or a dotted acronym. */
function isAbbreviation(text: string, dot: number, data: SegmentationData): boolean {
  const word = wordBeforeDot(text, dot);
  if (!word) return false;
  const withDot = `${word}.`;
  if (data.abbreviations.has(withDot) || data.abbreviations.has(withDot.toLowerCase())) return true;
  if (/^\p{Lu}$/u.test(word)) return true; // an initial: "Joseph R. Biden"
  if (/^(?:\p{L}\.)+\p{L}$/u.test(word)) return true; // "U.S", "p.ex"
  return false;
}

/**
 * Ranges [open, close] of quotations that close within the paragraph. Guillemets and curly
 * double quotes nest by depth; straight double quotes alternate open/close.
 */
export function quotedRanges(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  const stack: { ch: string; at: number }[] = [];
  let straightOpen = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '«' || c === '“') stack.push({ ch: c, at: i });
    else if (c === '»' || c === '”') {
      const want = c === '»' ? '«' : '“';
      for (let k = stack.length - 1; k >= 0; k--)
        if (stack[k].ch === want) {
          ranges.push([stack[k].at, i]);
          stack.length = k;
          break;
        }
    } else if (c === '"') {
      if (straightOpen < 0) straightOpen = i;
      else {
        ranges.push([straightOpen, i]);
        straightOpen = -1;
      }
    }
  }
  return ranges;
}

function trimSpan(text: string, s: number, e: number): [number, number] {
  while (s < e && /\s/.test(text[s])) s++;
  while (e > s && /\s/.test(text[e - 1])) e--;
  return [s, e];
}
