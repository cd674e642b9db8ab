import { entitiesByProvision, type Act, type Annotation, type Doc, type Provision } from '../../core/types.ts';
import { tokenize, tokensOf, type Token } from '../../core/tokenize.ts';
import type { Stage } from '../stage.ts';
import { loadGazetteer, type Gazetteer } from '../entities/gazetteer.ts';
import { mentionKind } from '../entities/stage.ts';
import { honorificsOf } from '../entities/match.ts';
import { isActorNoun, loadActLexicon, type ActLexicon, type HolderPhrase, type HolderPhraseKind } from './lexicon.ts';
import { matchCues, wordOf, wordsOfTokens, type CueMatch } from './cue-match.ts';
import { findFrame, type Frame } from './frames.ts';
import { officialsIntroduced } from './officials.ts';
import { segmentationData } from '../../lang/language-data.ts';
import { memberOfParty } from '../groups.ts';
import { byCodeUnits, sortInPlace } from '../../core/sort.ts';

/** How the subject of a clause was resolved. */
type SubjectKind = HolderPhraseKind | 'explicit' | 'none' | 'empty';

interface Subject {
  kind: SubjectKind;
  /** Actor codes when explicit; parties or carried holders otherwise. */
  holders: string[];
  /** The subject is the parties (or one of them): their future and modals are commitments. */
  isHolder: boolean;
  start: number;
  end: number;
  rule: string;
}

interface Clause {
  /** Token range [first, end) of the clause within the provision. */
  first: number;
  end: number;
  subject: Subject;
  type: 'main' | 'coordinate' | 'verb-phrase' | 'complement' | 'sentence';
  /** The clause has a verb (an auxiliary or a cue): it can state something. */
  finite: boolean;
  /** The clause is a saying verb whose complement follows ("ont souligné que ..."). */
  ownsComplement: boolean;
  /** A verb phrase: the clause whose subject it shares ("a rappelé que ... et a invité": the first). */
  owner?: number;
}

interface ActFound {
  act: Act;
  start: number;
  end: number;
  rule: string;
  detail?: string;
  strong: boolean;
  /** Found by a verb of saying ("said", "a souligné"): an act only when nothing stronger is said. */
  saying?: boolean;
  clause: number;
}

