import { tokensOf, wordsOf, type Token } from '../core/tokenize.ts';
import { foldAccents } from '../core/normalize.ts';
import { isActorNoun, loadActLexicon, type ActLexicon } from './acts/lexicon.ts';
import { entitiesByProvision } from '../core/types.ts';
import type { Stage } from './stage.ts';
import { issuingGroups } from './groups.ts';
import { loadGazetteer, type Gazetteer } from './entities/gazetteer.ts';
import { findMentions, newMemory } from './entities/match.ts';
import { mentionKind } from './entities/stage.ts';

/**
 * Parties stage: who issues the statement the document is about. States (directly, through
 * their people, capitals and compound adjectives) are scored by where they are named: the
 * title, compounds such as "sino-russe" or "U.S.-Japan", pairs such as "la France et l'Inde",
 * and the opening of sentences, where subjects stand. A group named as the issuer of a summit
 * declaration wins when it outweighs every state, or when the first provision lists three or
 * more states as its authors ("We, the Leaders of Brazil, Russia, India, China and South Africa")
 * and the group is named at the head of the document.
 */
export const partiesStage: Stage = {
  name: 'parties',
  run(doc, context) {
    const g = loadGazetteer(doc.language, context.extraGazetteers);
    const score = new Map<string, number>();
    const add = (id: string, w: number) => score.set(id, (score.get(id) ?? 0) + w);
    const title = doc.lines.find((l) => l.kind === 'title');
    const titleMentions = title ? findMentions(doc.text, title.start, title.end, g, newMemory()) : [];
    // A capital in a title names the place of the meeting ("Astana Declaration"), not an author,
    // unless it is paired with another as actors ("Moscou et Téhéran signent ...", "Beijing-Moscow").
    const joins = listJoins(doc.language);
    const pairedCapitals = new Set<number>();
    for (let i = 1; i < titleMentions.length; i++) {
      const [a, b] = [titleMentions[i - 1], titleMentions[i]];
      if (a.kind === 'capital' && b.kind === 'capital' && g.stateOf(a.id) !== g.stateOf(b.id) && pairs(doc.text.slice(a.end, b.start), joins))
        [i - 1, i].forEach((k) => pairedCapitals.add(k));
    }
    titleMentions.forEach((m, i) => {
      if (m.kind !== 'capital' || pairedCapitals.has(i)) credit(g, m.id, 3, add);
    });
    // Exactly two states paired in the title ("La Chine et la Russie signent ...", "India-Japan
    // summit") are what a joint statement names: as strong a sign as a pair opening the body.
    const titleActors = titleMentions.filter((m, i) => m.kind !== 'capital' || pairedCapitals.has(i));
    if (titleActors.length === 2 && pairs(doc.text.slice(titleActors[0].end, titleActors[1].start), joins))
      for (const m of titleActors) credit(g, m.id, 2, add);
    // "XV BRICS Summit Johannesburg II Declaration": a group named in the title (or one of its
    // bodies: "Council of Heads of State of the SCO") with no pair of states beside it issues the
    // declaration as such.
    const titleGroup = titleMentions.map((m) => groupOf(m.id)).find((id) => id !== null);
    const titleStates = new Set(
      titleMentions
        .filter((m) => m.kind !== 'capital')
        .map((m) => g.stateOf(m.id))
        .filter((s): s is string => !!s && g.typeOf(s) === 'state'),
    );
    const mentionsOf = entitiesByProvision(doc);
    // States listed together in the opening of the first provision: its authors, when three or more.
    let openingList: string[] = [];
    let openingListNamesAuthors = false;
    // "We, the Leaders of the Pacific Islands Forum, ...": a group the first provision names as its authors.
    let authorGroup: string | null = null;
    for (const p of doc.provisions) {
      const mentions = mentionsOf[p.index];
      // The opening is the first dozen words.
      const tokens = tokensOf(doc, p.start, p.end);
      const openingEnd = tokens.length ? tokens[Math.min(tokens.length, 12) - 1].end : p.start;
      if (p.index === 0 && speaksAsWe(tokens, doc.language))
        authorGroup =
          mentions.map((m) => (m.start <= openingEnd && namesAuthors(tokens, m.start, doc.language) ? groupOf(m.label) : null)).find((id) => id) ?? null;
      // Runs of mentions joined by a comma or "and" ("la France et l'Inde"; "Brazil, Russia, India and China").
      const runs: number[][] = [];
      mentions.forEach((m, i) => {
        if (i > 0 && joinsList(doc.text.slice(mentions[i - 1].end, m.start), joins)) runs[runs.length - 1].push(i);
        else runs.push([i]);
      });
      for (const run of runs) {
        const listed = run.map((i) => mentions[i]);
        // Two names joined are a pair, and a pair of states is what a joint statement names; a longer list is not a pair.
        const paired = listed.length === 2;
        listed.forEach((m, k) => {
          const kind = mentionKind(m);
          let w = 1;
          if (kind === 'combining' || (k > 0 && listed[k - 1].detail?.startsWith('combining'))) w += 2;
          if (m.start <= openingEnd) w += 1;
          if (paired && k === 0) {
            w += 2;
            credit(g, listed[1].label, 2, add);
          }
          credit(g, m.label, w, add);
        });
        const states = listed.map((m) => stateCredited(g, m.label)).filter((id): id is string => !!id);
        if (p.index === 0 && listed[0].start <= openingEnd && new Set(states).size >= 3 && !openingList.length) {
          openingList = [...new Set(states)];
          openingListNamesAuthors = namesAuthors(tokens, listed[0].start, doc.language);
        }
      }
    }
    const ranked = [...score.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    const states = ranked.filter(([id]) => g.typeOf(id) === 'state');
    const group = ranked.find(([id]) => issuingGroups().ids.has(id));
    // A group named in the title, the headings above the first provision or the first provision;
    // looked for only when the first provision lists its authors.
    const headEnd = doc.provisions[0]?.end ?? doc.text.length;
    const headGroup = !openingList.length
      ? undefined
      : [
          ...titleMentions.map((m) => m.id),
          ...doc.lines
            .filter((l) => l.kind === 'heading' && l.end <= headEnd)
            .flatMap((l) => findMentions(doc.text, l.start, l.end, g, newMemory()).map((m) => m.id)),
          ...(mentionsOf[0] ?? []).map((m) => m.label),
        ]
          .map(groupOf)
          .find((id) => id !== null);
    // "EU-China Summit", "Sommet UE-Chine", "ASEAN and China": a group paired with one state in the
    // title is one side of a bilateral statement, the state the other.
    const titlePair = titleGroup ? pairedWithGroup(doc.text, titleMentions, titleGroup, g, joins) : null;
    let parties: string[];
    if (titleGroup && titlePair) parties = [titleGroup, titlePair];
    else if (titleGroup && titleStates.size < 2) parties = [titleGroup];
    else if (authorGroup) parties = [authorGroup];
    else if (headGroup) parties = [headGroup];
    // "Joint Statement of Japan, the Republic of Korea, and the United States" / "We, the leaders of
    // Japan, the Republic of Korea, and the United States, ...": three or more states listed as the
    // authors at the head of the text, and named in its title, are the parties of a plurilateral statement.
    else if (openingList.length >= 3 && openingList.every((s) => titleStates.has(s))) parties = [...openingList];
    // "Joint Communiqué of the Lublin Triangle": a title that names no state leaves the authors to
    // the first sentence, when it lists them as such ("The Ministers of Foreign Affairs of X, Y and Z").
    else if (openingList.length >= 3 && titleStates.size === 0 && openingListNamesAuthors) parties = [...openingList];
    else if (group && (!states.length || group[1] >= states[0][1])) parties = [group[0]];
    else {
      parties = states
        .slice(0, 2)
        .filter(([, s], i) => i === 0 || s >= states[0][1] * 0.3)
        .map(([id]) => id);
      // A third state as strong as the second makes a trilateral statement.
      if (states.length > 2 && states[2][1] >= states[1][1] * 0.9 && states[2][1] >= states[0][1] * 0.6) parties.push(states[2][0]);
    }
    doc.parties = parties.sort();
    doc.fieldEvidence.parties = ranked
      .slice(0, 5)
      .map(([id, s]) => `${id}=${s}`)
      .join(' ');
  },
};

/** The provision opens with the authors speaking as "we" ("We, the Leaders of ...", "Nous, chefs d'État ..."). */
function speaksAsWe(tokens: readonly Token[], language: string): boolean {
  const lex = loadActLexicon(language);
  return tokens.length > 0 && (lex.holderPhrasesByFirst.get(tokens[0].norm) ?? []).some((h) => h.kind === 'self' && h.keys.length === 1);
}

/**
 * "The Ministers of Foreign Affairs of [X, Y and Z]", "Les chefs d'État de [X, Y et Z]": the list
 * starts after "of" (and an article), within a few words of an actor noun, so it names who acts,
 * not places ("discussed the situation in X, Y and Z").
 */
function namesAuthors(tokens: readonly Token[], listStart: number, language: string): boolean {
  const lex = loadActLexicon(language);
  const [article, of] = (['article', 'of'] as const).map((c) => lex.classes.get(c)!);
  let k = tokens.findIndex((t) => t.start >= listStart) - 1;
  while (k >= 0 && article.has(tokens[k].norm)) k--;
  if (k < 0 || !of.has(tokens[k].norm)) return false;
  return tokens.slice(Math.max(0, k - 5), k).some((t) => isActorNoun(t, lex));
}

/**
 * The state a title pairs with a group: the two are next to each other, joined by a hyphen or dash
 * ("EU-China", "Chine–UE") or by "and"/"et" ("l'UE et la Chine"), and no other state is named.
 */
function pairedWithGroup(
  text: string,
  mentions: { id: string; kind: string; start: number; end: number }[],
  group: string,
  g: Gazetteer,
  joins: ListJoins,
): string | null {
  const named = mentions.filter((m) => m.kind !== 'capital');
  const states = [...new Set(named.map((m) => g.stateOf(m.id)).filter((s): s is string => !!s && g.typeOf(s) === 'state'))];
  if (states.length !== 1) return null;
  for (let i = 1; i < named.length; i++) {
    const [a, b] = [named[i - 1], named[i]];
    const ids = [groupOf(a.id), groupOf(b.id)];
    const state = ids[0] === group ? g.stateOf(b.id) : ids[1] === group ? g.stateOf(a.id) : null;
    if (state !== states[0]) continue;
    const gap = text.slice(a.end, b.start);
    if (pairs(gap, joins)) return state;
  }
  return null;
}

/** The issuing group an entry is, or belongs to by its identifier ("sco_heads_of_state_council" → sco). */
function groupOf(id: string): string | null {
  if (issuingGroups().ids.has(id)) return id;
  const prefix = id.split('_')[0];
  return id.includes('_') && issuingGroups().ids.has(prefix) ? prefix : null;
}

interface ListJoins {
  join: Set<string>;
  article: Set<string>;
  /**
   * The most characters other than spaces a joining gap can hold: a comma, a join word and an
   * article, twice over for spellings longer than their folded form. Most gaps between two names
   * are whole clauses, rejected by counting to this.
   */
  maxChars: number;
}

/** Per act lexicon (the classes come from it), made once. */
const joinsOfLexicon = new WeakMap<ActLexicon, ListJoins>();

/** The words that join the names of a list in a language: its "and" (the `list-join` class) and its articles. */
function listJoins(language: string): ListJoins {
  const lexicon = loadActLexicon(language);
  let joins = joinsOfLexicon.get(lexicon);
  if (!joins) {
    const join = lexicon.classes.get('list-join')!;
    const article = lexicon.classes.get('article')!;
    const longest = (words: Set<string>) => Math.max(0, ...[...words].map((w) => w.length));
    joins = { join, article, maxChars: 2 * (1 + longest(join) + longest(article) + 2) };
    joinsOfLexicon.set(lexicon, joins);
  }
  return joins;
}

/** The text between two names pairs them: a hyphen or dash ("EU-China", "Pékin–Moscou"), or "and"/"et". */
function pairs(gap: string, joins: ListJoins): boolean {
  return /^\s*[-‐‑–—]\s*$/.test(gap) || joinsList(gap, joins);
}

/** The text between two names joins them in a list: a comma or "and", then perhaps an article (", the", " et l'"). */
function joinsList(gap: string, joins: ListJoins): boolean {
  if (moreCharsThan(gap, joins.maxChars)) return false;
  let rest = gap.trim();
  const comma = rest.startsWith(',');
  if (comma) rest = rest.slice(1);
  const written = wordsOf(rest);
  if (written.join('').length !== rest.replace(/[\s'’]/g, '').length) return false; // punctuation other than the comma
  const words = written.map((w) => foldAccents(w).replace(/['’]/g, ''));
  let i = 0;
  if (i < words.length && joins.join.has(words[i])) i++;
  else if (!comma) return false;
  if (i < words.length && joins.article.has(words[i])) i++;
  return i === words.length;
}

/** Whether a text has more than `limit` characters other than white space (counting stops there). */
function moreCharsThan(text: string, limit: number): boolean {
  let seen = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // What \s matches: tab to carriage return and space in ASCII, the rest through the regex.
    const space = code === 0x20 || (code >= 0x09 && code <= 0x0d) || (code > 0x7f && WHITE_SPACE.test(text[i]));
    if (!space && ++seen > limit) return true;
  }
  return false;
}
const WHITE_SPACE = /\s/;

/** The state a mention counts for: a state itself, a person's state. */
function stateCredited(g: Gazetteer, id: string): string | null {
  const type = g.typeOf(id);
  if (type === 'state') return id;
  if (type === 'person') return g.stateOf(id) ?? null;
  return null;
}

/** A person counts for its state; a group for itself. */
function credit(g: Gazetteer, id: string, weight: number, add: (id: string, w: number) => void): void {
  const credited = stateCredited(g, id) ?? (issuingGroups().ids.has(id) ? id : null);
  if (credited) add(credited, weight);
}
