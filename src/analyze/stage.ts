import type { Doc } from '../core/types.ts';

/**
 * One analysis stage: reads the document and the annotations of earlier stages, and adds its
 * own. A stage never edits the text or the provisions. Adding a kind of coding is adding a
 * module that exports a Stage and listing it in `pipeline.ts`.
 */
export interface Stage {
  name: string;
  run(doc: Doc, context: AnalysisContext): void;
}

/** What stages may share: loaded resources that outlive one document. */
export interface AnalysisContext {
  /** Extra gazetteer files given by the user (`--gazetteer`, or next to the database). */
  extraGazetteers: string[];
}

export const defaultContext = (): AnalysisContext => ({ extraGazetteers: [] });
