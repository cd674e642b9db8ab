import type { SegmentationData } from '../lang/language-data.ts';
import { compilePattern } from '../lang/pattern.ts';
import { foldAccents } from '../core/normalize.ts';

export interface FoundDate {
  /** ISO date, or `--MM-DD` when the year is not printed. */
  iso: string;
  hasYear: boolean;
  start: number;
  end: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

function valid(y: number | null, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= 31 && (y === null || (y >= 1900 && y <= 2100));
}

function make(y: number | null, m: number, d: number, start: number, end: number): FoundDate | null {
  if (!valid(y, m, d)) return null;
  return { iso: y === null ? `--${pad(m)}-${pad(d)}` : `${y}-${pad(m)}-${pad(d)}`, hasYear: y !== null, start, end };
}

/**
 * Finds printed calendar dates in a string: numeric (2021-06-28, 20.09.2023, 27/06/2021,
 * 27/06) and written (28 juin 2021, "le 3 et 4 novembre", December 7, 2021, 6 December 2021).
 * Weekdays and relative dates are ignored on purpose: the codebook dates a statement by
 * what is printed, not by inference.
 */
export function findDates(text: string, data: SegmentationData): FoundDate[] {
  const found: FoundDate[] = [];
  const push = (f: FoundDate | null) => f && found.push(f);
  for (const m of text.matchAll(/\b(\d{4})-(\d{2})-(\d{2})\b/g)) push(make(+m[1], +m[2], +m[3], m.index!, m.index! + m[0].length));
  for (const m of text.matchAll(/\b(\d{1,2})([./])(\d{1,2})(?:\2(\d{4}))?\b(?![./]\d)/g)) {
    if (!m[4] && m[2] === '.') continue; // "1.5" is a number, not a date
    push(make(m[4] ? +m[4] : null, +m[3], +m[1], m.index!, m.index! + m[0].length));
  }
  const { dayFirst, monthFirst } = writtenDatePatterns(data);
  // Day before month: "28 juin 2021", "du 3 au 5 décembre 2025", "les 3 et 4 novembre", "1er mai".
  for (const m of text.matchAll(dayFirst)) push(make(m[3] ? +m[3] : null, monthNumber(m[2], data), +m[1], m.index!, m.index! + m[0].length));
  // Month before day, as English writes it, with a capital: "on December 7, 2021", "March 21",
  // "May 19-21, 2023" (not the verb "may"); not when a number sits just before ("2 December 7"
  // is the day-first form's business).
  for (const m of text.matchAll(monthFirst)) {
    if (m[1][0] === m[1][0].toLowerCase() || /\d\s?$/.test(text.slice(Math.max(0, m.index! - 2), m.index!))) continue;
    push(make(m[3] ? +m[3] : null, monthNumber(m[1], data), +m[2], m.index!, m.index! + m[0].length));
  }
  return found.sort((a, b) => a.start - b.start);
}

const datePatterns = new WeakMap<SegmentationData, { dayFirst: RegExp; monthFirst: RegExp }>();

/** The written-date patterns of a language, compiled once. */
function writtenDatePatterns(data: SegmentationData): { dayFirst: RegExp; monthFirst: RegExp } {
  let patterns = datePatterns.get(data);
  if (!patterns) {
    const month = data.monthPattern;
    patterns = {
      dayFirst: new RegExp(
        // A range gives its first day: "du 3 au 5 décembre", "19-20 March", "19 and 20 March"; "the 5th of December".
        `\\b(\\d{1,2})(?:er|st|nd|rd|th)?(?:(?:\\s+(?:et|au|and|to)\\s+|\\s*[-–]\\s*)\\d{1,2}(?:er|st|nd|rd|th)?)?\\s+(?:of\\s+)?(${month})(?:\\s*,?\\s+(\\d{4}))?(?![\\p{L}])`,
        'giu',
      ),
      monthFirst: compilePattern(
        `\\b(${month})\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:(?:\\s+(?:and|to)\\s+|\\s*[-–]\\s*)\\d{1,2}(?:st|nd|rd|th)?)?\\b(?:\\s*,?\\s*(\\d{4}))?`,
        'gi',
      ),
    };
    datePatterns.set(data, patterns);
  }
  return patterns;
}

function monthNumber(name: string, data: SegmentationData): number {
  return data.months.get(name.toLowerCase().replace(/\.$/, '')) ?? 0;
}

const TIME = /\b\d{1,2}(?:[:h]\d{2}(?::\d{2})?)(?:\s*(?:am|pm|GMT|UTC|CET|MSK|BJT|heures?))?\b/gi;

/**
 * A dateline or stamp: a short line whose content is a date (and perhaps a time, a place or
 * an agency) and little else: "Xinhua | 20.09.2023 08h36", "New Delhi, December 7, 2021",
 * "2023-03-22 03:28:15", "28 juin 2021".
 */
export function isDateLine(line: string, data: SegmentationData): boolean {
  if (line.length > 90) return false;
  const dates = findDates(line, data);
  if (!dates.length && !/^\s*\d{1,2}[:h]\d{2}/.test(line)) return false;
  let rest = line;
  for (const d of [...dates].reverse()) rest = rest.slice(0, d.start) + ' ' + rest.slice(d.end);
  rest = rest.replace(TIME, ' ').replace(/[|,.;:()\[\]\-–—/]+/g, ' ');
  const words = rest.split(/\s+/).filter((w) => w && !data.functionWords.has(foldAccents(w)));
  return words.length <= 3 && words.every((w) => /^\p{Lu}/u.test(w) || /^\d+$/.test(w));
}
