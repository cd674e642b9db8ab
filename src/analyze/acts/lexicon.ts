import path from 'node:path';
import { ACTS, EntenteError, type Act } from '../../core/types.ts';
import { foldAccents } from '../../core/normalize.ts';
import { tokenize } from '../../core/tokenize.ts';
import { readTsv } from '../../lang/tsv.ts';
import { hasLanguageData, languageDir, segmentationData } from '../../lang/language-data.ts';
import { compilePattern } from '../../lang/pattern.ts';

/**
 * One alternative of a pattern token: a whole word, a prefix ("renforc*"), an ending ("*eront"),
 * or a word class ("@poss", whose words are `members`). One shape for all four: the matcher tests
 * alternatives in its innermost loop.
 */
interface WordTest {
  test: 'exact' | 'prefix' | 'suffix' | 'cls';
  /** The word, prefix or ending; the class name for `cls`. */
  value: string;
  negated: boolean;
  members: Set<string> | null;
}

export interface PatternToken {
  kind: 'word' | 'gap';
  alternatives: WordTest[];
  /** The same alternatives split once, for the matcher's hot loop. */
  positive: WordTest[];
  negative: WordTest[];
  optional: boolean;
}

export type CueFlag = 'holder' | 'modal' | 'frame' | 'initial' | 'task-object' | 'any-subject' | 'news';

export interface Cue {
  /** Position in the lexicon, used by the matcher to try a cue once per word. */
  id: number;
  act: Act | '-';
  pattern: PatternToken[];
  source: string;
  flags: Set<CueFlag>;
  /** What the act becomes under negation: another act, or null to drop it. Undefined: unchanged. */
  negated?: Act | null;
  rule: string;
  /** The rule of the acts it finds: its lexicon row and the cue as written. */
  actRule: string;
  /**
   * A word the cue cannot match without, after its first (see keyTokenOf): the matcher skips the cue
   * in a provision where no word passes it. Null when every later token is optional or a word class.
   */
  key: PatternToken | null;
}

export type HolderPhraseKind = 'joint' | 'self' | 'document' | 'carry' | 'carry-plural' | 'role' | 'members';

export interface HolderPhrase {
  kind: HolderPhraseKind;
  /** Folded words, elision apostrophes dropped. */
  keys: string[];
  rule: string;
  /**
   * A role that names a state's office by itself ("le président de la République": FRA; "le roi": the
   * kingdoms): the states it can be, of which the party among them is meant.
   */
  states?: string[];
  /** Position in the lexicon's `holderPhrases` (longest first). */
  rank: number;
  /** The phrase without its article, as titles are bound to their holders: "le Premier ministre" → "premier ministre". */
  title: string;
}

export interface ActLexicon {
  language: string;
  cues: Cue[];
  /** Cues indexed by their first token: whole words (classes expanded), prefixes (first two letters), endings (last two letters); the rest in `generic`. */
  byWord: Map<string, Cue[]>;
  byPrefix: Map<string, Cue[]>;
  bySuffix: Map<string, Cue[]>;
  generic: Cue[];
  classes: Map<string, Set<string>>;
  /** The same classes with accents kept (lower case): "a" (has) is not "à" (to). */
  exactClasses: Map<string, Set<string>>;
  /** Longest first. */
  holderPhrases: HolderPhrase[];
  /** The `role` phrases among them. */
  rolePhrases: HolderPhrase[];
  /** Nouns that name the statement itself (from the `document` phrases): a speaker named so is relayed, not quoted. */
  documentNouns: Set<string>;
  /** The same phrases by their first word. */
  holderPhrasesByFirst: Map<string, HolderPhrase[]>;
  frames: { kind: 'trailing' | 'leading'; pattern: RegExp; rule: string }[];
  /** Where a speaker's phrase ends ("lors d'une conférence ..."). */
  speakerEnd: RegExp[];
}

