import path from 'node:path';
import { tokenize, type Token } from '../../core/tokenize.ts';
import { foldAccents } from '../../core/normalize.ts';
import { readTsv } from '../../lang/tsv.ts';
import { languageDir, hasLanguageData } from '../../lang/language-data.ts';
import type { Alias, Gazetteer } from './gazetteer.ts';

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
  /** Folded head noun → id of the last listed entry named with that head. */
  heads: Map<string, string>;
}

interface EntityContext {
  locative: Set<string>;
  honorific: string[][];
  article: Set<string>;
  head: Set<string>;
}

const contextCache = new Map<string, EntityContext>();

function entityContext(language: string): EntityContext {
  const lang = hasLanguageData(language) ? language : 'en';
  let ctx = contextCache.get(lang);
  if (!ctx) {
    ctx = { locative: new Set(), honorific: [], article: new Set(), head: new Set() };
    for (const row of readTsv(path.join(languageDir(lang), 'entity-context.tsv'), ['kind', 'word'])) {
      const keys = tokenize(row.cells.word).map((t) => t.norm);
      const word = keys.join(' ');
      switch (row.cells.kind) {
        case 'locative': ctx.locative.add(foldAccents(row.cells.word).replace(/'$/, '')); break;
        case 'honorific': ctx.honorific.push(keys); break;
        case 'article': ctx.article.add(foldAccents(row.cells.word).replace(/'$/, '')); break;
        case 'head': ctx.head.add(word); break;
      }
    }
    contextCache.set(lang, ctx);
  }
  return ctx;
}

// Between two tokens of one name: spaces, hyphens, apostrophes, dots (and a comma if the alias has one).
const NAME_GAP = /^[\s\-‑–'’.]*$/u;
const NAME_GAP_COMMA = /^[\s\-‑–'’.,]*$/u;

/**
 * Finds entity mentions in `text[from, to)`: the longest alias starting at each token, kept
 * when its kind's condition holds (acronyms match case; a capital only when it acts; a
 * combining form only before a hyphen; a surname only once the person is known).
 * Capitalised head nouns ("le Traité") refer back to the last listed entry with that head.
 */
export function findMentions(text: string, from: number, to: number, g: Gazetteer, memory: MatchMemory): Mention[] {
  const ctx = entityContext(g.language);
  const tokens = tokenize(text, from, to);
  const mentions: Mention[] = [];
  for (let i = 0; i < tokens.length; ) {
    const found = longestMatch(text, tokens, i, g, memory, ctx);
    if (found) {
      mentions.push(found.mention);
      memory.seen.add(found.mention.id);
      rememberHead(tokens[i], found.alias, g, memory, ctx);
      i = found.next;
      continue;
    }
    const ref = backReference(tokens, i, memory, ctx);
    if (ref) mentions.push(ref);
    i++;
  }
  return mentions;
}

function longestMatch(text: string, tokens: Token[], i: number, g: Gazetteer, memory: MatchMemory, ctx: EntityContext): { mention: Mention; alias: Alias; next: number } | null {
  let node = g.root;
  let best: { alias: Alias; next: number } | null = null;
  for (let j = i; j < tokens.length; j++) {
    if (j > i) {
      const gap = text.slice(tokens[j - 1].end, tokens[j].start);
      if (!NAME_GAP_COMMA.test(gap)) break;
    }
    const child = node.next.get(tokens[j].norm);
    if (!child) break;
    node = child;
    for (const alias of node.aliases) {
      if (j > i && !alias.alias.includes(',') && tokens.slice(i + 1, j + 1).some((t, k) => !NAME_GAP.test(text.slice(tokens[i + k].end, t.start)))) continue;
      if (accepts(alias, tokens, i, j + 1, memory, ctx)) {
        best = { alias, next: j + 1 };
        break;
      }
    }
  }
  if (!best) return null;
  const start = tokens[i].start;
  const end = tokens[best.next - 1].end + (best.alias.alias.endsWith('.') && text[tokens[best.next - 1].end] === '.' ? 1 : 0);
  return { mention: { id: best.alias.id, start, end, kind: best.alias.kind, alias: best.alias.alias, rule: best.alias.rule }, alias: best.alias, next: best.next };
}

function accepts(alias: Alias, tokens: Token[], i: number, next: number, memory: MatchMemory, ctx: EntityContext): boolean {
  const first = tokens[i];
  const upper = /^\p{Lu}/u.test(first.raw);
  switch (alias.kind) {
    case 'acronym':
      return tokens.slice(i, next).map((t) => t.raw.replace(/[^\p{L}\p{N}]/gu, '')).join('') === alias.letters;
    case 'name':
      return !alias.capitalised || upper;
    case 'demonym':
      return true;
    case 'combining':
      return next < tokens.length && tokens[next].afterHyphen;
    case 'capital': {
      if (!upper) return false;
      const before = tokens[i - 1];
      return !(before && ctx.locative.has(before.norm) && !before.elided) && !(before?.elided && before.norm === 'jusqu');
    }
    case 'short': {
      if (!upper) return false;
      if (memory.seen.has(alias.id)) return true;
      return ctx.honorific.some((h) => h.length <= i && h.every((k, n) => tokens[i - h.length + n].norm === k));
    }
  }
}

function rememberHead(first: Token, alias: Alias, g: Gazetteer, memory: MatchMemory, ctx: EntityContext): void {
  const type = g.typeOf(alias.id);
  if (type === 'state' || type === 'person' || type === 'region' || type === 'event') return;
  const head = alias.keys[0];
  if (ctx.head.has(head) && /^\p{Lu}/u.test(alias.alias)) memory.heads.set(head, alias.id);
  void first;
}

function backReference(tokens: Token[], i: number, memory: MatchMemory, ctx: EntityContext): Mention | null {
  const t = tokens[i];
  if (!/^\p{Lu}/u.test(t.raw) || !memory.heads.has(t.norm)) return null;
  const before = tokens[i - 1];
  if (!before || !ctx.article.has(before.norm)) return null;
  // "la Convention sur ..." with a name after it is a different entry, not a reference back.
  const after = tokens[i + 1];
  if (after && /^\p{Lu}/u.test(after.raw) && !after.afterHyphen) return null;
  const id = memory.heads.get(t.norm)!;
  return { id, start: t.start, end: t.end, kind: 'reference', alias: t.raw, rule: 'entities:reference-back' };
}
