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
    const gap = (i: number) => doc.text.slice(tokens[i - 1].end, tokens[i].start);
    const known = (t: Token) => mentions.some((m) => m.start <= t.start && t.end <= m.end);
    const stateAt = (from: number, to: number, demonyms: boolean): string | null => {
      const lo = tokens[from]?.start ?? Infinity;
      const hi = tokens[Math.min(to, tokens.length) - 1]?.end ?? -Infinity;
      const m = mentions.find((m) => m.start >= lo && m.end <= hi && g.typeOf(m.label) === 'state' && (demonyms || mentionKind(m) !== 'demonym'));
      return m?.label ?? null;
    };
    const hasTitle = (from: number, to: number) => tokens.slice(Math.max(0, from), to).some((t) => titles.has(t.norm));
    for (let i = 0; i < tokens.length; i++) {
      // A name: capitalised words (particles such as "da", "al" inside), none of them a title or a known name.
      const isNameWord = (t: Token) => STARTS_UPPER.test(t.raw) && t.raw.length >= 2 && !titles.has(t.norm) && !known(t);
      if (!isNameWord(tokens[i]) || (i > 0 && isNameWord(tokens[i - 1]) && NAME_GAP.test(gap(i)))) continue;
      let last = i;
      for (let j = i + 1; j < tokens.length && NAME_GAP.test(gap(j)); j++) {
        if (isNameWord(tokens[j])) last = j;
        else if (!particles.has(tokens[j].norm)) break;
      }
      if (last === i && tokens[i].raw.length < 3) continue;
      const after = last + 1;
      // "Prime Minister", "Foreign Minister", "Crown Prince": words before a title are part of it.
      if (after < tokens.length && titles.has(tokens[after].norm) && NAME_GAP.test(gap(after))) {
        i = last;
        continue;
      }
      const textAfter = after < tokens.length ? gap(after) : '';
      let state: string | null = null;
      // "Macky Sall, Président de la République du Sénégal": the apposition after the name.
      if (textAfter.includes(',')) {
        let end = after;
        while (end < tokens.length && end - after < APPOSITION_WORDS && (end === after || !APPOSITION_END.test(gap(end)))) end++;
        if (hasTitle(after, end)) state = stateAt(after, end, false);
      }
      // "the President of the United Mexican States, Enrique Peña Nieto": the apposition before it.
      if (!state && i > 0 && gap(i).includes(',')) {
        let begin = i - 1;
        while (begin > 0 && i - begin < APPOSITION_WORDS && !APPOSITION_END.test(gap(begin))) begin--;
        if (hasTitle(begin, i)) state = stateAt(begin, i, false);
      }
      // "President Joko Widodo of the Republic of Indonesia": a title before, the state right after.
      if (!state && hasTitle(i - 1, i) && after + 1 < tokens.length && lex.classes.get('of')!.has(tokens[after].norm))
        state = stateAt(after + 1, after + 6, false);
      // "le président sénégalais Macky Sall", "Kenyan Foreign Minister Esther Wambui", "son homologue égyptien
      // Abdel Fattah al-Sissi": a title and the state (a demonym too) in the few words before it.
      if (!state) {
        let begin = i;
        while (begin > 0 && i - begin < 4 && !APPOSITION_END.test(gap(begin))) begin--;
        if (hasTitle(begin, i)) state = stateAt(begin, i, true);
      }
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
