import type { Stage } from '../stage.ts';
import { loadGazetteer } from './gazetteer.ts';
import { findMentions, newMemory } from './match.ts';
import { tokensOf } from '../../core/tokenize.ts';
import type { Annotation } from '../../core/types.ts';

/** How an entity annotation named its entity: the `kind` of its `kind:alias` detail. */
export function mentionKind(a: Annotation): string {
  const detail = a.detail ?? '';
  const colon = detail.indexOf(':');
  return colon < 0 ? detail : detail.slice(0, colon);
}

/**
 * Entity stage: links every mention of a state or listed entry in each provision to its
 * identifier. The annotation's detail is `kind:alias`, so later stages (holders, parties) know
 * whether a state was named, described by a demonym, or acting through its capital.
 */
export const entityStage: Stage = {
  name: 'entities',
  run(doc, context) {
    const g = loadGazetteer(doc.language, context.extraGazetteers);
    const memory = newMemory();
    // The title introduces people and treaties that the body then names by short forms.
    const title = doc.lines.find((l) => l.kind === 'title');
    if (title) findMentions(doc.text, title.start, title.end, g, memory);
    for (const p of doc.provisions) {
      memory.position = p.index;
      for (const m of findMentions(doc.text, p.start, p.end, g, memory, tokensOf(doc, p.start, p.end))) {
        doc.annotations.push({
          kind: 'entity',
          label: m.id,
          provision: p.index,
          start: m.start,
          end: m.end,
          rule: m.rule,
          detail: `${m.kind}:${m.alias}`,
          origin: 'machine',
        });
      }
    }
  },
};