const GAP = new Set(['…', '...']);
/** The word classes the acts stage reads itself (besides those cue patterns name): every language defines them. */
const STAGE_CLASSES = [
  'aux',
  'neg-before',
  'neg-after',
  'relative',
  'pronoun',
  'adverbial',
  'subject-det',
  'poss-self',
  'actor-noun',
  'clause-join',
  'complementiser',
  'of',
  'noun-prep',
  'article',
  'list-intro',
  'agreement-intro',
  'list-join',
  'finite',
  'domain-list',
  'agreement-title',
  'source-prep',
];
/** Longest cue text a rule quotes: the row's location names the whole cue; a code carries its rule, so long alternations would weigh on every stored code. */
const RULE_CUE_CHARS = 60;

/** A cue as a rule quotes it: whole, or cut after an alternative with "…" ("renforcer|renforceront|…"). */
function shortCue(cue: string): string {
  if (cue.length <= RULE_CUE_CHARS) return cue;
  const cut = cue.lastIndexOf('|', RULE_CUE_CHARS);
  return `${cue.slice(0, cut > 0 ? cut + 1 : RULE_CUE_CHARS)}…`;
}

const FLAGS: CueFlag[] = ['holder', 'modal', 'frame', 'initial', 'task-object', 'any-subject', 'news'];
const cache = new Map<string, ActLexicon>();

