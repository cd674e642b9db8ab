import type { Annotation, Doc } from '../../core/types.ts';
import { tokensOf, type Token } from '../../core/tokenize.ts';
import type { Gazetteer } from '../entities/gazetteer.ts';
import { mentionKind } from '../entities/stage.ts';
import type { ActLexicon } from './lexicon.ts';

const STARTS_UPPER = /^\p{Lu}/u;
/** What may stand between two words of one name: a space or a hyphen ("al-Sissi"). */
const NAME_GAP = /^[ \u00a0-]$/;
/** What closes an apposition: a comma, a sentence end, a semicolon, a bracket. */
const APPOSITION_END = /[,.;:()]/;
/** At most this many words in the apposition that gives a person's office and state. */
const APPOSITION_WORDS = 12;

/**
 * People the gazetteer does not know, tied to their state by how the document introduces them:
 * "M. Macky Sall, Président de la République du Sénégal, ...", "the President of the United
 * Mexican States, Enrique Peña Nieto, ...", "President Joko Widodo of the Republic of Indonesia",
 * "le président sénégalais Macky Sall", "Indonesian President Joko Widodo". Returns each word of
 * such a name (folded) with its state, so that "Le Président Macky Sall a remercié ..." or
 * "M. Sall a ajouté ..." later is that state's act. A word introduced for two states is dropped.
 */
export function officialsIntroduced(doc: Doc, lex: ActLexicon, g: Gazetteer, mentionsOf: Annotation[][]): Map<string, string> {
  const titles = lex.classes.get('official-title') ?? new Set<string>();
  const particles = lex.classes.get('name-particle') ?? new Set<string>();
  const found = new Map<string, string | null>();
  for (const p of doc.provisions) {
    const mentions = mentionsOf[p.index] ?? [];
    if (!mentions.some((m) => g.typeOf(m.label) === 'state')) continue;
    const tokens = tokensOf(doc, p.start, p.end);
    // Most provisions name no office: nothing to learn there.
    if (!tokens.some((t) => titles.has(t.norm))) continue;
    const scan: Scan = { text: doc.text, tokens, mentions, g, titles };
    for (let i = 0; i < tokens.length; i++) {
      // A name: capitalised words (particles such as "da", "al" inside), none of them a title or a known name.
      if (!isNameWord(scan, i) || (i > 0 && isNameWord(scan, i - 1) && NAME_GAP.test(gapBefore(scan, i)))) continue;
      let last = i;
      for (let j = i + 1; j < tokens.length && NAME_GAP.test(gapBefore(scan, j)); j++) {
        if (isNameWord(scan, j)) last = j;
        else if (!particles.has(tokens[j].norm)) break;
      }
      if (last === i && tokens[i].raw.length < 3) continue;
      const after = last + 1;
      // "Prime Minister", "Foreign Minister", "Crown Prince": words before a title are part of it.
      if (after < tokens.length && titles.has(tokens[after].norm) && NAME_GAP.test(gapBefore(scan, after))) {
        i = last;
        continue;
      }
      const state = stateOfName(scan, i, last, lex);
      if (!state) continue;
      for (let k = i; k <= last; k++) {
        const word = tokens[k];
        if (!STARTS_UPPER.test(word.raw) || word.raw.length < 3) continue;
        const before = found.get(word.norm);
        found.set(word.norm, before === undefined || before === state ? state : null);
      }
      i = last;
    }
  }
  const officials = new Map<string, string>();
  for (const [word, state] of found) if (state) officials.set(word, state);
  return officials;
}

/** One provision as the name scan reads it. */
interface Scan {
  text: string;
  tokens: Token[];
  mentions: Annotation[];
  g: Gazetteer;
  titles: Set<string>;
}

const gapBefore = (scan: Scan, i: number) => scan.text.slice(scan.tokens[i - 1].end, scan.tokens[i].start);

function isNameWord(scan: Scan, i: number): boolean {
  const t = scan.tokens[i];
  return STARTS_UPPER.test(t.raw) && t.raw.length >= 2 && !scan.titles.has(t.norm) && !scan.mentions.some((m) => m.start <= t.start && t.end <= m.end);
}

/** A state mention among tokens[from, to): by name only, or also by demonym. */
function stateAt(scan: Scan, from: number, to: number, demonyms: boolean): string | null {
  const lo = scan.tokens[from]?.start ?? Infinity;
  const hi = scan.tokens[Math.min(to, scan.tokens.length) - 1]?.end ?? -Infinity;
  const m = scan.mentions.find((m) => m.start >= lo && m.end <= hi && scan.g.typeOf(m.label) === 'state' && (demonyms || mentionKind(m) !== 'demonym'));
  return m?.label ?? null;
}

const hasTitle = (scan: Scan, from: number, to: number) => scan.tokens.slice(Math.max(0, from), to).some((t) => scan.titles.has(t.norm));

/** The state the words around the name tokens[first..last] give its bearer, if they give one. */
function stateOfName(scan: Scan, first: number, last: number, lex: ActLexicon): string | null {
  const { tokens } = scan;
  const after = last + 1;
  // "Macky Sall, Président de la République du Sénégal": the apposition after the name.
  if (after < tokens.length && gapBefore(scan, after).includes(',')) {
    let end = after;
    while (end < tokens.length && end - after < APPOSITION_WORDS && (end === after || !APPOSITION_END.test(gapBefore(scan, end)))) end++;
    const state = hasTitle(scan, after, end) ? stateAt(scan, after, end, false) : null;
    if (state) return state;
  }
  // "the President of the United Mexican States, Enrique Peña Nieto": the apposition before it.
  if (first > 0 && gapBefore(scan, first).includes(',')) {
    let begin = first - 1;
    while (begin > 0 && first - begin < APPOSITION_WORDS && !APPOSITION_END.test(gapBefore(scan, begin))) begin--;
    const state = hasTitle(scan, begin, first) ? stateAt(scan, begin, first, false) : null;
    if (state) return state;
  }
  // "President Joko Widodo of the Republic of Indonesia": a title before, the state right after.
  if (hasTitle(scan, first - 1, first) && after + 1 < tokens.length && lex.classes.get('of')!.has(tokens[after].norm)) {
    const state = stateAt(scan, after + 1, after + 6, false);
    if (state) return state;
  }
  // "le président sénégalais Macky Sall", "Kenyan Foreign Minister Esther Wambui", "son homologue égyptien
  // Abdel Fattah al-Sissi": a title and the state (a demonym too) in the few words before it.
  let begin = first;
  while (begin > 0 && first - begin < 4 && !APPOSITION_END.test(gapBefore(scan, begin))) begin--;
  return hasTitle(scan, begin, first) ? stateAt(scan, begin, first, true) : null;
}
