import path from 'node:path';
import { eld } from 'eld/extrasmall';
import type { Doc, DocType } from '../core/types.ts';
import { EntenteError } from '../core/types.ts';
import { dataLanguages, languageDir, segmentationData } from '../lang/language-data.ts';
import { readTsv } from '../lang/tsv.ts';
import { findDates, type FoundDate } from './date-lines.ts';
import { compilePattern } from '../lang/pattern.ts';

/**
 * Languages the identifier may answer: the usual languages of diplomatic texts, and any language
 * given a data folder (adding `data/lang/nl/` makes Dutch identifiable). Restricted because an open
 * set confuses close languages on short texts.
 */
const CANDIDATE_LANGUAGES = [...new Set(['fr', 'en', 'de', 'es', 'it', 'pt', 'ru', 'zh', 'ja', 'ar', ...dataLanguages()])];
/** ELD's smallest n-gram table: as accurate as the larger ones on paragraphs, a fraction of their memory. */
const identifier = eld;
identifier.setLanguageSubset(CANDIDATE_LANGUAGES);
/**
 * How much body text the identifier reads: a short sample first, since its cost grows with the
 * sample and a sentence of running text is usually plenty; a longer one when the short sample's
 * scores are too close to call (close languages, names and figures).
 */
const SAMPLE = { short: 200, long: 380 };

/** Identifies the language from the body of the text (titles alone are too short to tell). */
export function detectLanguage(text: string): string {
  // Start at the first real paragraph: titles, stamps and bylines are short and misleading.
  const from = firstLongLine(text, 120);
  const quick = identifier.detect(text.slice(from, from + SAMPLE.short));
  if (quick.language && quick.isReliable()) return quick.language;
  return identifier.detect(text.slice(from, from + SAMPLE.long)).language || 'en';
}

/** Where the first line of at least `length` characters starts, or 0 (a line-by-line walk: a regex retries at every character). */
function firstLongLine(text: string, length: number): number {
  for (let start = 0; start < text.length;) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    if (end - start >= length) return start;
    start = end + 1;
  }
  return 0;
}

interface DocTypeCue {
  type: DocType;
  weight: number;
  pattern: RegExp;
  rule: string;
  /** Where the cue is looked for: the opening provisions, or the title ("Joint Statement of ..."). */
  scope: 'body' | 'title';
}
const cueCache = new Map<string, DocTypeCue[]>();

function docTypeCues(language: string): DocTypeCue[] {
  let cues = cueCache.get(language);
  if (!cues) {
    cues = readTsv(path.join(languageDir(segmentationData(language).language), 'doc-type.tsv'), ['type', 'weight', 'pattern']).map((row) => {
      const type = row.cells.type as DocType;
      if (type !== 'news_report' && type !== 'statement_text')
        throw new EntenteError(`unknown document type "${type}"`, row.where, 'use news_report or statement_text');
      const scope = row.cells.scope || 'body';
      if (scope !== 'body' && scope !== 'title') throw new EntenteError(`unknown scope "${scope}"`, row.where, 'use body (the default) or title');
      return { type, weight: Number(row.cells.weight), pattern: compilePattern(row.cells.pattern, 'giu'), rule: row.where, scope };
    });
    cueCache.set(language, cues);
  }
  return cues;
}

/**
 * `statement_text` or `news_report`, by weighing cues of narration ("selon le communiqué",
 * "said", wire datelines, bylines) against cues of the statement's own voice ("ci-après",
 * "we", numbered paragraphs, a closing date line, a title that names the text a statement).
 */
/** How much of the body the voice cues are looked for in: whole provisions up to this many characters. */
const OPENING_CHARS = 4000;

export function classifyDocType(doc: Doc): { type: DocType; evidence: string } {
  const score = { news_report: 0, statement_text: 0 };
  // The opening of the body shows its voice; a long statement's end adds no information.
  let body = '';
  for (const p of doc.provisions) {
    if (body.length >= OPENING_CHARS) break;
    body += (body ? '\n' : '') + p.text;
  }
  const reasons: string[] = [];
  const title = doc.title ?? '';
  for (const cue of docTypeCues(doc.language)) {
    const n = (cue.scope === 'title' ? title : body).match(cue.pattern)?.length ?? 0;
    if (n) {
      score[cue.type] += cue.weight * Math.min(n, 5);
      reasons.push(`${cue.rule}×${n}`);
    }
  }
  const furniture = doc.lines.filter((l) => ['dateline', 'byline', 'source', 'breadcrumb', 'furniture'].includes(l.kind)).length;
  score.news_report += 2 * Math.min(furniture, 3);
  const numbered = doc.provisions.filter((p) => p.section && /^\d+$|^[IVXLC]+$/.test(p.section)).length;
  score.statement_text += Math.min(numbered, 5) * 2;
  if (doc.lines.some((l) => l.kind === 'closing_date')) score.statement_text += 3;
  const type: DocType = score.news_report > score.statement_text ? 'news_report' : 'statement_text';
  return { type, evidence: `news=${score.news_report} statement=${score.statement_text}; ${reasons.join(', ')}` };
}

