import path from 'node:path';
import { EntenteError, type Annotation } from '../../core/types.ts';
import { formMemo, tokenize, tokensOf, type Token, type WordForm } from '../../core/tokenize.ts';
import { entitiesByProvision } from '../../core/types.ts';
import { foldAccents } from '../../core/normalize.ts';
import { DATA_DIR, readTsv } from '../../lang/tsv.ts';
import { hasLanguageData, languageDir } from '../../lang/language-data.ts';
import { stemmerFor } from '../../lang/stem.ts';
import { findFrame } from '../acts/frames.ts';
import { loadActLexicon, type ActLexicon } from '../acts/lexicon.ts';
import type { Stage } from '../stage.ts';
import { sortInPlace } from '../../core/sort.ts';

interface Term {
  topic: string;
  term: string;
  weight: number;
  rule: string;
  /** The evidence as the topic's detail names it, built once: `term "..."` or `relationship "..."`. */
  what: string;
}

interface TrieNode {
  next: Map<string, TrieNode>;
  terms: Term[];
}

export interface TopicModel {
  language: string;
  topics: string[];
  root: TrieNode;
  signals: Map<string, { topic: string; weight: number; rule: string }[]>;
  /** Relationship nouns ("~relations" rows), by stem: evidence only when bound to the parties. */
  relations: Map<string, Term>;
  /** Possessive determiners (the `poss` class of classes.tsv): "leur coopération", "our alliance". */
  possessives: Set<string>;
  /** Nouns that announce a list of domains (the `domain-list` class): "dans les domaines du commerce, de l'énergie et ...". */
  domainNouns: Set<string>;
  /** Phrases naming the parties together (holders.tsv, several words): "entre les deux pays". */
  jointPhrases: string[][];
  stem: (w: string) => string;
  /** A word form as the trie sees it, computed once per form (see trieWord). */
  trieWord: (form: WordForm) => TrieWord;
  /** The written forms ("=word" keys) some term is matched on: a word's form is a key only then. */
  exactForms: Set<string>;
}

/** A word as the trie sees it. */
interface TrieWord {
  keys: string[];
  /** The children of the root its keys reach: where the terms it may start begin (mostly none). */
  starts: TrieNode[];
  /** The relationship noun it is, by its stem (its first key). */
  relation: Term | undefined;
}

/**
 * The multi-label decision: the best topic is kept when its score reaches `minScore`; another
 * topic too when it reaches `minScore` and either has decisive evidence (a weight-3 term, an
 * entity, the relationship, a report) and `decisiveShare` of the best score, or `closeShare` of
 * it. A provision whose best score is under `minScore` takes the relationship when it names the
 * parties, else its best topic if that reaches `minAlone`, else the topic of its context.
 */
export const TOPIC_DECISION = { minScore: 2, decisiveShare: 0.4, closeShare: 0.8, minAlone: 1, furtherEvidence: 0.3 };

/** Relationship nouns: how far (in words) a party may be named, and a qualifying domain term may follow. */
export const RELATIONSHIP = { window: 3, qualifiedWithin: 6 };

const cache = new Map<string, TopicModel>();

