import type { AnalysisRecord, Doc, SourceInfo } from '../core/types.ts';
import { segment } from '../segment/segment.ts';
import { classifyDocType, detectLanguage, findDocumentDate, findTitle } from './doc-fields.ts';
import { defaultContext, type AnalysisContext, type Stage } from './stage.ts';
import { entityStage } from './entities/stage.ts';
import { partiesStage } from './parties.ts';
import { actsStage } from './acts/stage.ts';
import { topicStage } from './topics/stage.ts';

/** The coding stages, in the order they run. Each one reads what the previous ones wrote. */
export const CODING_STAGES: Stage[] = [entityStage, partiesStage, actsStage, topicStage];

/** Bump when the analysis changes, so stored documents can be re-analysed. */
export const ANALYZER_VERSION = '0.1.0';

/** A document before any stage has run: its text, and no fields or annotations yet. */
export function emptyDoc(text: string, source: SourceInfo, language = 'und'): Doc {
  return {
    source,
    text,
    language,
    docType: 'statement_text',
    date: null,
    title: null,
    parties: [],
    provisions: [],
    lines: [],
    annotations: [],
    diagnostics: [],
    fieldEvidence: {},
  };
}

/**
 * The whole analysis of one text: language → segmentation → document fields → coding stages.
 * Pure: no file system, no database.
 */
export function analyzeText(text: string, source: SourceInfo, context: AnalysisContext = defaultContext(), stages: Stage[] = CODING_STAGES): Doc {
  const doc = emptyDoc(text, source, detectLanguage(text));
  segment(doc);
  doc.title = findTitle(doc);
  const date = findDocumentDate(doc);
  doc.date = date.date;
  doc.fieldEvidence.date = date.evidence;
  const type = classifyDocType(doc);
  doc.docType = type.type;
  doc.fieldEvidence.doc_type = type.evidence;
  for (const stage of stages) stage.run(doc, context);
  return doc;
}

/** The analysis record of gold-format.md, built from a document's annotations. */
export function toRecord(doc: Doc, file = doc.source.path): AnalysisRecord {
  const sets = doc.provisions.map(() => ({ act: new Set<string>(), holder: new Set<string>(), entity: new Set<string>(), topic: new Set<string>() }));
  for (const a of doc.annotations) sets[a.provision]?.[a.kind].add(a.label);
  return {
    file: file.split(/[\\/]/).pop() ?? file,
    language: doc.language,
    doc_type: doc.docType,
    parties: [...doc.parties].sort(),
    date: doc.date,
    title: doc.title,
    provisions: doc.provisions.map((p, i) => ({
      text: p.text,
      start: p.start,
      end: p.end,
      section: p.section,
      acts: [...sets[i].act].sort(),
      holders: [...sets[i].holder].sort(),
      entities: [...sets[i].entity].sort(),
      topics: [...sets[i].topic].sort(),
    })),
  };
}
