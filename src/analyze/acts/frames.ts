import type { Provision } from '../../core/types.ts';
import type { ActLexicon } from './lexicon.ts';

/**
 * An attribution frame around a provision's content: "..., a affirmé M. Wang lors d'une conférence
 * de presse." (trailing) or "Selon le communiqué, ..." (leading), as `frames.tsv` defines them.
 */
export interface Frame {
  kind: 'trailing' | 'leading';
  /** The frame's span in the text. */
  start: number;
  end: number;
  speakerStart: number;
  speakerEnd: number;
  rule: string;
}

/** Frames found, per provision: the acts and the topic stages both ask. */
const framesOf = new WeakMap<Provision, Frame | null>();

/** The first frame of the language that fits the provision, or null (remembered per provision). */
export function findFrame(p: Provision, lex: ActLexicon): Frame | null {
  let frame = framesOf.get(p);
  if (frame === undefined) framesOf.set(p, (frame = matchFrame(p, lex)));
  return frame;
}

function matchFrame(p: Provision, lex: ActLexicon): Frame | null {
  for (const f of lex.frames) {
    const m = f.pattern.exec(p.text);
    if (!m) continue;
    // A trailing attribution must leave some content before it.
    if (f.kind === 'trailing' && m.index < 15) continue;
    let speaker = m.groups?.speaker ?? '';
    for (const end of lex.speakerEnd) speaker = speaker.replace(end, '');
    const speakerOffset = speaker ? m[0].indexOf(speaker) : m[0].length;
    return {
      kind: f.kind,
      start: p.start + m.index,
      end: p.start + m.index + m[0].length,
      speakerStart: p.start + m.index + Math.max(0, speakerOffset),
      speakerEnd: p.start + m.index + Math.max(0, speakerOffset) + speaker.length,
      rule: f.rule,
    };
  }
  return null;
}