/** Loads and validates the topic codebook, the language's keywords and the entity signals. */
export function loadTopicModel(language: string): TopicModel {
  const lang = hasLanguageData(language) ? language : 'en';
  const cached = cache.get(lang);
  if (cached) return cached;
  const topics = readTsv(path.join(DATA_DIR, 'topics.tsv'), ['id']).map((r) => r.cells.id);
  const known = new Set(topics);
  const check = (topic: string, where: string) => {
    if (!known.has(topic)) throw new EntenteError(`unknown topic "${topic}"`, where, `add it to data/topics.tsv or use one of ${topics.join(', ')}`);
  };
  const stem = stemmerFor(lang);
  const root: TrieNode = { next: new Map(), terms: [] };
  const seen = new Map<string, string>();
  const relations = new Map<string, Term>();
  const exactForms = new Set<string>();
  for (const row of readTsv(path.join(languageDir(lang), 'topics.tsv'), ['topic', 'term', 'weight'])) {
    const { topic, term } = row.cells;
    check(topic, row.where);
    const weight = Number(row.cells.weight);
    if (!(weight > 0 && weight <= 5)) throw new EntenteError(`weight "${row.cells.weight}" is not a number from 1 to 5`, row.where);
    if (term.startsWith('~')) {
      const words = tokenize(term.slice(1));
      if (words.length !== 1) throw new EntenteError(`relationship noun "${term}" must be one word`, row.where);
      relations.set(stem(words[0].raw), { topic, term: term.slice(1), weight, rule: row.where, what: `relationship "${term.slice(1)}"` });
      continue;
    }
    // "=word" is matched as written (folded), not on its stem: "=multilatéralisme" must not match "multilatéraux".
    const exact = term.startsWith('=');
    // "@state" stands for the name of any state: "situation in @state".
    const keys = (exact ? term.slice(1) : term)
      .split(/\s+/)
      .flatMap((part) => (part === ANY_STATE ? [ANY_STATE] : tokenize(part).map((t) => (exact ? `=${foldAccents(t.raw)}` : stem(t.raw)))));
    if (keys[0] === ANY_STATE) throw new EntenteError(`term "${term}" begins with ${ANY_STATE}`, row.where, 'begin it with a word');
    if (exact) keys.forEach((k) => exactForms.add(k));
    if (!keys.length) throw new EntenteError(`term "${term}" has no word`, row.where);
    // Snowball cuts some words to a stub ("IEDs" → "i"), which would then match any "I".
    if (!exact && keys.length === 1 && keys[0].length <= 2 && foldAccents(term).length > keys[0].length + 1)
      throw new EntenteError(`term "${term}" stems to "${keys[0]}", which other words share`, row.where, `write it "=${term}" to match it as written`);
    const dupKey = `${topic}|${keys.join(' ')}`;
    if (seen.has(dupKey)) continue; // two spellings with one stem: harmless
    seen.set(dupKey, row.where);
    let node = root;
    for (const k of keys) {
      let child = node.next.get(k);
      if (!child) node.next.set(k, (child = { next: new Map(), terms: [] }));
      node = child;
    }
    node.terms.push({ topic, term, weight, rule: row.where, what: `term "${term}"` });
  }
  const signals = new Map<string, { topic: string; weight: number; rule: string }[]>();
  for (const row of readTsv(path.join(DATA_DIR, 'topic-signals.tsv'), ['entity', 'topic', 'weight'])) {
    check(row.cells.topic, row.where);
    const list = signals.get(row.cells.entity) ?? [];
    list.push({ topic: row.cells.topic, weight: Number(row.cells.weight), rule: row.where });
    signals.set(row.cells.entity, list);
  }
  const possessives = new Set<string>();
  const domainNouns = new Set<string>();
  for (const row of readTsv(path.join(languageDir(lang), 'classes.tsv'), ['class'])) {
    const words = (row.cells.words ?? '').split(/\s+/).filter(Boolean);
    if (row.cells.class === 'poss') for (const w of words) possessives.add(foldAccents(w).toLowerCase());
    if (row.cells.class === 'domain-list') for (const w of words) domainNouns.add(foldAccents(w).toLowerCase());
  }
  const jointPhrases = readTsv(path.join(languageDir(lang), 'holders.tsv'), ['kind', 'phrase'])
    .filter((r) => r.cells.kind === 'joint' || r.cells.kind === 'self')
    .map((r) => tokenize(r.cells.phrase).map((t) => t.norm))
    .filter((words) => words.length > 1);
  const model: TopicModel = {
    language: lang,
    topics,
    root,
    signals,
    relations,
    possessives,
    domainNouns,
    jointPhrases,
    stem,
    trieWord: formMemo((form) => trieWord(form.raw, model)),
    exactForms,
  };
  cache.set(lang, model);
  return model;
}

/** The trie keys of a word as written, and the terms it may start. */
function trieWord(raw: string, model: TopicModel): TrieWord {
  const stem = model.stem(raw);
  const form = `=${foldAccents(raw)}`;
  const singular = raw.length > 4 && /[sx]$/i.test(raw) ? model.stem(raw.slice(0, -1)) : stem;
  // A form no term is written with would only cost trie look-ups.
  const keys = [...new Set(model.exactForms.has(form) ? [stem, form, singular] : [stem, singular])];
  return { keys, starts: childrenOn([model.root], keys), relation: model.relations.get(stem) };
}

/**
 * The trie words of a token list: the keyword and relationship passes of a provision share them
 * (the last list's are kept, rather than a weak map entry per provision).
 */
let lastTrieWords: { tokens: Token[]; model: TopicModel; words: TrieWord[] } | null = null;