/** Numbered paragraphs are the statement's own; bullets and lettered items ("a)", "(ii)") can be the items of a list. */
const LIST_ITEM_NUMBER = /^\d+$|^[IVXLC]+$/;
const STARTS_UPPER = /^\p{Lu}/u;
const SINGLE_CAPITAL = /^\p{Lu}$/u;
const INITIALS = /^(?:\p{L}\.)+\p{L}$/u;
const SENTENCE_END = /[.!?…]["»”]?\s/u;

/** Subjects that are the parties themselves: "les deux États", "nous", or none. */
const PARTY_SUBJECTS = new Set<string>(['joint', 'self', 'empty']);
/** At most one word between two spans, with no punctuation: one verb group ("continueront de travailler"). */
const WORDS_APART = /^\s*(?:[\p{L}’']+\s+)?$/u;

/**
 * Acts and holders stage (codebook section 4): for each provision, what the holder does
 * (cues from the language's act lexicon, with negation, modality and clause structure) and
 * who does it (subjects, attribution frames, pronouns carried from the previous provision,
 * task lists). Every code carries its evidence span and the lexicon row or rule behind it.
 */
export const actsStage: Stage = {
  name: 'acts-holders',
  run(doc, context) {
    const lex = loadActLexicon(doc.language);
    const g = loadGazetteer(doc.language, context.extraGazetteers);
    let previous: string[] = doc.parties;
    // Titles bound to the party whose office they name ("le président de la République" in a French statement).
    const roles = new Map<string, string>();
    for (const h of lex.rolePhrases) {
      const party = h.states?.filter((s) => doc.parties.includes(s)) ?? [];
      if (party.length === 1) roles.set(h.title, party[0]);
    }
    const mentionsOf = entitiesByProvision(doc);
    let taskList = false;
    let taskParagraph = -1;
    // After "sont convenues de ce qui suit :" / "have agreed as follows:", the rest is the agreed text;
    // a treaty's or an agreement's own text ("Traité entre ...", "Agreement between ...") is all of it.
    let agreedText = doc.docType === 'statement_text' && titledAsAgreement(doc, lex);
    let previousOnePerson = false;
    // The parties whose people the gazetteer has recognised so far in the document.
    const partiesNamedByPerson = new Set<string>();
    const officials = officialsIntroduced(doc, lex, g, mentionsOf);
    // A quotation opened in an earlier provision and not closed yet (a speaker's words over several paragraphs).
    let quoteOpen = false;
    for (const p of doc.provisions) {
      const isListItem = !!p.section && !LIST_ITEM_NUMBER.test(p.section);
      if (!isListItem && p.paragraph !== taskParagraph) taskList = false;
      // Titles named with their holder in this provision ("Prime Minister Trudeau") already stand for them in it.
      bindRoles(doc, p, lex, g, roles, mentionsOf[p.index]);
      const result = analyzeProvision(
        doc,
        p,
        lex,
        g,
        previous,
        taskList && (isListItem || p.paragraph === taskParagraph),
        roles,
        mentionsOf[p.index],
        agreedText,
        previousOnePerson,
        partiesNamedByPerson,
        officials,
        // A news report's quotation that goes on, or a quoted paragraph after one side's words, is that side's.
        doc.docType === 'news_report' && previous.length === 1 && (quoteOpen || /^["«“]/u.test(p.text)) ? previous : null,
      );
      // Only a news report's quotations are followed from one provision to the next.
      if (doc.docType === 'news_report') quoteOpen = quotationOpenAfter(quoteOpen, p.text);
      for (const m of mentionsOf[p.index]) {
        const state = g.typeOf(m.label) === 'person' ? g.stateOf(m.label) : null;
        if (state && doc.parties.includes(state)) partiesNamedByPerson.add(state);
      }
      previousOnePerson = result.onePerson;
      if (isListItem && taskList) taskParagraph = p.paragraph;
      previous = result.holders.length ? result.holders : previous;
      // Both ways of announcing a task list, and the formula before an agreed text, end with a colon.
      if (p.text.trimEnd().endsWith(':')) {
        if (announcesList(doc, p, lex) || result.acts.has('commit')) taskList = true;
        if (result.acts.has('commit') && announcesList(doc, p, lex, 'agreement-intro')) agreedText = true;
      }
    }
  },
};

/** The title opens with a word of the `agreement-title` class ("Traité ...", "The Agreement between ..."), articles aside. */
function titledAsAgreement(doc: Doc, lex: ActLexicon): boolean {
  const title = doc.lines.find((l) => l.kind === 'title');
  if (!title) return false;
  const articles = lex.classes.get('article')!;
  const first = tokensOf(doc, title.start, title.end).find((t) => !articles.has(wordOf(t)));
  return !!first && lex.classes.get('agreement-title')!.has(wordOf(first));
}

/**
 * The provision ends with a word announcing a list before its colon: "les tâches suivantes :", "the
 * following:" (`list-intro`), or what the parties agreed: "ce qui suit :", "as follows:" (`agreement-intro`).
 */
function announcesList(doc: Doc, p: Provision, lex: ActLexicon, cls: 'list-intro' | 'agreement-intro' = 'list-intro'): boolean {
  const tokens = tokensOf(doc, p.start, p.end);
  const last = tokens[tokens.length - 1];
  return !!last && lex.classes.get(cls)!.has(wordOf(last));
}

/**
 * Remembers who holds a title: "le chancelier fédéral Olaf Scholz" binds "chancelier" to DEU,
 * so that a later "a souligné le chancelier" is the chancellor's.
 */
function bindRoles(doc: Doc, p: Provision, lex: ActLexicon, g: Gazetteer, roles: Map<string, string>, mentions: Annotation[]): void {
  const tokens = tokensOf(doc, p.start, p.end);
  const words = wordsOfTokens(tokens);
  for (const a of mentions) {
    if (g.typeOf(a.label) !== 'person' || !g.stateOf(a.label)) continue;
    const i = tokenIndexAt(tokens, a.start);
    const before = ` ${words.slice(Math.max(0, i - 4), i).join(' ')} `;
    for (const phrase of lex.rolePhrases) if (before.includes(` ${phrase.title} `)) roles.set(phrase.title, g.stateOf(a.label)!);
  }
}

/** What each step of one provision's analysis reads: its document and words, the language's lexicon and gazetteer, its entity mentions, the holders of the provision before, and the titles bound so far. */
interface ProvisionScope {
  doc: Doc;
  tokens: Token[];
  words: string[];
  lex: ActLexicon;
  g: Gazetteer;
  mentions: Annotation[];
  parties: string[];
  previous: string[];
  /** The previous provision's holder was named by one person ("Prime Minister Kishida said ..."). */
  previousOnePerson: boolean;
  roles: Map<string, string>;
  partiesNamedByPerson: ReadonlySet<string>;
  /** Words of the names of people the gazetteer does not know, with the state the document gave them. */
  officials: ReadonlyMap<string, string>;
}

function analyzeProvision(
  doc: Doc,
  p: Provision,
  lex: ActLexicon,
  g: Gazetteer,
  previous: string[],
  inTaskList: boolean,
  roles: Map<string, string>,
  mentions: Annotation[],
  inAgreedText = false,
  previousOnePerson = false,
  partiesNamedByPerson: ReadonlySet<string> = new Set(),
  officials: ReadonlyMap<string, string> = new Map(),
  quoteSpeaker: string[] | null = null,
): { acts: Set<Act>; holders: string[]; onePerson: boolean } {
  const tokens = tokensOf(doc, p.start, p.end);
  const parties = doc.parties;
  const words = wordsOfTokens(tokens);
  const scope: ProvisionScope = { doc, tokens, words, lex, g, mentions, parties, previous, previousOnePerson, roles, partiesNamedByPerson, officials };

  // 1. Attribution frames: "..., a affirmé M. Wang." / "Selon le communiqué, ...".
  const frame = findFrame(p, lex);
  let contentFirst = 0;
  let contentEnd = tokens.length;
  if (frame?.kind === 'trailing') {
    const at = tokens.findIndex((t) => t.start >= frame.start);
    if (at >= 0) contentEnd = at;
  }
  if (frame?.kind === 'leading')
    contentFirst = Math.max(
      0,
      tokens.findIndex((t) => t.start >= frame.end),
    );
  // A quoted speaker recounting events asserts them; a statement relayed by a report ("...," the
  // statement said) keeps its own acts.
  const quoted = /^["«“]/u.test(p.text) && !!frame && !isDocumentSpeaker(doc, frame, lex);

  // 2. Cues, filtered: not in parentheses, not in relative clauses; masks applied.
  const paren = parenthesised(doc.text, p.start, p.end);
  const all = matchCues(tokens, lex);
  const masks = all.filter((m) => m.cue.act === '-');
  const relative = lex.classes.get('relative');
  const complementiser = lex.classes.get('complementiser')!;
  // ", which China appreciates": a relative clause with one of the parties as its subject is that party's act too.
  const relativeHolders = new Set<string>();
  const cues = all.filter((m) => {
    if (m.cue.act === '-') return false;
    if (masks.some((k) => k.first <= m.first && m.last <= k.last)) return false;
    if (paren.some(([s, e]) => tokens[m.first].start > s && tokens[m.first].start < e)) return false;
    if (m.first >= contentEnd && m.cue.act !== 'call') return false;
    const before = tokens[m.first - 1];
    // "actions that seek to ...": a complementiser right before a verb has no subject between, so it is a relative pronoun.
    if (before && (relative?.has(words[m.first - 1]) || complementiser.has(words[m.first - 1])) && !m.cue.flags.has('frame')) return false;
    // "agreements under which Saudi Arabia will acquire ...": a relative clause describes what it follows.
    const pronoun = relative && !m.cue.flags.has('frame') ? relativePronounBefore(doc, tokens, words, m.first, relative) : -1;
    if (pronoun >= 0) {
      const subject =
        pronoun > 0 && doc.text.slice(tokens[pronoun - 1].end, tokens[pronoun].start).includes(',')
          ? resolveSubject(scope, pronoun + 1, m.first, previous)
          : null;
      if (subject?.kind !== 'explicit' || !subject.holders.length || !subject.holders.every((h) => doc.parties.includes(h))) return false;
      subject.holders.forEach((h) => relativeHolders.add(h));
    }
    return true;
  });

  // 3. Clauses: the main one, coordinated ones, complements of saying verbs, quoted sentences.
  const clauses = splitClauses(scope, cues, contentFirst, contentEnd);

  // 4. Acts, clause by clause.
  const found: ActFound[] = [];
  const callAt = new Map<number, number>();
  for (const m of cues) {
    const c = clauseOf(clauses, m.first);
    const start = tokens[m.first].start;
    const end = tokens[m.last].end;
    const subject = clauses[c].subject;
    const inAttribution = m.first >= contentEnd;
    let act = m.cue.act as Act;
    let detail: string | undefined;
    if (m.cue.flags.has('initial')) {
      // A task ("Renforcer ..."), or a further task in the same item ("..., et promouvoir ...").
      const furtherTask = clauses[c].type === 'verb-phrase' && clauses[c].first === m.first && clauses[0].subject.kind === 'empty';
      if (m.first !== contentFirst && !furtherTask) continue;
      found.push({ act: 'commit', start, end, rule: m.cue.actRule, detail: 'subject-less task', strong: true, clause: c });
      continue;
    }
    // What others are called on to do is not an act of the holders: "appellent X à soutenir Y";
    // but a conjugated verb after "and" is the holders' again: "urged X to ... and reaffirmed ...".
    if (act !== 'call' && callAt.has(c) && m.first > callAt.get(c)! && m.first < ownVerbAfter(scope, callAt.get(c)! + 1, clauses[c].end)) continue;
    if (
      m.cue.flags.has('task-object') &&
      subject.kind === 'empty' &&
      !mentions.some((a) => a.start >= tokens[m.last].end && a.start <= (tokens[m.last + 4]?.end ?? p.end))
    )
      continue;
    // In a news report, a third party named as the subject acts on its own ("Tokyo expressed
    // concern ..."); in a statement's text, such a sentence is the authors' view of it.
    const general = subject.kind === 'none' || (subject.kind === 'explicit' && !subject.isHolder && !reportsOthers(doc, clauses[c]));
    if (!inAttribution && general && !m.cue.flags.has('modal') && !m.cue.flags.has('frame') && !m.cue.flags.has('any-subject') && act !== 'report') continue;
    if (m.cue.flags.has('holder') && !subject.isHolder) continue;
    // A news report's narrator giving background ("Trade reached $40 billion last year"); in a
    // statement's text, or said by someone, such a sentence is a view.
    if (m.cue.flags.has('news') && (doc.docType !== 'news_report' || quoted || (frame && !isRecordSource(scope, frame)))) continue;
    if (m.cue.flags.has('modal')) {
      act = subject.isHolder && subject.kind !== 'empty' && subject.kind !== 'document' ? 'commit' : 'call';
      detail = act === 'commit' ? 'modal with the holders as subject' : 'modal addressed to others';
    }
    if (isNegated(words, m, lex)) {
      if (m.cue.negated === null) continue;
      if (m.cue.negated) {
        act = m.cue.negated;
        detail = 'negated';
      }
    }
    if (act === 'report' && quoted) {
      act = 'assert';
      detail = 'events recounted by a quoted speaker';
    }
    // Cues after a call in its clause, a verb or a modal ("appellent X à ...", "il convient de poursuivre ..."), are what others are to do.
    if (act === 'call' && !callAt.has(c)) callAt.set(c, m.last);
    // "continueront de travailler ensemble": a cue that carries on the verb group of the same act
    // just before it is one act, not a second one (which would cut the clause in two for positions).
    if (found.some((f) => f.act === act && f.clause === c && f.end <= start && WORDS_APART.test(doc.text.slice(f.end, start)))) continue;
    found.push({ act, start, end, rule: m.cue.actRule, detail, strong: !m.cue.flags.has('frame'), saying: m.cue.flags.has('frame'), clause: c });
  }
  if (inTaskList && !found.some((f) => f.act === 'commit'))
    found.push({
      act: 'commit',
      start: p.start,
      end: Math.min(p.end, tokens[0]?.end ?? p.end),
      rule: 'acts:task-list-item',
      detail: 'item of a list of agreed tasks',
      strong: true,
      clause: 0,
    });

  dropNegatedFutures(scope, found);
  let acts: ActFound[] = found.filter((f) => f.strong);
  // A report is background only when nothing else is said in the sentence.
  if (acts.some((f) => f.act !== 'report')) acts = acts.filter((f) => f.act !== 'report');
  const mainSubject = clauses[0]?.subject;
  if (
    !acts.length &&
    !found.length &&
    inAgreedText &&
    mainSubject &&
    !frame &&
    (PARTY_SUBJECTS.has(mainSubject.kind) ||
      (mainSubject.kind === 'explicit' && mainSubject.isHolder) ||
      // "Elles se consultent ...": a pronoun standing for the parties.
      (mainSubject.kind === 'carry' && mainSubject.holders.length > 0 && mainSubject.holders.every((h) => doc.parties.includes(h))))
  ) {
    // A treaty's articles state in the present what the parties undertake: "Les deux États approfondissent leur coopération".
    acts = [
      {
        act: 'commit',
        start: tokens[clauses[0].first]?.start ?? p.start,
        end: tokens[clauses[0].end - 1]?.end ?? p.end,
        rule: 'acts:agreed-text',
        detail: 'the parties as subject in the text they agreed ("ce qui suit :", "as follows:")',
        strong: true,
        clause: 0,
      },
    ];
  }
  if (!acts.length) {
    const frameCue = found.find((f) => !f.strong);
    acts = [
      frameCue
        ? { ...frameCue, act: 'assert' }
        : {
            act: 'assert',
            start: p.start,
            end: p.end,
            rule: 'acts:default-assert',
            detail: 'no cue of another act: a statement of view or fact',
            strong: false,
            clause: 0,
          },
    ];
  } else {
    // A clause that says something without a cue of another act states a view: "X est ..., et Y doivent ...".
    clauses.forEach((clause, k) => {
      if (acts.some((f) => f.clause === k)) return;
      // "a rappelé que X ... et a invité Y à ...": a saying whose complement carries no act, beside another act, is a view of its own.
      if (clause.ownsComplement) {
        const saying = found.find((f) => f.saying && f.clause === k);
        // The other act is the sayer's own ("et a invité"), not the complement's ("... et devrait être utilisée").
        const ownActAfter = acts.some((f) => f.clause > k + 1 && clauses[f.clause].owner === k);
        if (saying && ownActAfter && !acts.some((f) => f.clause === k + 1)) acts.push({ ...saying, act: 'assert', strong: false });
        return;
      }
      if (!clause.finite) return;
      acts.push({
        act: 'assert',
        start: tokens[clause.first].start,
        end: tokens[clause.end - 1].end,
        rule: 'acts:clause-assert',
        detail: 'a clause without a cue of another act',
        strong: false,
        clause: k,
      });
    });
  }
  const actSet = new Set<Act>();
  for (const f of acts) {
    actSet.add(f.act);
    doc.annotations.push({ kind: 'act', label: f.act, start: f.start, end: f.end, rule: f.rule, detail: f.detail, provision: p.index, origin: 'machine' });
  }

  // 5. Holders.
  const holders = resolveHolders(scope, p, frame, clauses, acts);
  // Words quoted on from the previous provision, with no attribution of their own, are still its speaker's.
  if (quoteSpeaker && !frame) holders.codes = quoteSpeaker;
  else {
    // "À l'invitation de X, Y a effectué une visite ...": whoever invited takes part in what is reported.
    const hosts = acts.every((f) => f.act === 'report') ? invitingHost(scope, holders.codes) : [];
    if (relativeHolders.size || hosts.length) holders.codes = sortedCodes(new Set([...holders.codes, ...relativeHolders, ...hosts]));
  }
  for (const h of holders.codes)
    doc.annotations.push({
      kind: 'holder',
      label: h,
      start: holders.start,
      end: holders.end,
      rule: holders.rule,
      detail: holders.detail,
      provision: p.index,
      origin: 'machine',
    });
  // One person's name as the evidence ("Prime Minister Kishida said ..."): a following "they" is not that person.
  const named = mentions.filter((m) => m.start >= holders.start && m.end <= holders.end);
  const onePerson = named.length === 1 && g.typeOf(named[0].label) === 'person';
  return { acts: actSet, holders: holders.codes, onePerson };
}

/** Actor codes in order. */
function sortedCodes(codes: Iterable<string>): string[] {
  const list = [...codes];
  return sortInPlace(list, byCodeUnits);
}

/** The clause a token belongs to: the last one starting at or before it. */
function clauseOf(clauses: Clause[], i: number): number {
  let c = 0;
  for (let k = 0; k < clauses.length; k++) if (clauses[k].first <= i) c = k;
  return c;
}

/** The index of the token starting at `start` (-1 if none): tokens are in text order. */
function tokenIndexAt(tokens: Token[], start: number): number {
  let lo = 0;
  let hi = tokens.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = tokens[mid].start;
    if (at === start) return mid;
    if (at < start) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** [start, end] offsets of parenthesised stretches of the provision. */
function parenthesised(text: string, from: number, to: number): [number, number][] {
  const ranges: [number, number][] = [];
  const open = text.indexOf('(', from);
  if (open < 0 || open >= to) return ranges;
  const stack: number[] = [];
  for (let i = open; i < to; i++) {
    if (text[i] === '(') stack.push(i);
    else if (text[i] === ')' && stack.length) ranges.push([stack.pop()!, i]);
  }
  return ranges;
}

function isNegated(words: string[], m: CueMatch, lex: ActLexicon): boolean {
  const before = lex.classes.get('neg-before')!;
  const after = lex.classes.get('neg-after')!;
  if (!anyIn(words, Math.max(0, m.first - 3), m.first, before)) return false;
  if (!after.size) return true;
  return anyIn(words, m.first, m.last + 4, after);
}

/** Some word of words[from, to) is in the set. */
function anyIn(words: string[], from: number, to: number, set: Set<string>): boolean {
  for (let i = from; i < Math.min(to, words.length); i++) if (set.has(words[i])) return true;
  return false;
}

/**
 * Where, in tokens [from, to), the holders' own verb comes back after what a call asks of others:
 * a join word, then a conjugated verb ("and reaffirmed", "et s'engagent", "et continueront"), which
 * an infinitive of the call's scope cannot be. `to` when there is none, or when the call's scope is a
 * complement clause (its verbs are conjugated too).
 */
function ownVerbAfter(scope: ProvisionScope, from: number, to: number): number {
  const { words, lex } = scope;
  const join = lex.classes.get('clause-join')!;
  const refl = lex.classes.get('refl');
  const complementiser = lex.classes.get('complementiser')!;
  for (let i = from; i < to; i++) {
    // "ont suggéré que tous les pays ... renforcent la coopération et s'opposent à ...": the verbs
    // of a complement clause are its own subject's.
    if (complementiser.has(words[i - 1])) return to;
    if (!join.has(words[i - 1])) continue;
    const verb = refl?.has(words[i]) && i + 1 < to ? i + 1 : i;
    if (isConjugated(words[verb], lex)) return i;
  }
  return to;
}

/**
 * Whether a word is a conjugated verb form by the language's `finite` class: whole words ("will"),
 * endings ("-ed", on words of three letters more) and endings that rule a word out ("!-ment").
 */
function isConjugated(word: string, lex: ActLexicon): boolean {
  const finite = lex.classes.get('finite')!;
  if (finite.has(word)) return true;
  for (const entry of finite) if (entry.startsWith('!-') && word.endsWith(entry.slice(2))) return false;
  for (const entry of finite) if (entry.startsWith('-') && word.length >= entry.length + 2 && word.endsWith(entry.slice(1))) return true;
  return false;
}

/**
 * Where a provision's verbs are, as splitClauses reads them. Methods rather than closures made for
 * each provision: the clause split runs on every provision, and its helpers are called per word.
 */
class VerbMarks {
  /** Auxiliaries, matched as written (lower case, accents kept): "a" (has) is not "à" (to). */
  readonly isAux: boolean[];
  readonly cueStarts: Set<number>;
  readonly modalStarts: Set<number>;
  private readonly complementiser: Set<string>;
  private readonly reflexive: Set<string> | undefined;

  constructor(
    private readonly scope: ProvisionScope,
    cues: CueMatch[],
    private readonly end: number,
  ) {
    const { tokens, words, lex } = scope;
    // A word in the folded class first (its folded form is, whenever the written one is) spares lower-casing the others.
    const auxFolded = lex.classes.get('aux')!;
    const aux = lex.exactClasses.get('aux')!;
    this.isAux = tokens.map((t, i) => auxFolded.has(words[i]) && aux.has(t.raw.toLowerCase()));
    this.cueStarts = new Set(cues.map((m) => m.first));
    this.modalStarts = new Set(cues.filter((m) => m.cue.flags.has('modal')).map((m) => m.first));
    this.complementiser = lex.classes.get('complementiser')!;
    this.reflexive = lex.classes.get('refl');
  }

  isVerbal(i: number): boolean {
    return this.isAux[i] || this.cueStarts.has(i);
  }

  /** "..., et la communauté internationale doit ...": a new subject, then its auxiliary or modal. */
  newSubjectFollows(i: number): boolean {
    const { tokens, words, lex } = this.scope;
    if (!startsSubject(tokens[i], words[i], lex)) return false;
    for (let k = i + 1; k <= Math.min(i + 4, this.end - 1); k++) if (this.isAux[k] || this.modalStarts.has(k)) return true;
    return false;
  }

  /** "... and the two sides agreed to ...": the parties together, then their verb, open a clause of their own. */
  jointSubjectFollows(i: number): boolean {
    const { words, lex } = this.scope;
    for (const phrase of lex.holderPhrasesByFirst.get(words[i]) ?? []) {
      if ((phrase.kind !== 'joint' && phrase.kind !== 'self') || !phraseAt(phrase, words, i)) continue;
      const after = i + phrase.keys.length;
      if (this.isVerbal(after) || (after + 1 < this.end && this.isVerbal(after + 1))) return true;
    }
    return false;
  }

  /**
   * Whether a complement clause ("que", "that") opened since the last sentence or coordinate clause
   * began, after a verb of saying or any other ("ont suggéré que tous les pays ... et s'opposent").
   */
  afterComplement(i: number, starts: { at: number; type: Clause['type'] }[]): boolean {
    let k = starts.length - 1;
    while (k > 0 && starts[k].type === 'verb-phrase') k--;
    if (starts[k].type === 'complement') return true;
    for (let j = starts[k].at; j < i; j++) if (this.complementiser.has(this.scope.words[j])) return true;
    return false;
  }

  /** A conjugated cue, or an auxiliary and a cue ("et a souligné", "et ont encouragé"): the verb of a new act. */
  actVerbAt(i: number): boolean {
    const { words, lex } = this.scope;
    const conjugatedCue = this.cueStarts.has(i) && isConjugated(words[this.reflexive?.has(words[i]) ? i + 1 : i], lex);
    return conjugatedCue || (this.isAux[i] && (this.cueStarts.has(i) || this.cueStarts.has(i + 1)));
  }
}

function splitClauses(scope: ProvisionScope, cues: CueMatch[], first: number, end: number): Clause[] {
  const { doc, tokens, words, lex, parties, previous } = scope;
  type Start = { at: number; type: Clause['type'] };
  const abbreviations = segmentationData(doc.language).abbreviations;
  const starts: Start[] = [{ at: first, type: 'main' }];
  const clauseJoin = lex.classes.get('clause-join')!;
  const complementiser = lex.classes.get('complementiser')!;
  const marks = new VerbMarks(scope, cues, end);
  const { isAux, modalStarts } = marks;
  let verbSeen = false;
  for (let i = first; i < end; i++) {
    if (i > first) {
      // Most gaps are one space, which opens a clause only before a join word or a complementiser.
      const single = tokens[i].start - tokens[i - 1].end === 1 && doc.text.charCodeAt(tokens[i - 1].end) === 0x20;
      const w = words[i];
      if (single && !clauseJoin.has(w) && !complementiser.has(w)) {
        if (marks.isVerbal(i)) verbSeen = true;
        continue;
      }
      const gap = single ? ' ' : doc.text.slice(tokens[i - 1].end, tokens[i].start);
      // Most gaps are one space: a sentence end takes two characters at least.
      if (gap.length > 1 && SENTENCE_END.test(gap) && STARTS_UPPER.test(tokens[i].raw) && !isAbbreviationBefore(tokens[i - 1], gap, abbreviations))
        (starts.push({ at: i, type: 'sentence' }), (verbSeen = false));
      else if (gap.includes(';') && i + 1 < end) (starts.push({ at: i, type: 'coordinate' }), (verbSeen = false));
      else if (
        clauseJoin.has(w) &&
        i + 2 < end &&
        verbSeen &&
        ((gap.includes(',') && startsSubject(tokens[i + 1], words[i + 1], lex)) || marks.newSubjectFollows(i + 1) || marks.jointSubjectFollows(i + 1))
      )
        (starts.push({ at: i + 1, type: 'coordinate' }), (verbSeen = false));
      else if (clauseJoin.has(w) && i + 2 < end && verbSeen && gap.includes(',') && marks.isVerbal(i + 1))
        (starts.push({ at: i + 1, type: 'verb-phrase' }), (verbSeen = false));
      // "La partie russe apprécie ... et souligne ...": "and" + a conjugated cue is the subject's
      // next act; inside a complement clause it is the complement subject's (handled above).
      else if (clauseJoin.has(w) && i + 2 < end && verbSeen && !marks.afterComplement(i, starts) && marks.actVerbAt(i + 1))
        (starts.push({ at: i + 1, type: 'verb-phrase' }), (verbSeen = false));
      // "..., recognizes that the treaty entered into force, and supports ...": a complement has its
      // verb even when no cue or auxiliary shows it, so ", and" with a verb after it ends it, and so
      // does "and" with a conjugated cue after it ("noted that trade grew and agreed to ...").
      else if (
        clauseJoin.has(w) &&
        i + 2 < end &&
        starts[starts.length - 1].type === 'complement' &&
        marks.isVerbal(i + 1) &&
        (gap.includes(',') || marks.actVerbAt(i + 1))
      )
        (starts.push({ at: i + 1, type: 'verb-phrase' }), (verbSeen = false));
      else if (complementiser.has(w) && cues.some((m) => m.cue.flags.has('frame') && m.last >= i - 3 && m.last <= i))
        (starts.push({ at: i + 1, type: 'complement' }), (verbSeen = false));
    }
    if (marks.isVerbal(i)) verbSeen = true;
  }
  const uniq = starts.filter((s, k) => s.at < end && starts.findIndex((o) => o.at === s.at) === k);
  sortInPlace(uniq, (a, b) => a.at - b.at);
  const clauses: Clause[] = [];
  uniq.forEach((start, k) => {
    const e = uniq[k + 1]?.at ?? end;
    const firstCue = cues.find((m) => m.first >= start.at && m.first < e && !(m.cue.flags.has('initial') && m.first !== first));
    const initialTask = firstCue?.cue.flags.has('initial') && firstCue.first === first;
    let subject: Subject;
    let ownerClause: number | undefined;
    // "..., recognizes that X is Y, and opposes Z": a verb phrase after a complement shares the
    // subject of the verb that introduced the complement; but a modal ("estiment que les États
    // ... ont ..., et doivent ...") goes on prescribing to the complement's subject.
    if (start.type === 'verb-phrase' && clauses.length) {
      let owner = clauses.length - 1;
      if (!modalStarts.has(start.at)) while (owner > 0 && clauses[owner].type === 'complement') owner--;
      subject = clauses[owner].subject;
      ownerClause = owner;
    } else if (initialTask)
      subject = { kind: 'empty', holders: parties, isHolder: true, start: tokens[first].start, end: tokens[first].end, rule: 'holders:task' };
    else {
      // Without a cue, the subject ends at the first auxiliary (or after a dozen words).
      let stop = firstCue ? firstCue.first : e;
      if (!firstCue)
        for (let k = start.at + 1; k < e; k++)
          if (isAux[k] || k - start.at >= 12) {
            stop = k;
            break;
          }
      subject = resolveSubject(
        scope,
        start.at,
        stop,
        start.type === 'main' || start.type === 'sentence' ? previous : (clauses[0]?.subject.holders ?? previous),
      );
    }
    if (subject.kind === 'carry' && clauses.length && start.type !== 'sentence') subject = { ...clauses[0].subject, start: subject.start, end: subject.end };
    let finite = false;
    for (let i = start.at; i < e && !finite; i++) finite = marks.isVerbal(i);
    clauses.push({ first: start.at, end: e, subject, type: start.type, finite, ownsComplement: uniq[k + 1]?.type === 'complement', owner: ownerClause });
  });
  return clauses;
}

/** "M. Xi", "Joseph R. Biden": a dot after an abbreviation or an initial does not end a sentence. */
function isAbbreviationBefore(t: Token, gap: string, abbreviations: Set<string>): boolean {
  if (!gap.startsWith('.')) return false;
  return abbreviations.has(`${t.raw}.`) || SINGLE_CAPITAL.test(t.raw) || INITIALS.test(t.raw);
}

/** `w` is the token's word (wordOf). */
function startsSubject(t: Token, w: string, lex: ActLexicon): boolean {
  return lex.classes.get('subject-det')!.has(w) || lex.classes.get('pronoun')!.has(w) || STARTS_UPPER.test(t.raw);
}

/**
 * Resolves the subject of a clause from its opening words, up to its first cue: a joint
 * phrase, "nous", the statement itself, a pronoun, or named actors (states, their capitals
 * acting, their sides and leaders, persons → their state).
 */
function resolveSubject(scope: ProvisionScope, first: number, stop: number, previous: string[]): Subject {
  const { doc, tokens, words, lex, g, mentions, parties, roles } = scope;
  let s = first;
  // Skip opening adverbials ("Dans ce communiqué, ", "Today, ") one comma-delimited phrase at a time.
  const adverbial = lex.classes.get('adverbial')!;
  while (s < stop && adverbial.has(words[s])) {
    let next = -1;
    for (let i = s + 1; i < stop; i++)
      if (doc.text.slice(tokens[i - 1].end, tokens[i].start).includes(',')) {
        next = i;
        break;
      }
    if (next < 0) break;
    s = next;
  }
  // A bare title ("le chancelier") refers back, unless a name or demonym makes it explicit.
  let role: Subject | null = null;
  if (s >= stop) return fallbackSubject('empty', 'holders:no-subject', tokens, s, stop, parties);
  for (const phrase of holderPhrasesStartingIn(words, s, Math.min(s + 3, stop - 1), lex)) {
    for (let at = s; at <= Math.min(s + 3, stop - phrase.keys.length); at++) {
      if (!phraseAt(phrase, words, at)) continue;
      if ((phrase.kind === 'carry' || phrase.kind === 'carry-plural' || phrase.kind === 'role') && at !== s) continue;
      // Only determiners or adverbials may come before a phrase: "Opposition leaders" are not "leaders".
      if (at > s && !words.slice(s, at).every((w) => lex.classes.get('subject-det')!.has(w) || lex.classes.get('adverbial')!.has(w))) continue;
      // "Ils" inside "elles-mêmes" or after a noun is not the subject; only clause-initial pronouns carry.
      const start = tokens[at].start;
      const end = tokens[at + phrase.keys.length - 1].end;
      if (phrase.kind === 'carry') return { kind: 'carry', holders: previous, isHolder: true, start, end, rule: phrase.rule };
      // "They", "Ils" after "Prime Minister Kishida said ...": one person cannot be "they"; the leaders together are.
      if (phrase.kind === 'carry-plural')
        return { kind: 'carry', holders: scope.previousOnePerson ? parties : previous, isHolder: true, start, end, rule: phrase.rule };
      // "The Member States ...": the authors when a group issues the declaration; other states otherwise.
      if (phrase.kind === 'members') {
        if (parties.length === 1 && g.typeOf(parties[0]) !== 'state') return { kind: 'joint', holders: parties, isHolder: true, start, end, rule: phrase.rule };
        continue;
      }
      if (phrase.kind === 'role') {
        const bound = roles.get(phrase.title);
        if (!role) {
          // A title bound to a party's person names that person ("and the Prime Minister accepted ..."); an unbound one refers back.
          role = bound
            ? { kind: 'explicit', holders: [bound], isHolder: parties.includes(bound), start, end, rule: phrase.rule }
            : { kind: 'carry', holders: previous, isHolder: true, start, end, rule: phrase.rule };
          // "The President and the Prime Minister ...": each title joined by "and" adds its holder.
          const join = lex.classes.get('list-join')!;
          // A name after a title ("le Roi Mohammed VI et le Président ...") is skipped.
          const afterName = (k: number) => {
            while (k < stop && STARTS_UPPER.test(tokens[k].raw)) k++;
            return k;
          };
          for (let next = afterName(at + phrase.keys.length); join.has(words[next]) && next + 1 < stop;) {
            const other = (lex.holderPhrasesByFirst.get(words[next + 1]) ?? []).find(
              (o) => o.kind === 'role' && next + o.keys.length < stop && phraseAt(o, words, next + 1),
            );
            if (!other) break;
            // "Sa Majesté le Roi et le Président ...": a second title no party is bound to is, between two parties, the other one's.
            const first: string[] = role.holders;
            const otherBound: string | undefined =
              roles.get(other.title) ??
              (parties.length === 2 && first.length === 1 && parties.includes(first[0]) ? parties.find((h) => h !== first[0]) : undefined);
            if (!otherBound) break;
            role = { ...role, holders: sortedCodes(new Set([...role.holders, otherBound])), end: tokens[next + other.keys.length].end };
            next = afterName(next + 1 + other.keys.length);
          }
        }
        continue;
      }
      // "The Russian side reaffirmed ... It also welcomed ...": a one-word pronoun for the statement
      // ("it") right before its verb refers back to the one party of the previous provision.
      if (phrase.kind === 'document' && phrase.keys.length === 1 && at === s && stop - at <= 2 && previous.length === 1 && parties.includes(previous[0]))
        return { kind: 'carry', holders: previous, isHolder: true, start, end, rule: phrase.rule };
      return { kind: phrase.kind, holders: parties, isHolder: true, start, end, rule: phrase.rule };
    }
  }
  const regionStart = tokens[s].start;
  const regionEnd = tokens[stop - 1].end;
  const actors = new Set<string>();
  let evidenceStart = regionEnd;
  let evidenceEnd = regionStart;
  for (const m of mentions) {
    if (m.start < regionStart || m.end > regionEnd) continue;
    if (isComplementOfNonActor(tokens, m.start, s, lex)) continue;
    const kind = mentionKind(m);
    const type = g.typeOf(m.label);
    let state: string | null = null;
    if (type === 'person') state = g.stateOf(m.label);
    else if (type === 'state') {
      if (kind === 'combining') continue;
      if (kind === 'demonym' && !afterActorNoun(tokens, m.start, lex)) continue;
      state = m.label;
    } else if (type === 'org' && g.stateOf(m.label)) state = g.stateOf(m.label);
    else if (parties.includes(m.label)) state = m.label;
    if (!state) continue;
    actors.add(state);
    evidenceStart = Math.min(evidenceStart, m.start);
    evidenceEnd = Math.max(evidenceEnd, m.end);
  }
  // "Le Président Macky Sall a remercié ...": a person the document introduced with their state.
  if (!actors.size)
    for (const { token, state } of officialsIn(scope, regionStart, regionEnd)) {
      actors.add(state);
      evidenceStart = Math.min(evidenceStart, token.start);
      evidenceEnd = Math.max(evidenceEnd, token.end);
    }
  // (Titles joined by "et"/"and" have been resolved together already.)
  if (!actors.size && !(role && role.holders.length > 1)) {
    const other = namedStranger(scope, s, stop);
    if (other) return other;
  }
  if (actors.size) {
    const holders = sortedCodes(actors);
    return {
      kind: 'explicit',
      holders,
      // A member state of a party group ("India reaffirmed ..." in an SCO declaration) holds its own acts.
      isHolder: holders.every((h) => parties.includes(h) || memberOfParty(h, parties)),
      start: evidenceStart,
      end: evidenceEnd,
      rule: 'holders:named-subject',
    };
  }
  // "Our finance ministers ...", "Nos gouvernements ...": what the parties' own people and bodies do, the parties do.
  // "Leurs ministres ...", "Their space agencies ...": at the head of a clause, the parties' people and bodies.
  const own =
    lex.classes.get('poss-self')!.has(words[s]) ||
    (lex.classes.get('poss-their')?.has(words[s]) && tokens.slice(s + 1, Math.min(s + 4, stop)).some((t) => isActorNoun(t, lex)));
  if (!role && own && s + 1 < stop)
    return { kind: 'self', holders: parties, isHolder: true, start: tokens[s].start, end: tokens[s + 1].end, rule: 'holders:own' };
  return role ?? fallbackSubject('none', 'holders:general-subject', tokens, s, stop, parties);
}

/**
 * "President Tokayev welcomed ...", "Le président Tebboune a salué ...": a title the document has
 * bound to one party's known person, followed by a name the gazetteer does not know, is the other
 * party's official (two parties only).
 */
function namedStranger(scope: ProvisionScope, s: number, stop: number): Subject | null {
  const { tokens, words, lex, parties, roles } = scope;
  if (parties.length !== 2) return null;
  for (const phrase of lex.rolePhrases) {
    // With its article ("le président") or without ("President").
    const title = [phrase.keys, phrase.keys.slice(1)].find((keys) => keys.length && keysAt(keys, words, s));
    const after = s + (title?.length ?? 0);
    if (!title || after >= stop || !STARTS_UPPER.test(tokens[after].raw)) continue;
    const bound = roles.get(phrase.title);
    if (!bound || !parties.includes(bound)) continue;
    // A title that is one party's office by itself ("Crown Prince Mohammed", "le Roi Mohammed VI") is that party's.
    if (phrase.states?.includes(bound))
      return { kind: 'explicit', holders: [bound], isHolder: true, start: tokens[s].start, end: tokens[after].end, rule: phrase.rule };
    return otherPartyOfficial(scope, bound, s, after);
  }
  // "M. Tokaïev a salué ..." in a report where only the other party's people were recognised ("M. Xi").
  if (scope.partiesNamedByPerson.size === 1) {
    const [known] = scope.partiesNamedByPerson;
    for (const keys of honorificsOf(scope.doc.language)) {
      const after = s + keys.length;
      if (!keysAt(keys, words, s) || after >= stop || !STARTS_UPPER.test(tokens[after].raw)) continue;
      if (scope.mentions.some((m) => m.start <= tokens[after].start && tokens[after].end <= m.end)) continue;
      return otherPartyOfficial(scope, known, s, after);
    }
  }
  return null;
}

/** The subject "<title> <unknown name>" (tokens s..nameAt): an official of the party other than `known`. */
function otherPartyOfficial(scope: ProvisionScope, known: string, s: number, nameAt: number): Subject {
  return {
    kind: 'explicit',
    holders: scope.parties.filter((h) => h !== known),
    isHolder: true,
    start: scope.tokens[s].start,
    end: scope.tokens[nameAt].end,
    rule: 'holders:unknown-official',
  };
}

/** The phrase's words stand at words[at...]. */
const phraseAt = (phrase: HolderPhrase, words: string[], at: number) => keysAt(phrase.keys, words, at);
const keysAt = (keys: string[], words: string[], at: number) => keys.every((k, n) => words[at + n] === k);

/** The holder phrases whose first word is one of words[from..to], in lexicon order (longest first). */
function holderPhrasesStartingIn(words: string[], from: number, to: number, lex: ActLexicon): HolderPhrase[] {
  const found: HolderPhrase[] = [];
  for (let at = from; at <= to; at++) for (const phrase of lex.holderPhrasesByFirst.get(words[at]) ?? []) if (!found.includes(phrase)) found.push(phrase);
  return sortInPlace(found, (a, b) => a.rank - b.rank);
}

/** The subject when no phrase or actor names it: the parties, as evidence the clause's opening. */
function fallbackSubject(kind: SubjectKind, rule: string, tokens: Token[], s: number, stop: number, parties: string[]): Subject {
  return {
    kind,
    holders: parties,
    isHolder: kind === 'empty',
    start: tokens[s]?.start ?? 0,
    end: tokens[Math.max(s, stop - 1)]?.end ?? 0,
    rule,
  };
}

/** "les actions des États-Unis": a name after "de/of" qualifies a noun; it is the actor only after an actor noun ("les chefs d'État de Chine"). */
function isComplementOfNonActor(tokens: Token[], start: number, regionFirst: number, lex: ActLexicon): boolean {
  const i = tokenIndexAt(tokens, start);
  if (i <= regionFirst) return false;
  // "l'accord entre l'Union européenne et le Viet Nam ...", "trade between China and Russia ...",
  // "le projet présenté par la Chine ...": every name after such a preposition qualifies the noun
  // before it, unless that noun is an actor.
  const nounPrep = lex.classes.get('noun-prep')!;
  const isActor = (t: Token) => isActorNoun(t, lex);
  for (let j = regionFirst + 1; j < i; j++) if (nounPrep.has(wordOf(tokens[j])) && !tokens.slice(Math.max(regionFirst, j - 3), j).some(isActor)) return true;
  let k = i - 1;
  if (k >= 0 && lex.classes.get('article')!.has(wordOf(tokens[k]))) k--;
  if (k < 0 || !lex.classes.get('of')!.has(wordOf(tokens[k]))) return false;
  for (let j = Math.max(regionFirst, k - 3); j < k; j++) if (isActorNoun(tokens[j], lex)) return false;
  // "Les chefs d'État de Chine et de Russie": a coordination of names after an actor noun was checked above.
  return true;
}

function afterActorNoun(tokens: Token[], start: number, lex: ActLexicon): boolean {
  const i = tokenIndexAt(tokens, start);
  if (i < 0) return false;
  const actorNouns = lex.classes.get('actor-noun')!;
  for (let k = Math.max(0, i - 3); k < i; k++) if (actorNouns.has(tokens[k].norm)) return true;
  const next = tokens[i + 1];
  return !!next && actorNouns.has(next.norm);
}

function resolveHolders(
  scope: ProvisionScope,
  p: Provision,
  frame: Frame | null,
  clauses: Clause[],
  acts: ActFound[],
): { codes: string[]; start: number; end: number; rule: string; detail?: string } {
  const { tokens, lex, g, mentions, parties, previous } = scope;
  // The speaker of an attribution frame holds the act, unless the speaker is the statement itself.
  if (frame) {
    const speaker = speakerHolders(scope, frame);
    if (speaker)
      return {
        codes: speaker.codes,
        start: frame.speakerStart,
        end: Math.max(frame.speakerEnd, frame.speakerStart + 1),
        rule: frame.rule,
        detail: speaker.detail,
      };
  }
  const onlyReport = acts.length > 0 && acts.every((a) => a.act === 'report');
  const main = clauses[0]?.subject;
  if (onlyReport) {
    // Report: the actors of what is recounted (people and their states), else the subject.
    const actors = new Set<string>();
    for (const m of mentions) {
      const type = g.typeOf(m.label);
      if (type === 'person' && g.stateOf(m.label)) actors.add(g.stateOf(m.label)!);
      else if (type === 'state' && (m.detail ?? '').startsWith('demonym') && afterActorNoun(tokens, m.start, lex)) actors.add(m.label);
    }
    if (main && main.kind !== 'explicit' && main.kind !== 'carry')
      return { codes: parties, start: main.start, end: main.end, rule: main.rule, detail: main.kind };
    if (main?.kind === 'explicit') main.holders.forEach((h) => actors.add(h));
    if (actors.size) return { codes: sortedCodes(actors), start: main?.start ?? p.start, end: main?.end ?? p.end, rule: 'holders:report-actors' };
  }
  // Others who say something ("U.S. State Department spokesman Matthew Miller said ...") hold
  // what they say; other acts with others as their subject are the authors' (subjectCodes).
  const saidByOthers = main?.kind === 'explicit' && !main.isHolder && acts.some((a) => a.clause === 0 && (a.saying || reportsOthers(scope.doc, clauses[0])));
  const codes = new Set<string>(main ? (saidByOthers ? main.holders : subjectCodes(main, parties, previous)) : parties);
  // Coordinated clauses with one of the parties, or the parties together ("and the two sides
  // agreed"), as their own subject add them.
  for (const c of clauses.slice(1))
    if (c.type === 'coordinate' && ((c.subject.kind === 'explicit' && c.subject.isHolder) || c.subject.kind === 'joint' || c.subject.kind === 'self'))
      c.subject.holders.forEach((h) => codes.add(h));
  if (!codes.size) parties.forEach((h) => codes.add(h));
  return { codes: sortedCodes(codes), start: main?.start ?? p.start, end: main?.end ?? p.end, rule: main?.rule ?? 'holders:parties', detail: main?.kind };
}

/**
 * The host of a visit reported as made at their invitation ("À l'invitation de M. X, ...", "At the
 * invitation of Prime Minister X, ..."): the states the opening phrase names, or, in a bilateral
 * statement where the visitor is one party, the other.
 */
function invitingHost(scope: ProvisionScope, holders: string[]): string[] {
  const { doc, tokens, words, lex, g, mentions, parties } = scope;
  const invitation = lex.classes.get('invitation');
  if (!invitation || !lex.classes.get('adverbial')!.has(words[0])) return [];
  const at = words.slice(1, 4).findIndex((w) => invitation.has(w));
  if (at < 0) return [];
  let end = at + 2;
  while (end < tokens.length && !doc.text.slice(tokens[end - 1].end, tokens[end].start).includes(',')) end++;
  const phraseEnd = tokens[end - 1].end;
  const hosts = new Set<string>();
  for (const m of mentions) {
    if (m.end > phraseEnd) continue;
    const type = g.typeOf(m.label);
    const state = type === 'state' ? m.label : type === 'person' ? g.stateOf(m.label) : null;
    if (state) hosts.add(state);
  }
  for (const { state } of officialsIn(scope, tokens[at + 2]?.start ?? phraseEnd, phraseEnd)) hosts.add(state);
  if (!hosts.size && parties.length === 2 && holders.length === 1 && parties.includes(holders[0])) hosts.add(parties.find((h) => h !== holders[0])!);
  return [...hosts];
}

/** The words of the provision within [from, to) that name a person the document introduced with their state (`officialsIntroduced`). */
function officialsIn(scope: ProvisionScope, from: number, to: number): { token: Token; state: string }[] {
  const found: { token: Token; state: string }[] = [];
  for (const token of scope.tokens) {
    if (token.start < from || token.end > to || !STARTS_UPPER.test(token.raw)) continue;
    const state = scope.officials.get(token.norm);
    if (state) found.push({ token, state });
  }
  return found;
}

const QUOTATION_MARK = /["«»“”]/g;

/** Whether a quotation is still open after the text, given whether one was open before it. */
function quotationOpenAfter(open: boolean, text: string): boolean {
  let depth = open ? 1 : 0;
  // Only the quotation marks, found by the regex engine: most of a text is none.
  for (const [ch] of text.matchAll(QUOTATION_MARK)) {
    if (ch === '«' || ch === '“') depth++;
    else if (ch === '»' || ch === '”') depth = Math.max(0, depth - 1);
    // A straight quote closes what is open, or opens.
    else if (ch === '"') depth = depth > 0 ? depth - 1 : 1;
  }
  return depth > 0;
}

/** A relative pronoun a few words before the cue, with no punctuation between (the cue is inside a relative clause): its index, or -1. */
function relativePronounBefore(doc: Doc, tokens: Token[], words: string[], at: number, relative: Set<string>): number {
  for (let k = at - 1; k >= Math.max(0, at - 5); k--) {
    if (/[,;:()«»"“”]/.test(doc.text.slice(tokens[k].end, tokens[k + 1].start))) return -1;
    if (relative.has(words[k])) return k;
  }
  return -1;
}

/** A news report's clause whose named subject is a third party: what it does is that party's act. */
function reportsOthers(doc: Doc, clause: Clause): boolean {
  return doc.docType === 'news_report' && clause.subject.kind === 'explicit' && !clause.subject.isHolder && clause.subject.holders.length > 0;
}

function subjectCodes(subject: Subject, parties: string[], previous: string[]): string[] {
  switch (subject.kind) {
    case 'explicit':
      // Others named as the subject ("The United States should ...") do not hold the statement's
      // acts: its authors do, as in any general sentence of a joint text.
      return subject.isHolder ? subject.holders : parties;
    case 'carry':
      return subject.holders.length ? subject.holders : previous.length ? previous : parties;
    default:
      return parties;
  }
}

/** "le chancelier", "the prime minister": a title with no name after it; returns its role key. */
function bareRole(text: string, language: string): string | null {
  const lex = loadActLexicon(language);
  const words = tokenize(text).map(wordOf);
  const phrase = lex.rolePhrases.find((p) => p.keys.length === words.length && keysAt(p.keys, words, 0));
  return phrase ? phrase.title : null;
}

/**
 * "will not accept", "n'accepteront aucune ...", "Neither side will recognise ...": a future tense
 * negated into a rejection is that rejection, not a commitment besides it. A commitment whose cue
 * touches or lies within a rejection that opens on a negation word (or is a negated cue) is dropped.
 */
function dropNegatedFutures(scope: ProvisionScope, found: ActFound[]): void {
  const { tokens, words, lex } = scope;
  const negations = [lex.classes.get('neg-before')!, lex.classes.get('neg-after')!];
  const opensOnNegation = (f: ActFound) => {
    const i = tokens.findIndex((t) => t.start === f.start);
    return i >= 0 && negations.some((n) => n.has(words[i]));
  };
  const rejections = found.filter((f) => f.act === 'oppose' && (f.detail === 'negated' || opensOnNegation(f)));
  if (!rejections.length) return;
  for (let k = found.length - 1; k >= 0; k--) {
    const f = found[k];
    if (f.act === 'commit' && rejections.some((o) => o.clause === f.clause && o.start <= f.end + 1 && f.start <= o.end)) found.splice(k, 1);
  }
}

/**
 * "..., selon les statistiques des douanes": a frame that cites a record, not a speaker (a
 * source preposition, and no statement or person named as the source).
 */
function isRecordSource(scope: ProvisionScope, frame: Frame): boolean {
  const { doc, lex, g, mentions } = scope;
  const first = tokenize(doc.text, frame.start, frame.speakerStart).find((t) => !t.elided);
  if (!first || !lex.classes.get('source-prep')!.has(wordOf(first))) return false;
  if (isDocumentSpeaker(doc, frame, lex)) return false;
  return !mentions.some((m) => m.start >= frame.speakerStart && m.end <= frame.speakerEnd && g.typeOf(m.label) === 'person');
}

/** The attribution names a document, not a person: "the statement said", "selon le communiqué", "it said". */
function isDocumentSpeaker(doc: Doc, frame: Frame, lex: ActLexicon): boolean {
  // A plural counts too: "selon les communiqués".
  return tokenize(doc.text, frame.speakerStart, frame.speakerEnd)
    .map(wordOf)
    .some((w) => lex.documentNouns.has(w) || lex.documentNouns.has(w.replace(/s$/, '')));
}

function speakerHolders(scope: ProvisionScope, frame: Frame): { codes: string[]; detail: string } | null {
  const { doc, lex, g, mentions, parties, previous, roles } = scope;
  const text = doc.text.slice(frame.speakerStart, frame.speakerEnd).trim().toLowerCase();
  if (!text || isDocumentSpeaker(doc, frame, lex)) return null;
  const role = bareRole(text, doc.language);
  if (role && roles.has(role)) return { codes: [roles.get(role)!], detail: `speaker "${text}": the holder of that title named earlier` };
  if (lex.classes.get('pronoun')!.has(text) || role)
    return { codes: previous.length ? previous : parties, detail: 'speaker pronoun: holders of the previous provision' };
  const states = new Set<string>();
  for (const m of mentions) {
    if (m.start < frame.speakerStart || m.end > frame.speakerEnd) continue;
    const type = g.typeOf(m.label);
    const state = type === 'person' || type === 'org' ? g.stateOf(m.label) : type === 'state' ? m.label : null;
    if (state) states.add(state);
  }
  if (!states.size) for (const { state } of officialsIn(scope, frame.speakerStart, frame.speakerEnd)) states.add(state);
  if (!states.size) return null;
  return { codes: sortedCodes(states), detail: 'attributed speaker' };
}
