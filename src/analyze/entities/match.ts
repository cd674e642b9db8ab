import path from 'node:path';
import { tokenize, type Token } from '../../core/tokenize.ts';
import { foldAccents } from '../../core/normalize.ts';
import { EntenteError } from '../../core/types.ts';
import { readTsv } from '../../lang/tsv.ts';
import { languageDir, hasLanguageData, segmentationData } from '../../lang/language-data.ts';
import type { Alias, Gazetteer } from './gazetteer.ts';

const QUALIFIED_TYPES = new Set(['org', 'treaty', 'initiative', 'weapon']);
const STARTS_UPPER = /^\p{Lu}/u;

export interface Mention {
  id: string;
  start: number;
  end: number;
  /** How it was named: an alias kind, or `reference` for "le Traité" pointing back. */
  kind: Alias['kind'] | 'reference';
  alias: string;
  rule: string;
}

/** What a document remembers while its provisions are matched in order. */
export interface MatchMemory {
  seen: Set<string>;
  /** Folded head noun → the listed entries named with that head, with where they were last named. */
  heads: Map<string, Map<string, number>>;
  /** How often each entry was named so far (the most salient one wins "le traité"). */
  counts: Map<string, number>;
  /** Index of the provision being matched. */
  position: number;
}

export const newMemory = (): MatchMemory => ({ seen: new Set(), heads: new Map(), counts: new Map(), position: -1 });

interface EntityContext {
  locative: Set<string>;
  /** What joins a listed entry to a name qualifying it ("la stratégie indo-pacifique des États-Unis"): folded. */
  qualifier: Set<string>;
  honorific: string[][];
  article: Set<string>;
  demonstrative: Set<string>;
  head: Set<string>;
  /** Heads that refer back even in lower case ("du traité"); the others must be capitalised. */
  headAnyCase: Set<string>;
  /** Words that join two modifiers sharing one name ("North and South Korea"). */
  coordinator: Set<string>;
  /** Nouns that make a demonym next to them a language ("langue française", "French language"). */
  languageNoun: Set<string>;
  /** Words that make a lower-case demonym right after them a language ("le français", "en russe"). */
  languageArticle: Set<string>;
  /** Nouns of events, documents and buildings that make a capital after "de"/"of" a place ("le Sommet de Dakar"). */
  placeHead: Set<string>;
  /** The same nouns after a capital ("the Dakar Summit", "the Moscow Declaration"). */
  placeTail: Set<string>;
  /** The prepositions between such a noun and the capital ("de", "du", "of"). */
  placeOf: Set<string>;
}