function trieWordsOf(tokens: Token[], model: TopicModel): TrieWord[] {
  if (lastTrieWords?.tokens !== tokens || lastTrieWords.model !== model) lastTrieWords = { tokens, model, words: tokens.map((t) => model.trieWord(t.form)) };
  return lastTrieWords.words;
}

const NO_NODES: TrieNode[] = [];
/** The trie key of a state's name in a term ("situation in @state"). */
const ANY_STATE = '@state';
const ANY_STATE_KEYS = [ANY_STATE];
/** States are named by ISO 3166-1 alpha-3 codes; every other entity by a lower-case slug. */
const STATE_ID = /^[A-Z]{3}$/;

/** Whether a token lies inside one of the spans. */
function insideAny(spans: { start: number; end: number }[], token: Token): boolean {
  for (const span of spans) if (span.start <= token.start && token.end <= span.end) return true;
  return false;
}

/** The trie nodes reached from `nodes` by one word, on any of its keys (no allocation when none is). */
function childrenOn(nodes: TrieNode[], keys: string[]): TrieNode[] {
  let next: TrieNode[] | null = null;
  for (const node of nodes)
    for (const key of keys) {
      const child = node.next.get(key);
      if (child) (next ??= []).push(child);
    }
  return next ?? NO_NODES;
}

export interface TopicEvidence {
  topic: string;
  start: number;
  end: number;
  weight: number;
  rule: string;
  what: string;
}

/**
 * Every keyword (on stems) and entity signal found in a span, with its place and weight. By
 * default only the longest term of a topic starting at a word counts; `allTerms` keeps the
 * shorter ones too ("mesures coercitives" inside "mesures coercitives unilatérales").
 */
export function topicEvidence(
  text: string,
  start: number,
  end: number,
  model: TopicModel,
  entityLabels: { label: string; start: number; end: number; detail?: string }[],
  allTerms = false,
  given?: Token[],
): TopicEvidence[] {
  const tokens = given ?? tokenize(text, start, end);
  // The keys a word may match in the trie: its stem, its written form ("=word"), and the stem
  // of its singular, since Snowball stems some plurals apart (French "conflits" → conflit,
  // "conflit" → confl).
  const words = trieWordsOf(tokens, model);
  // Names of states, which "@state" in a term matches.
  const states = entityLabels.filter((e) => STATE_ID.test(e.label));
  const out: TopicEvidence[] = [];
  for (let i = 0; i < tokens.length; i++) {
    // Every path through the trie: a word may match on any of its keys. Most words start no term.
    let nodes = words[i].starts;
    if (!nodes.length) continue;
    // The longest term per topic starting here ("armes nucléaires" beats "armes") replaces a
    // shorter one in place: the evidence of this word is out[firstHere...], one per topic.
    const firstHere = out.length;
    for (let j = i; j < tokens.length && nodes.length; j++) {
      if (j > i) {
        const from = nodes;
        nodes = childrenOn(from, words[j].keys);
        if (states.length) {
          const viaState = childrenOn(from, ANY_STATE_KEYS);
          if (viaState.length && insideAny(states, tokens[j])) nodes = nodes.length ? [...nodes, ...viaState] : viaState;
        }
      }
      for (const node of nodes)
        for (const term of node.terms) {
          const evidence = { topic: term.topic, start: tokens[i].start, end: tokens[j].end, weight: term.weight, rule: term.rule, what: term.what };
          // With allTerms every term is kept; otherwise a longer term of a topic replaces the shorter.
          let k = allTerms ? out.length : firstHere;
          while (k < out.length && out[k].topic !== term.topic) k++;
          if (k < out.length) out[k] = evidence;
          else out.push(evidence);
        }
    }
  }
  for (const e of entityLabels) {
    // A short form referring back ("le Traité", "la Convention") is a weaker pointer than the name.
    const discount = e.detail?.startsWith('reference:') ? 1 : 0;
    for (const s of model.signals.get(e.label) ?? [])
      if (s.weight > discount) out.push({ topic: s.topic, start: e.start, end: e.end, weight: s.weight - discount, rule: s.rule, what: `entity ${e.label}` });
  }
  return out;
}

