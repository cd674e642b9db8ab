import path from 'node:path';
import { EntenteError, type Doc } from '../../core/types.ts';
import { tokenize } from '../../core/tokenize.ts';
import { DATA_DIR, readTsv } from '../../lang/tsv.ts';
import { hasLanguageData, languageDir } from '../../lang/language-data.ts';
import { stemmerFor } from '../../lang/stem.ts';
import type { Stage } from '../stage.ts';

interface Term {
  topic: string;
  term: string;
  weight: number;
  rule: string;
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
  stem: (w: string) => string;
}

/** A topic is kept when its score reaches this much, and this share of the best topic's score. */
export const MIN_SCORE = 2;
export const MIN_SHARE = 0.5;

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
  for (const row of readTsv(path.join(languageDir(lang), 'topics.tsv'), ['topic', 'term', 'weight'])) {
    const { topic, term } = row.cells;
    check(topic, row.where);
    const weight = Number(row.cells.weight);
    if (!(weight > 0 && weight <= 5)) throw new EntenteError(`weight "${row.cells.weight}" is not a number from 1 to 5`, row.where);
    const keys = tokenize(term).map((t) => stem(t.raw));
    if (!keys.length) throw new EntenteError(`term "${term}" has no word`, row.where);
    const dupKey = `${topic}|${keys.join(' ')}`;
    if (seen.has(dupKey)) continue; // two spellings with one stem: harmless
    seen.set(dupKey, row.where);
    let node = root;
    for (const k of keys) {
      let child = node.next.get(k);
      if (!child) node.next.set(k, (child = { next: new Map(), terms: [] }));
      node = child;
    }
    node.terms.push({ topic, term, weight, rule: row.where });
  }
  const signals = new Map<string, { topic: string; weight: number; rule: string }[]>();
  for (const row of readTsv(path.join(DATA_DIR, 'topic-signals.tsv'), ['entity', 'topic', 'weight'])) {
    check(row.cells.topic, row.where);
    const list = signals.get(row.cells.entity) ?? [];
    list.push({ topic: row.cells.topic, weight: Number(row.cells.weight), rule: row.where });
    signals.set(row.cells.entity, list);
  }
  const model = { language: lang, topics, root, signals, stem };
  cache.set(lang, model);
  return model;
}

export interface TopicEvidence {
  topic: string;
  start: number;
  end: number;
  weight: number;
  rule: string;
  what: string;
}

/** Every keyword (on stems) and entity signal found in a span, with its place and weight. */
export function topicEvidence(doc: Doc, start: number, end: number, model: TopicModel, entityLabels: { label: string; start: number; end: number }[]): TopicEvidence[] {
  const tokens = tokenize(doc.text, start, end);
  const stems = tokens.map((t) => model.stem(t.raw));
  const out: TopicEvidence[] = [];
  for (let i = 0; i < stems.length; i++) {
    let node = model.root;
    // Longest term per topic starting here: "armes nucléaires" beats "armes".
    const best = new Map<string, { term: Term; last: number }>();
    for (let j = i; j < stems.length; j++) {
      const child = node.next.get(stems[j]);
      if (!child) break;
      node = child;
      for (const term of node.terms) best.set(term.topic, { term, last: j });
    }
    for (const { term, last } of best.values())
      out.push({ topic: term.topic, start: tokens[i].start, end: tokens[last].end, weight: term.weight, rule: term.rule, what: `term "${term.term}"` });
  }
  for (const e of entityLabels)
    for (const s of model.signals.get(e.label) ?? []) out.push({ topic: s.topic, start: e.start, end: e.end, weight: s.weight, rule: s.rule, what: `entity ${e.label}` });
  return out;
}

/** Sums evidence per topic, a term counted once per provision. */
function scoreTopics(evidence: TopicEvidence[]): Map<string, number> {
  const scores = new Map<string, number>();
  const counted = new Set<string>();
  for (const e of evidence) {
    const key = `${e.topic}|${e.what}`;
    if (counted.has(key)) continue;
    counted.add(key);
    scores.set(e.topic, (scores.get(e.topic) ?? 0) + e.weight);
  }
  return scores;
}

/**
 * Topic stage: weighted keywords (on Snowball stems) and entity signals score each topic; a
 * topic is kept when it scores at least MIN_SCORE and MIN_SHARE of the best one. A provision
 * with too little evidence takes the topics of its context: the heading above it, else the
 * provision before it (a task-list intro, a follow-up sentence), so every provision has one.
 */
export const topicStage: Stage = {
  name: 'topics',
  run(doc) {
    const model = loadTopicModel(doc.language);
    const entities = doc.annotations.filter((a) => a.kind === 'entity');
    let previous: { topic: string; start: number; end: number }[] = [];
    for (const p of doc.provisions) {
      const evidence = topicEvidence(doc, p.start, p.end, model, entities.filter((a) => a.provision === p.index));
      const heading = p.heading !== null ? doc.lines[p.heading] : null;
      if (heading) for (const e of topicEvidence(doc, heading.start, heading.end, model, [])) evidence.push({ ...e, weight: e.weight / 2, what: `heading ${e.what}` });
      const scores = scoreTopics(evidence);
      const best = Math.max(0, ...scores.values());
      let chosen = [...scores.entries()].filter(([, s]) => s >= MIN_SCORE && s >= best * MIN_SHARE).map(([t]) => t);
      if (!chosen.length && best > 0) chosen = [...scores.entries()].filter(([, s]) => s === best).map(([t]) => t);
      if (chosen.length) {
        const picked: { topic: string; start: number; end: number }[] = [];
        for (const topic of chosen) {
          const ev = evidence.filter((e) => e.topic === topic).sort((a, b) => b.weight - a.weight);
          doc.annotations.push({
            kind: 'topic', label: topic, provision: p.index, start: ev[0].start, end: ev[0].end, rule: ev[0].rule, origin: 'machine',
            detail: `score ${scores.get(topic)!.toFixed(1)}: ${[...new Set(ev.map((e) => e.what))].slice(0, 6).join(', ')}`,
          });
          picked.push({ topic, start: ev[0].start, end: ev[0].end });
        }
        previous = picked;
      } else {
        const inherited = previous.length ? previous : [{ topic: 'bilateral', start: p.start, end: p.start }];
        for (const t of inherited)
          doc.annotations.push({ kind: 'topic', label: t.topic, provision: p.index, start: p.start, end: p.end, rule: previous.length ? 'topics:context' : 'topics:default', origin: 'machine', detail: previous.length ? 'no keyword: topic of the preceding provision' : 'no keyword and no context' });
      }
    }
  },
};
