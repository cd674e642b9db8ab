import path from 'node:path';
import { tokensOf } from '../core/tokenize.ts';
import { entitiesByProvision } from '../core/types.ts';
import { DATA_DIR, readTsv } from '../lang/tsv.ts';
import type { Stage } from './stage.ts';
import { loadGazetteer, type Gazetteer } from './entities/gazetteer.ts';
import { findMentions, newMemory } from './entities/match.ts';
import { mentionKind } from './entities/stage.ts';

let groups: Set<string> | null = null;
const issuingGroups = () => (groups ??= new Set(readTsv(path.join(DATA_DIR, 'gazetteer', 'groups.tsv'), ['id']).map((r) => r.cells.id)));

/**
 * Parties stage: who issues the statement the document is about. States (directly, through
 * their people, capitals and compound adjectives) are scored by where they are named: the
 * title, compounds such as "sino-russe" or "U.S.-Japan", pairs such as "la France et l'Inde",
 * and the opening of sentences, where subjects stand. A group named as the issuer of a summit
 * declaration wins when it outweighs every state.
 */
export const partiesStage: Stage = {
  name: 'parties',
  run(doc, context) {
    const g = loadGazetteer(doc.language, context.extraGazetteers);
    const score = new Map<string, number>();
    const add = (id: string, w: number) => score.set(id, (score.get(id) ?? 0) + w);
    const title = doc.lines.find((l) => l.kind === 'title');
    const titleMentions = title ? findMentions(doc.text, title.start, title.end, g, newMemory()) : [];
    for (const m of titleMentions) credit(g, m.id, 3, add);
    // "XV BRICS Summit Johannesburg II Declaration": a group named in the title with no pair of
    // states beside it issues the declaration as such.
    const titleGroup = titleMentions.find((m) => issuingGroups().has(m.id));
    const titleStates = new Set(titleMentions.map((m) => g.stateOf(m.id)).filter((s): s is string => !!s && g.typeOf(s) === 'state'));
    const mentionsOf = entitiesByProvision(doc);
    for (const p of doc.provisions) {
      const mentions = mentionsOf[p.index];
      // The opening is the first dozen words.
      const tokens = tokensOf(doc, p.start, p.end);
      const openingEnd = tokens.length ? tokens[Math.min(tokens.length, 12) - 1].end : p.start;
      mentions.forEach((m, i) => {
        const kind = mentionKind(m);
        let w = 1;
        if (kind === 'combining' || (i > 0 && mentions[i - 1].detail?.startsWith('combining'))) w += 2;
        if (m.start <= openingEnd) w += 1;
        const next = mentions[i + 1];
        if (next && /^\s*(?:et|and|und|y|,)\s*(?:l'|l’|la|le|les|the)?\s*$/iu.test(doc.text.slice(m.end, next.start))) {
          w += 2;
          credit(g, next.label, 2, add);
        }
        credit(g, m.label, w, add);
      });
    }
    const ranked = [...score.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    const states = ranked.filter(([id]) => g.typeOf(id) === 'state');
    const group = ranked.find(([id]) => issuingGroups().has(id));
    let parties: string[];
    if (titleGroup && titleStates.size < 2) parties = [titleGroup.id];
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

/** A person or a state organ counts for its state; a group for itself. */
function credit(g: Gazetteer, id: string, weight: number, add: (id: string, w: number) => void): void {
  const type = g.typeOf(id);
  if (type === 'state') add(id, weight);
  else if (type === 'person') {
    const state = g.stateOf(id);
    if (state) add(state, weight);
  } else if (issuingGroups().has(id)) add(id, weight);
}