/**
 * The parties' relationship as such: a relationship noun ("relations", "coopération", "alliance")
 * bound to the parties, by naming two of them next to it ("relations sino-russes", "the U.S.-Japan
 * Alliance") or by a possessive when the parties hold the sentence ("leur coopération", "our
 * partnership"). A noun qualified by another domain ("coopération économique sino-russe",
 * "leur coopération dans le domaine de l'énergie") is that domain's cooperation, not the relationship.
 */
export function relationshipEvidence(
  tokens: Token[],
  model: TopicModel,
  parties: string[],
  jointHolders: boolean,
  mentions: { label: string; start: number; end: number }[],
  domain: TopicEvidence[],
): TopicEvidence[] {
  const out: TopicEvidence[] = [];
  if (parties.length < 2 || !model.relations.size) return out;
  const { window, qualifiedWithin } = RELATIONSHIP;
  const words = trieWordsOf(tokens, model);
  for (let i = 0; i < tokens.length; i++) {
    const noun = words[i].relation;
    if (!noun) continue;
    let from = tokens[i].start;
    let to = tokens[i].end;
    let bound = false;
    // "leur coopération", "our Alliance cooperation": the possessive of the holders, one word apart at most.
    for (let k = i - 1; jointHolders && !bound && k >= Math.max(0, i - 2); k--)
      if (model.possessives.has(tokens[k].norm)) {
        bound = true;
        from = tokens[k].start;
      }
    // "les échanges entre les deux pays", "cooperation between our two countries".
    for (let j = i + 1; !bound && j <= i + window && j < tokens.length; j++) {
      const phrase = jointPhraseAt(model.jointPhrases, tokens, j);
      if (phrase) {
        bound = true;
        to = tokens[j + phrase.length - 1].end;
      }
    }
    if (!bound) {
      // Two parties named near the noun ("relations sino-russes"): the span covers them.
      const lo = tokens[Math.max(0, i - window)].start;
      const hi = tokens[Math.min(tokens.length - 1, i + window)].end;
      let firstParty: string | null = null;
      let nearFrom = from;
      let nearTo = to;
      for (const m of mentions) {
        if (m.start < lo || m.end > hi || !parties.includes(m.label)) continue;
        if (firstParty === null) firstParty = m.label;
        else if (m.label !== firstParty) bound = true;
        nearFrom = Math.min(nearFrom, m.start);
        nearTo = Math.max(nearTo, m.end);
      }
      if (bound) [from, to] = [nearFrom, nearTo];
    }
    if (!bound) continue;
    // Another domain's term inside the phrase or just after the noun qualifies it.
    const reach = Math.max(to, tokens[Math.min(tokens.length - 1, i + qualifiedWithin)].end);
    let qualified = false;
    for (const e of domain)
      if (e.topic !== noun.topic && e.start >= from && e.start < reach && !(e.start >= tokens[i].start && e.end <= tokens[i].end)) {
        qualified = true;
        break;
      }
    if (qualified) continue;
    out.push({ topic: noun.topic, start: from, end: to, weight: noun.weight, rule: noun.rule, what: noun.what });
  }
  return out;
}

/** The first of the phrases whose words are the tokens' from j on. */
function jointPhraseAt(phrases: string[][], tokens: Token[], j: number): string[] | undefined {
  for (const words of phrases) {
    let k = 0;
    while (k < words.length && tokens[j + k]?.norm === words[k]) k++;
    if (k === words.length) return words;
  }
  return undefined;
}

/** How far a list of domains reaches after the noun that announces it, at most (characters). */
const DOMAIN_LIST_REACH = 200;

/**
 * Spans of text that list domains: from a noun of the `domain-list` class ("domaines", "areas") to
 * the end of the list: ";" or ":", a comma before a task verb ("..., promouvoir ..."), the end of
 * the provision, or DOMAIN_LIST_REACH. A domain named in such a list is a topic of the provision
 * even if another one has stronger words: "coopération dans les domaines du commerce, de
 * l'agriculture et de l'énergie" is about all three. (The relationship itself is no domain: "... sur
 * la base de la confiance mutuelle" after the list does not make it one.)
 */