/** A context word as tokens hold it: folded, an elided article's apostrophe dropped ("l'" → "l"). */
const elidable = (word: string) => foldAccents(word).replace(/'$/, '');

type ContextSet = { [K in keyof EntityContext]: EntityContext[K] extends Set<string> ? K : never }[keyof EntityContext];

/**
 * How a row of entity-context.tsv is read, by its kind: the sets that take its word, and the word's
 * key there: its tokens' folded words (`words`), the folded word as written (`folded`), or an
 * elidable article or preposition (`elidable`, "l'" → "l"). `honorific` rows keep their words apart.
 */
const CONTEXT_KINDS: Record<string, { key: 'words' | 'folded' | 'elidable'; sets: ContextSet[] }> = {
  locative: { key: 'elidable', sets: ['locative'] },
  qualifier: { key: 'folded', sets: ['qualifier'] },
  article: { key: 'elidable', sets: ['article'] },
  demonstrative: { key: 'words', sets: ['demonstrative', 'article'] },
  head: { key: 'words', sets: ['head'] },
  'head-any-case': { key: 'words', sets: ['head', 'headAnyCase'] },
  coordinator: { key: 'words', sets: ['coordinator'] },
  'language-noun': { key: 'words', sets: ['languageNoun'] },
  'language-article': { key: 'elidable', sets: ['languageArticle'] },
  'place-head': { key: 'words', sets: ['placeHead'] },
  'place-tail': { key: 'words', sets: ['placeTail'] },
  'place-of': { key: 'elidable', sets: ['placeOf'] },
};

const contextCache = new Map<string, EntityContext>();

function entityContext(language: string): EntityContext {
  const lang = hasLanguageData(language) ? language : 'en';
  let ctx = contextCache.get(lang);
  if (!ctx) {
    ctx = {
      locative: new Set(),
      qualifier: new Set(),
      honorific: [],
      article: new Set(),
      demonstrative: new Set(),
      head: new Set(),
      headAnyCase: new Set(),
      coordinator: new Set(),
      languageNoun: new Set(),
      languageArticle: new Set(),
      placeHead: new Set(),
      placeTail: new Set(),
      placeOf: new Set(),
    };
    for (const row of readTsv(path.join(languageDir(lang), 'entity-context.tsv'), ['kind', 'word'])) {
      const keys = tokenize(row.cells.word).map((t) => t.norm);
      if (row.cells.kind === 'honorific') {
        ctx.honorific.push(keys);
        continue;
      }
      const kind = CONTEXT_KINDS[row.cells.kind];
      if (!kind) throw new EntenteError(`unknown kind "${row.cells.kind}"`, row.where, `use honorific, ${Object.keys(CONTEXT_KINDS).join(', ')}`);
      const word = kind.key === 'words' ? keys.join(' ') : kind.key === 'folded' ? foldAccents(row.cells.word.trim()) : elidable(row.cells.word);
      for (const set of kind.sets) ctx[set].add(word);
    }
    contextCache.set(lang, ctx);
  }
  return ctx;
}

/** The honorifics and titles after which a capitalised word is a person's name ("M.", "Mr", "President"), as token keys. */
export const honorificsOf = (language: string): readonly string[][] => entityContext(language).honorific;

// Between two tokens of one name: spaces, hyphens, apostrophes, dots, quote marks, and any
// punctuation the alias itself has ("Convention ... bactériologiques (biologiques) ...").
const NAME_GAP = /^(?:['’]s)?[\s\-‑–'’.«»"“”]*$/u;
const ANY_GAP = /^(?:['’]s)?[\s\p{P}]*$/u;
const gapFits = (gap: string, alias: Alias) =>
  NAME_GAP.test(gap) || [...gap.replace(/^['’]s/u, '')].every((c) => /[\s\-‑–'’.«»"“”]/u.test(c) || alias.alias.includes(c));

/**
 * Finds entity mentions in `text[from, to)`: the longest alias starting at each token, kept
 * when its kind's condition holds (acronyms match case; a capital only when it acts; a
 * combining form only before a hyphen; a surname only once the person is known).
 * Capitalised head nouns ("le Traité") refer back to the last listed entry with that head.
 */
export function findMentions(text: string, from: number, to: number, g: Gazetteer, memory: MatchMemory, given?: Token[]): Mention[] {
  const ctx = entityContext(g.language);
  const tokens = given ?? tokenize(text, from, to);
  const mentions: Mention[] = [];
  for (let i = 0; i < tokens.length;) {
    const pair = ctx.coordinator.has(tokens[i + 1]?.norm ?? '') ? sharedName(text, tokens, i, g) : null;
    if (pair) {
      for (const m of pair.mentions) named(m, mentions, memory);
      i = pair.next;
      continue;
    }
    const found = longestMatch(text, tokens, i, g, memory, ctx);
    if (found) {
      const prev = mentions[mentions.length - 1];
      const between = prev ? text.slice(prev.end, found.mention.start) : '';
      // "Parti communiste chinois (PCC)": an acronym in brackets restates the name before it (the
      // same entry, or the initials of that name's last words); one that names something else
      // ("between Australia, the United States and the United Kingdom (AUKUS)") is a mention of its own.
      const restated =
        prev &&
        found.mention.kind === 'acronym' &&
        /^\s*\($/.test(between) &&
        text[found.mention.end] === ')' &&
        (found.mention.id === prev.id || abbreviates(found.mention.alias, text, prev, tokens, segmentationData(g.language).functionWords));
      // "la stratégie indo-pacifique des États-Unis", "Programme 2030 des Nations unies": a name
      // qualifying a listed entry is part of its name, not a mention of its own.
      const qualifier =
        prev &&
        QUALIFIED_TYPES.has(g.typeOf(prev.id) ?? 'state') &&
        ['state', 'org'].includes(g.typeOf(found.mention.id) ?? '') &&
        ctx.qualifier.has(foldAccents(between.trim()).replace(/\s+/g, ' '));
      // "Indian Ocean", "China Daily": a fixed name whose words are no mention.
      if (restated || qualifier || found.alias.kind === 'none') {
        i = found.next;
        continue;
      }
      named(found.mention, mentions, memory);
      rememberHead(found.alias, g, memory, ctx);
      i = found.next;
      continue;
    }
    const ref = backReference(tokens, i, memory, ctx);
    if (ref) {
      mentions.push(ref);
      memory.counts.set(ref.id, (memory.counts.get(ref.id) ?? 0) + 1);
      memory.heads.get(tokens[i].norm)!.set(ref.id, memory.position);
    }
    i++;
  }
  return mentions;
}

/** A name matched: a mention, and the document now knows the entry. */
function named(m: Mention, mentions: Mention[], memory: MatchMemory): void {
  mentions.push(m);
  memory.seen.add(m.id);
  memory.counts.set(m.id, (memory.counts.get(m.id) ?? 0) + 1);
}

/**
 * Two modifiers sharing one name: "North and South Korea", "the East and South China Seas". At
 * token i, a capitalised word and a coordinator, then a name ("South China Sea", its last word
 * perhaps plural); when the first word with the same rest is a name too, both are mentions.
 */
function sharedName(text: string, tokens: Token[], i: number, g: Gazetteer): { mentions: Mention[]; next: number } | null {
  const first = tokens[i];
  if (!STARTS_UPPER.test(first.raw) || i + 2 >= tokens.length || !STARTS_UPPER.test(tokens[i + 2].raw)) return null;
  const nameAt = (words: string[]): Alias | undefined => {
    let node = g.root;
    for (const w of words) {
      const child = node.next.get(w);
      if (!child) return undefined;
      node = child;
    }
    return node.aliases.find((a) => a.kind === 'name');
  };
  // The second name, the longest that fits, its last word singular or plural.
  let second: { alias: Alias; rest: string[]; last: number } | null = null;
  const words: string[] = [];
  for (let j = i + 2; j < tokens.length && j < i + 8; j++) {
    if (j > i + 2 && !/^[\s\-‑–]*$/u.test(text.slice(tokens[j - 1].end, tokens[j].start))) break;
    const norm = tokens[j].norm;
    for (const form of norm.length > 3 && norm.endsWith('s') ? [norm, norm.slice(0, -1)] : [norm]) {
      const alias = nameAt([...words, form]);
      if (alias) second = { alias, rest: [...words.slice(1), form], last: j };
    }
    words.push(norm);
  }
  if (!second || second.rest.length === 0) return null;
  const firstAlias = nameAt([first.norm, ...second.rest]);
  if (!firstAlias || firstAlias.id === second.alias.id) return null;
  const mention = (alias: Alias, start: number, end: number): Mention => ({ id: alias.id, start, end, kind: 'name', alias: alias.alias, rule: alias.rule });
  return {
    mentions: [mention(firstAlias, first.start, first.end), mention(second.alias, tokens[i + 2].start, tokens[second.last].end)],
    next: second.last + 1,
  };
}

function longestMatch(
  text: string,
  tokens: Token[],
  i: number,
  g: Gazetteer,
  memory: MatchMemory,
  ctx: EntityContext,
): { mention: Mention; alias: Alias; next: number } | null {
  let node = g.root;
  let best: { alias: Alias; next: number } | null = null;
  for (let j = i; j < tokens.length; j++) {
    // The trie first: most words continue no name, and then the gap before them does not matter.
    const child = j === i ? g.nameStart(tokens[j].form) : node.next.get(tokens[j].norm);
    if (!child) break;
    if (j > i && !ANY_GAP.test(text.slice(tokens[j - 1].end, tokens[j].start))) break;
    node = child;
    for (const alias of node.aliases) {
      if (j > i && !gapsFit(text, tokens, i, j, alias)) continue;
      if (accepts(alias, text, tokens, i, j + 1, memory, ctx)) {
        best = { alias, next: j + 1 };
        break;
      }
    }
  }
  if (!best) return null;
  const start = tokens[i].start;
  const end = tokens[best.next - 1].end + (best.alias.alias.endsWith('.') && text[tokens[best.next - 1].end] === '.' ? 1 : 0);
  return {
    mention: { id: best.alias.id, start, end, kind: best.alias.kind, alias: best.alias.alias, rule: best.alias.rule },
    alias: best.alias,
    next: best.next,
  };
}

/** Every gap between tokens i..j fits the alias. */
function gapsFit(text: string, tokens: Token[], i: number, j: number, alias: Alias): boolean {
  for (let k = i + 1; k <= j; k++) if (!gapFits(text.slice(tokens[k - 1].end, tokens[k].start), alias)) return false;
  return true;
}

function accepts(alias: Alias, text: string, tokens: Token[], i: number, next: number, memory: MatchMemory, ctx: EntityContext): boolean {
  const first = tokens[i];
  const upper = STARTS_UPPER.test(first.raw);
  switch (alias.kind) {
    case 'acronym':
      return (
        tokens
          .slice(i, next)
          .map((t) => t.raw.replace(/[^\p{L}\p{N}]/gu, ''))
          .join('') === alias.letters
      );
    case 'name':
      return !alias.capitalised || upper;
    case 'demonym':
      return !namesLanguage(tokens, i, next, upper, ctx);
    case 'combining':
      return next < tokens.length && tokens[next].afterHyphen;
    case 'capital': {
      if (!upper) return false;
      if (namesPlace(tokens, i, next, ctx)) return false;
      const before = tokens[i - 1];
      return !(before && ctx.locative.has(before.norm) && !before.elided) && !(before?.elided && before.norm === 'jusqu');
    }
    case 'surname':
      // A surname that no one else in diplomatic news bears ("Putin", "Macron") names the person at once.
      return upper;
    case 'none':
      return true;
    case 'short': {
      // A short form written in lower case in the gazetteer (a French demonym, "coréenne") is one in the text too.
      if (!upper && alias.capitalised) return false;
      if (memory.seen.has(alias.id)) return true;
      // A title or an initial cannot tell which of two people with the surname is meant.
      if (alias.shared) return false;
      // After a middle initial, the surname ends a full name: "Vladimir V. Putin".
      const before = tokens[i - 1];
      if (before && /^\p{Lu}$/u.test(before.raw) && text[before.end] === '.') return true;
      return ctx.honorific.some((h) => h.length <= i && h.every((k, n) => tokens[i - h.length + n].norm === k));
    }
  }
}

/** "le Sommet de Dakar", "la Déclaration de Bamako", "the Dakar Summit": the capital is where, not who. */
function namesPlace(tokens: Token[], i: number, next: number, ctx: EntityContext): boolean {
  const before = tokens[i - 1];
  // The noun, or the noun and one adjective ("le Palais royal de Rabat"), before "de".
  if (before && ctx.placeOf.has(before.norm) && [tokens[i - 2], tokens[i - 3]].some((head) => head && ctx.placeHead.has(head.norm))) return true;
  const after = tokens[next];
  return after !== undefined && STARTS_UPPER.test(after.raw) && ctx.placeTail.has(after.norm);
}

/** "la langue française", "the French language", "l'enseignement du français": the demonym names a language, not a state. */
function namesLanguage(tokens: Token[], i: number, next: number, upper: boolean, ctx: EntityContext): boolean {
  const before = tokens[i - 1];
  const after = tokens[next];
  if ((before && ctx.languageNoun.has(before.norm)) || (after && ctx.languageNoun.has(after.norm))) return true;
  return !upper && before !== undefined && ctx.languageArticle.has(before.norm);
}

function rememberHead(alias: Alias, g: Gazetteer, memory: MatchMemory, ctx: EntityContext): void {
  const type = g.typeOf(alias.id);
  if (type === 'state' || type === 'person' || type === 'region' || type === 'event') return;
  const head = alias.keys[0];
  if (ctx.head.has(head)) (memory.heads.get(head) ?? memory.heads.set(head, new Map()).get(head)!).set(alias.id, memory.position);
}

function backReference(tokens: Token[], i: number, memory: MatchMemory, ctx: EntityContext): Mention | null {
  const t = tokens[i];
  const candidates = memory.heads.get(t.norm);
  if (!candidates?.size) return null;
  if (!STARTS_UPPER.test(t.raw) && !ctx.headAnyCase.has(t.norm)) return null;
  const before = tokens[i - 1];
  if (!before || !ctx.article.has(before.norm)) return null;
  // "la Convention sur ..." with a name after it is a different entry, not a reference back.
  const after = tokens[i + 1];
  if (after && STARTS_UPPER.test(after.raw) && !after.afterHyphen) return null;
  // "cette Convention" points to the latest entry; "le traité" to a recent one, else the most named.
  const entries = [...candidates.entries()].sort((a, b) => b[1] - a[1]);
  let id = entries[0][0];
  if (!ctx.demonstrative.has(before.norm) && memory.position - entries[0][1] > 2)
    id = entries.sort((a, b) => (memory.counts.get(b[0]) ?? 0) - (memory.counts.get(a[0]) ?? 0) || b[1] - a[1])[0][0];
  return { id, start: t.start, end: t.end, kind: 'reference', alias: t.raw, rule: 'entities:reference-back' };
}

/** The acronym's letters are the initials of the last words of the mention's name, function words left out ("Parti communiste chinois" → PCC). */
function abbreviates(acronym: string, text: string, mention: Mention, tokens: Token[], functionWords: Set<string>): boolean {
  const letters = acronym.replace(/[^\p{Lu}]/gu, '');
  const initials = tokens
    .filter((t) => t.start >= mention.start && t.end <= mention.end && !functionWords.has(t.norm))
    .map((t) => t.raw[0].toUpperCase())
    .join('');
  return letters.length > 1 && initials.endsWith(letters);
}