/**
 * The statement's date as a careful reader takes it from the text (codebook section 1):
 * a closing date line; the date of a wire dateline; a full date in the opening sentences (the
 * meeting); a dated stamp or dateline; else null. A month and day without year take the year
 * of a printed stamp when there is one.
 */
/** A dateline that names its place first: "Brussels, 25 April 2019", "Moscou, le 8 mai 2015". */
const PLACE_BEFORE_DATE = /^\p{Lu}[\p{L}.' -]{1,40},\s/u;

/** How many days a meeting and the statement it issues may lie apart. */
const MEETING_DAYS = 7;
const daysApart = (a: string, b: string) => Math.abs(Date.parse(a) - Date.parse(b)) / 86_400_000;

export function findDocumentDate(doc: Doc): { date: string | null; evidence: string } {
  const data = segmentationData(doc.language);
  const dated = (kind: string) => doc.lines.filter((l) => l.kind === kind).flatMap((l) => findDates(l.text, data).map((d) => ({ d, line: l })));
  const stampYear = [...dated('dateline'), ...dated('closing_date')].find((x) => x.d.hasYear)?.d.iso.slice(0, 4) ?? yearOf(doc.source.hints.date);
  const withYear = (d: FoundDate): string | null => (d.hasYear ? d.iso : stampYear ? `${stampYear}${d.iso.slice(1)}` : null);

  const closing = dated('closing_date').find((x) => x.d.hasYear);
  if (closing) return { date: closing.d.iso, evidence: `closing date line "${closing.line.text}"` };
  const wire = doc.lines.find((l) => l.rule === 'shape:wire-dateline');
  if (wire) {
    const d = findDates(wire.text, data)[0];
    const iso = d && withYear(d);
    if (iso) return { date: iso, evidence: `wire dateline "${wire.text}"` };
  }
  // The meeting's date, in the first sentences, comes before a dateline (the codebook's order); but
  // a date weeks away from a statement's own dateline ("Brussels, 25 April 2019") is one the text
  // recalls ("since the Agreement entered into force on 1 February 2019"), not the meeting's. (A
  // news page's stamp is its publication time, later than the events it reports: not compared.)
  const ownLine = doc.docType === 'statement_text' ? dated('dateline').find((x) => x.d.hasYear && PLACE_BEFORE_DATE.test(x.line.text)) : undefined;
  for (const p of doc.provisions.slice(0, 2)) {
    const d = findDates(p.text, data).find((x) => x.hasYear);
    if (!d) continue;
    if (ownLine && daysApart(d.iso, ownLine.d.iso) > MEETING_DAYS) return { date: ownLine.d.iso, evidence: `dateline "${ownLine.line.text}"` };
    return { date: d.iso, evidence: `date in provision ${p.index}` };
  }
  const line = [...dated('dateline'), ...dated('byline')].find((x) => x.d.hasYear);
  if (line) return { date: line.d.iso, evidence: `${line.line.kind} "${line.line.text}"` };
  const bylineDate = doc.source.hints.byline ? findDates(doc.source.hints.byline, data).find((d) => d.hasYear) : undefined;
  if (bylineDate) return { date: bylineDate.iso, evidence: `byline "${doc.source.hints.byline}"` };
  const hint = doc.source.hints.date && /^\d{4}-\d{2}-\d{2}/.exec(doc.source.hints.date)?.[0];
  if (hint) return { date: hint, evidence: 'page metadata' };
  return { date: null, evidence: 'no printed date with a year' };
}

function yearOf(iso?: string): string | undefined {
  return iso && /^\d{4}/.exec(iso)?.[0];
}

/** The headline: the title line found by segmentation, else the reader's hint. */
export function findTitle(doc: Doc): string | null {
  return doc.lines.find((l) => l.kind === 'title')?.text ?? doc.source.hints.title ?? null;
}