function listedDomains(text: string, tokens: readonly Token[], model: TopicModel, taskVerbs: ReadonlySet<string>): [number, number][] {
  if (!model.domainNouns.size) return [];
  const spans: [number, number][] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!model.domainNouns.has(tokens[i].norm)) continue;
    const from = tokens[i].end;
    let end = Math.min(from + DOMAIN_LIST_REACH, tokens[tokens.length - 1].end);
    const stop = text.slice(from, end).search(/[;:]/);
    if (stop >= 0) end = from + stop;
    for (let k = i + 1; k < tokens.length && tokens[k].start < end; k++)
      if (taskVerbs.has(tokens[k].norm) && text.slice(tokens[k - 1].end, tokens[k].start).includes(',')) end = tokens[k - 1].end;
    spans.push([from, end]);
  }
  return spans;
}

const taskVerbCache = new Map<string, Set<string>>();

/** The verbs that open a task ("Renforcer ...", "Promote ..."): the first words of the act lexicon's `initial` cues. */
function taskVerbsOf(lex: ActLexicon): Set<string> {
  let verbs = taskVerbCache.get(lex.language);
  if (!verbs) {
    verbs = new Set<string>();
    for (const cue of lex.cues) if (cue.flags.has('initial')) for (const alt of cue.pattern[0]?.positive ?? []) if (alt.test === 'exact') verbs.add(alt.value);
    taskVerbCache.set(lex.language, verbs);
  }
  return verbs;
}

/** Inside a longer term, of any topic, a word is part of that term: "talks" in "peace talks". */
function insideLongerTerm(e: TopicEvidence, evidence: TopicEvidence[]): boolean {
  for (const o of evidence) if (o.start <= e.start && e.end <= o.end && o.end - o.start > e.end - e.start) return true;
  return false;
}

/**
 * Sums evidence per topic: a term counts once per provision, and a term inside a longer one
 * ("prolifération" in "non-prolifération", "talks" in "peace talks") does not count again.
 */
function scoreTopics(evidence: TopicEvidence[]): Map<string, number> {
  const weights = new Map<string, number[]>();
  const counted = new Set<string>();
  for (const e of evidence) {
    const key = `${e.topic}|${e.what}`;
    if (counted.has(key) || insideLongerTerm(e, evidence)) continue;
    counted.add(key);
    (weights.get(e.topic) ?? weights.set(e.topic, []).get(e.topic)!).push(e.weight);
  }
  // The strongest piece of evidence counts in full, further ones with diminishing weight: a
  // sentence dense in one domain's vocabulary should not crowd out a second domain it names.
  const scores = new Map<string, number>();
  for (const [topic, ws] of weights) {
    sortInPlace(ws, (a, b) => b - a);
    let further = 0;
    for (let k = 1; k < ws.length; k++) further += ws[k];
    scores.set(topic, ws[0] + TOPIC_DECISION.furtherEvidence * further);
  }
  return scores;
}

/** Whether a topic has decisive evidence: a weight-3 term, an entity, the relationship, a report, or a domain named in a list. */
function hasDecisiveEvidence(topic: string, evidence: TopicEvidence[], listed: [number, number][]): boolean {
  for (const e of evidence) {
    if (e.topic !== topic) continue;
    if (e.weight >= 3 || DECISIVE_KINDS.test(e.what)) return true;
    if (e.weight >= 2 && e.topic !== 'bilateral') for (const [from, to] of listed) if (e.start >= from && e.end <= to) return true;
  }
  return false;
}
const DECISIVE_KINDS = /^(entity|relationship|report)/;

/** Removes the items that match, keeping the others in order, without a new list. */
function removeWhere<T>(list: T[], matches: (item: T) => boolean): void {
  let kept = 0;
  for (const item of list) if (!matches(item)) list[kept++] = item;
  list.length = kept;
}

/**
 * Topic stage: weighted keywords (on Snowball stems) and entity signals score each topic; a
 * topic is kept by the TOPIC_DECISION thresholds. A provision
 * with too little evidence takes the topics of its context: the heading above it, else the
 * provision before it (a task-list intro, a follow-up sentence), so every provision has one.
 */