function compileToken(spec: string, classes: Map<string, Set<string>>, where: string): PatternToken {
  if (GAP.has(spec)) return { kind: 'gap', alternatives: [], positive: [], negative: [], optional: true };
  const optional = spec.endsWith('?') && spec.length > 1;
  const body = optional ? spec.slice(0, -1) : spec;
  const alternatives = body.split('|').map((raw): WordTest => {
    // "!x" excludes: a word matching any excluded alternative does not match the token.
    const negated = raw.startsWith('!');
    const alt = negated ? raw.slice(1) : raw;
    if (alt.startsWith('@')) {
      const cls = alt.slice(1);
      if (!classes.has(cls)) throw new EntenteError(`unknown word class "@${cls}"`, where, 'define it in classes.tsv');
      return { test: 'cls', value: cls, negated, members: classes.get(cls)! };
    }
    const word = foldAccents(alt).replace(/['’]/g, '');
    // A token of the text is letters and digits (hyphens and spaces separate tokens): an
    // alternative with anything else could never match and would silently disable the cue.
    if (!/^\*?[\p{L}\p{N}.]+\*?$/u.test(word))
      throw new EntenteError(
        `cue word "${alt}" can never match one word of the text`,
        where,
        'words are letters and digits: write "co-présidé" as two tokens ("co présid*") on a row of its own',
      );
    if (word.startsWith('*')) return { test: 'suffix', value: word.slice(1), negated, members: null };
    if (word.endsWith('*')) return { test: 'prefix', value: word.slice(0, -1), negated, members: null };
    return { test: 'exact', value: word, negated, members: null };
  });
  return { kind: 'word', alternatives, positive: alternatives.filter((a) => !a.negated), negative: alternatives.filter((a) => a.negated), optional };
}

/** Whether a word is an actor noun ("minister", "side"), in the singular or a plural in -s ("ministres", "leaders"). */
export function isActorNoun(token: { norm: string }, lex: ActLexicon): boolean {
  const actorNouns = lex.classes.get('actor-noun')!;
  return actorNouns.has(token.norm) || actorNouns.has(token.norm.replace(/s$/, ''));
}

/**
 * Of the required tokens after the first whose alternatives are words or prefixes only, the one
 * whose shortest alternative is longest ("rencontré" in "a|ont … rencontré", not "de" in "ont|a …
 * décidé de"): long words are rare, while a first token is often a frequent one ("a", "ont", "se").
 */
function keyTokenOf(pattern: PatternToken[]): PatternToken | null {
  let key: PatternToken | null = null;
  let keyLength = 0;
  for (const t of pattern.slice(1)) {
    if (t.kind !== 'word' || t.optional || !t.positive.length || !t.positive.every((a) => a.test === 'exact' || a.test === 'prefix')) continue;
    const shortest = Math.min(...t.positive.map((a) => a.value.length));
    if (shortest >= keyLength) [key, keyLength] = [t, shortest];
  }
  return key;
}

/** Loads and validates the act lexicon of a language (acts, classes, holder phrases, frames). */
export function loadActLexicon(language: string): ActLexicon {
  const lang = hasLanguageData(language) ? language : 'en';
  const cached = cache.get(lang);
  if (cached) return cached;
  const dir = languageDir(lang);
  const classes = new Map<string, Set<string>>();
  const exactClasses = new Map<string, Set<string>>();
  for (const row of readTsv(path.join(dir, 'classes.tsv'), ['class'])) {
    const words = (row.cells.words ?? '').split(/\s+/).filter(Boolean);
    classes.set(row.cells.class, new Set(words.map((w) => foldAccents(w).replace(/['’]/g, ''))));
    exactClasses.set(row.cells.class, new Set(words.map((w) => w.toLowerCase())));
  }
  // @month: the month names of months.tsv, the list the date reader uses, rather than a second copy here.
  if (!classes.has('month')) {
    const months = [...segmentationData(lang).months.keys()];
    classes.set('month', new Set(months.map((m) => foldAccents(m))));
    exactClasses.set('month', new Set(months));
  }
  for (const name of STAGE_CLASSES)
    if (!classes.has(name))
      throw new EntenteError(`no word class "${name}"`, path.join(dir, 'classes.tsv'), `add a line "${name}<TAB>words" (the words may be none)`);
  const cues: Cue[] = [];
  const seen = new Map<string, string>();
  for (const row of readTsv(path.join(dir, 'acts.tsv'), ['act', 'cue'])) {
    const act = row.cells.act as Act | '-';
    if (act !== '-' && !ACTS.includes(act as Act)) throw new EntenteError(`unknown act "${act}"`, row.where, `use one of ${ACTS.join(', ')} or - (mask)`);
    const key = `${act}\t${row.cells.cue}`;
    if (seen.has(key))
      throw new EntenteError(`duplicate cue "${row.cells.cue}" for ${act} (first at ${seen.get(key)})`, row.where, 'remove one of the two lines');
    seen.set(key, row.where);
    const flags = new Set<CueFlag>();
    let negated: Act | null | undefined;
    for (const flag of (row.cells.flags ?? '').split(/[,\s]+/).filter(Boolean)) {
      if (flag.startsWith('neg=')) {
        const value = flag.slice(4);
        if (value !== 'none' && !ACTS.includes(value as Act)) throw new EntenteError(`unknown act in "${flag}"`, row.where);
        negated = value === 'none' ? null : (value as Act);
      } else if (FLAGS.includes(flag as CueFlag)) flags.add(flag as CueFlag);
      else throw new EntenteError(`unknown flag "${flag}"`, row.where, `use ${FLAGS.join(', ')} or neg=ACT`);
    }
    const pattern = row.cells.cue.split(/\s+/).map((t) => compileToken(t, classes, row.where));
    if (pattern[0].kind === 'gap') throw new EntenteError('a cue cannot start with a gap', row.where);
    cues.push({
      id: cues.length,
      act,
      pattern,
      source: row.cells.cue,
      flags,
      negated,
      rule: row.where,
      actRule: `${row.where} ${shortCue(row.cells.cue)}`,
      key: keyTokenOf(pattern),
    });
  }
  const byWord = new Map<string, Cue[]>();
  const byPrefix = new Map<string, Cue[]>();
  const bySuffix = new Map<string, Cue[]>();
  const generic: Cue[] = [];
  const add = (map: Map<string, Cue[]>, key: string, cue: Cue) => {
    const list = map.get(key) ?? map.set(key, []).get(key)!;
    if (!list.includes(cue)) list.push(cue);
  };
  for (const cue of cues) {
    const first = cue.pattern[0];
    if (first.optional || first.negative.length || !first.positive.length) {
      generic.push(cue);
      continue;
    }
    for (const a of first.positive) {
      if (a.test === 'exact') add(byWord, a.value, cue);
      else if (a.test === 'cls') for (const w of a.members!) add(byWord, w, cue);
      else if (a.test === 'prefix' && a.value.length >= 2) add(byPrefix, a.value.slice(0, 2), cue);
      else if (a.test === 'suffix' && a.value.length >= 2) add(bySuffix, a.value.slice(-2), cue);
      else if (!generic.includes(cue)) generic.push(cue);
    }
  }
  const holderPhrases = readTsv(path.join(dir, 'holders.tsv'), ['kind', 'phrase']).map((row) => {
    const kind = row.cells.kind as HolderPhraseKind;
    if (!['joint', 'self', 'document', 'carry', 'carry-plural', 'role', 'members'].includes(kind))
      throw new EntenteError(`unknown holder phrase kind "${kind}"`, row.where, 'use joint, self, document, carry, carry-plural, role or members');
    const keys = tokenize(row.cells.phrase).map((t) => t.norm.replace(/['’]/g, ''));
    if (!keys.length) throw new EntenteError(`holder phrase "${row.cells.phrase}" has no word`, row.where);
    const states = row.cells.state ? row.cells.state.split(/\s+/).filter(Boolean) : undefined;
    for (const state of states ?? [])
      if (kind !== 'role' || !/^[A-Z]{3}$/.test(state))
        throw new EntenteError(
          `holder phrase state "${state}" must be an alpha-3 code on a role line`,
          row.where,
          'write it as FRA, DEU, ... (several separated by spaces) on a line of kind role',
        );
    return { kind, keys, rule: row.where, states, rank: 0, title: (keys.length > 1 ? keys.slice(1) : keys).join(' ') };
  });
  holderPhrases.sort((a, b) => b.keys.length - a.keys.length);
  holderPhrases.forEach((phrase, i) => (phrase.rank = i));
  // The nouns naming the document: the one word of a document phrase besides its determiner
  // ("le communiqué", "the statement", "it"), not the adjectives of the longer ones.
  const documentNouns = new Set(
    holderPhrases
      .filter((h) => h.kind === 'document')
      .map((h) => h.keys.filter((k) => !classes.get('det')!.has(k)))
      .filter((rest) => rest.length === 1)
      .map(([noun]) => noun),
  );
  const holderPhrasesByFirst = new Map<string, HolderPhrase[]>();
  for (const phrase of holderPhrases)
    (holderPhrasesByFirst.get(phrase.keys[0]) ?? holderPhrasesByFirst.set(phrase.keys[0], []).get(phrase.keys[0])!).push(phrase);
  const frames: ActLexicon['frames'] = [];
  const speakerEnd: RegExp[] = [];
  for (const row of readTsv(path.join(dir, 'frames.tsv'), ['kind', 'pattern'])) {
    const kind = row.cells.kind;
    if (kind !== 'trailing' && kind !== 'leading' && kind !== 'speaker-end')
      throw new EntenteError(`unknown frame kind "${kind}"`, row.where, 'use trailing, leading or speaker-end');
    let pattern: RegExp;
    try {
      pattern = compilePattern(row.cells.pattern, 'iu');
    } catch (err) {
      throw new EntenteError(`bad regular expression (${(err as Error).message})`, row.where);
    }
    if (kind === 'speaker-end') speakerEnd.push(pattern);
    else frames.push({ kind, pattern, rule: row.where });
  }
  const lexicon: ActLexicon = {
    language: lang,
    cues,
    byWord,
    byPrefix,
    bySuffix,
    generic,
    classes,
    exactClasses,
    holderPhrases,
    rolePhrases: holderPhrases.filter((phrase) => phrase.kind === 'role'),
    documentNouns,
    holderPhrasesByFirst,
    frames,
    speakerEnd,
  };
  cache.set(lang, lexicon);
  return lexicon;
}