export const topicStage: Stage = {
  name: 'topics',
  run(doc) {
    const model = loadTopicModel(doc.language);
    const lex = loadActLexicon(doc.language);
    const mentionsOf = entitiesByProvision(doc);
    const actsOf = doc.provisions.map(() => [] as Annotation[]);
    const holdersOf = doc.provisions.map(() => new Set<string>());
    for (const a of doc.annotations)
      if (a.kind === 'act') actsOf[a.provision]?.push(a);
      else if (a.kind === 'holder') holdersOf[a.provision]?.add(a.label);
    let context: string | null = null;
    const headingEvidence = new Map<number, TopicEvidence[]>();
    for (const p of doc.provisions) {
      const tokens = tokensOf(doc, p.start, p.end);
      // An attribution ("..., a déclaré M. Wang lors d'une conférence de presse", "according to state
      // media") says where the words come from, not what they are about.
      const frame = findFrame(p, lex);
      const evidence = topicEvidence(doc.text, p.start, p.end, model, mentionsOf[p.index], false, tokens);
      if (frame) removeWhere(evidence, (e) => e.start >= frame.start && e.end <= frame.end);
      const joint = doc.parties.length >= 2 && doc.parties.every((c) => holdersOf[p.index].has(c));
      for (const e of relationshipEvidence(tokens, model, doc.parties, joint, mentionsOf[p.index], evidence)) evidence.push(e);
      // A report recounts the events around the statement (meetings, visits, signatures): the relationship itself.
      const report = actsOf[p.index].find((a) => a.label === 'report');
      if (report) evidence.push({ topic: 'bilateral', start: report.start, end: report.end, weight: 3, rule: report.rule, what: 'report act' });
      if (p.heading !== null) {
        let fromHeading = headingEvidence.get(p.heading);
        if (!fromHeading) {
          const heading = doc.lines[p.heading];
          fromHeading = topicEvidence(doc.text, heading.start, heading.end, model, []).map((e) => ({ ...e, weight: e.weight / 2, what: `heading ${e.what}` }));
          headingEvidence.set(p.heading, fromHeading);
        }
        for (const e of fromHeading) evidence.push(e);
      }
      const scores = scoreTopics(evidence);
      let best = 0;
      for (const s of scores.values()) if (s > best) best = s;
      const { minScore, decisiveShare, closeShare, minAlone } = TOPIC_DECISION;
      // Besides the best topic, a topic needs decisive evidence or a score close to the best: a
      // weight-3 term, a named entity, the relationship or a report; one generic word is not enough.
      const listed = listedDomains(doc.text, tokens, model, taskVerbsOf(lex));
      let chosen: string[] = [];
      for (const [topic, score] of scores)
        if (score >= minScore && (score === best || score >= best * (hasDecisiveEvidence(topic, evidence, listed) ? decisiveShare : closeShare)))
          chosen.push(topic);
      if (report && !chosen.includes('bilateral')) chosen.push('bilateral');
      if (!chosen.length) {
        // A sentence that names the parties and reaches no domain is about the parties themselves.
        const named = mentionsOf[p.index].filter((m) => doc.parties.includes(m.label) && !m.detail?.startsWith('reference:'));
        if (doc.parties.length >= 2 && doc.parties.every((c) => named.some((m) => m.label === c))) {
          const [from, to] = [Math.min(...named.map((m) => m.start)), Math.max(...named.map((m) => m.end))];
          evidence.push({ topic: 'bilateral', start: from, end: to, weight: minScore, rule: 'topics:parties', what: 'the parties named, no other domain' });
          scores.set('bilateral', Math.max(scores.get('bilateral') ?? 0, minScore));
          chosen = ['bilateral'];
        }
      }
      if (!chosen.length && best >= minAlone) for (const [topic, score] of scores) if (score === best) chosen.push(topic);
      if (chosen.length) {
        for (const topic of chosen) {
          const ev = evidence.filter((e) => e.topic === topic);
          sortInPlace(ev, (a, b) => b.weight - a.weight);
          doc.annotations.push({
            kind: 'topic',
            label: topic,
            provision: p.index,
            start: ev[0].start,
            end: ev[0].end,
            rule: ev[0].rule,
            origin: 'machine',
            detail: `score ${scores.get(topic)!.toFixed(1)}: ${[...new Set(ev.map((e) => e.what))].slice(0, 6).join(', ')}`,
          });
        }
        // What follows without keywords of its own continues the main topic of this provision.
        context = chosen.reduce((main, topic) => (scores.get(topic)! > scores.get(main)! ? topic : main));
      } else {
        doc.annotations.push({
          kind: 'topic',
          label: context ?? 'bilateral',
          provision: p.index,
          start: p.start,
          end: p.end,
          rule: context ? 'topics:context' : 'topics:default',
          origin: 'machine',
          detail: context ? 'no decisive keyword: the main topic of the preceding provision' : 'no keyword and no context: the relationship itself',
        });
      }
    }
  },
};
