/**
 * The central document type. One `Doc` flows through every stage of the pipeline:
 * readers fill `text` and `source`, the segmenter fills `provisions` and `lines`,
 * the analysis stages add `annotations` and document fields. All offsets are
 * UTF-16 code-unit offsets into `text` (the normalised text), so that
 * `doc.text.slice(p.start, p.end) === p.text` always holds.
 */

export const ACTS = ['commit', 'support', 'oppose', 'concern', 'call', 'assert', 'report'] as const;
export type Act = (typeof ACTS)[number];

export const DOC_TYPES = ['statement_text', 'news_report'] as const;
export type DocType = (typeof DOC_TYPES)[number];

export const ANNOTATION_KINDS = ['act', 'holder', 'entity', 'topic'] as const;
export type AnnotationKind = (typeof ANNOTATION_KINDS)[number];
export type Origin = 'machine' | 'human';

/** A code on one provision, with the evidence that produced it. */
export interface Annotation {
  kind: AnnotationKind;
  /** Act name, actor code, entity id or topic id. */
  label: string;
  /** Index of the provision in `doc.provisions`. */
  provision: number;
  /** Evidence span in `doc.text` (the cue, the alias, the term). */
  start: number;
  end: number;
  /** Id of the rule or lexicon row that produced the code, e.g. `fr/acts.tsv:12`. */
  rule: string;
  /** Free detail for explanations: the matched alias, the terms and score, ... */
  detail?: string;
  origin: Origin;
}

export interface Provision {
  /** Position in document order, from 0. */
  index: number;
  start: number;
  end: number;
  text: string;
  /** Section number or list marker kept apart from the text (`3`, `IV`, `-`), else null. */
  section: string | null;
  /** Index of the paragraph the provision belongs to. */
  paragraph: number;
  /** Heading that precedes the provision, if any (used by topic inheritance). */
  heading: number | null;
}

export type LineKind = 'title' | 'heading' | 'dateline' | 'byline' | 'source' | 'caption' | 'breadcrumb' | 'furniture' | 'closing_date';

/** A line of the text that is not a provision, kept as document metadata. */
export interface MetaLine {
  kind: LineKind;
  start: number;
  end: number;
  text: string;
  /** Rule that classified the line. */
  rule: string;
}

/** A finding about the input (not a crash): where it is, and what to do. */
export interface Diagnostic {
  level: 'warning' | 'error';
  message: string;
  offset?: number;
  rule: string;
}

export interface SourceInfo {
  /** Path as given by the user, or a label such as `<stdin>`. */
  path: string;
  format: 'text' | 'markdown' | 'html' | 'pdf' | 'docx';
  /** Encoding the bytes were decoded from. */
  encoding: string;
  /** Metadata that the reader found outside the text (HTML <title>, meta dates). */
  hints: { title?: string; date?: string; byline?: string };
}

export interface Doc {
  source: SourceInfo;
  text: string;
  language: string;
  docType: DocType;
  date: string | null;
  title: string | null;
  parties: string[];
  provisions: Provision[];
  lines: MetaLine[];
  annotations: Annotation[];
  diagnostics: Diagnostic[];
  /** Evidence for document-level fields (rule ids), for explanations. */
  fieldEvidence: Record<string, string>;
}

/** The analysis record exchanged with other tools and scored against gold (gold-format.md). */
export interface RecordProvision {
  text: string;
  start: number;
  end: number;
  section: string | null;
  acts: string[];
  holders: string[];
  entities: string[];
  topics: string[];
}

export interface AnalysisRecord {
  file: string;
  language: string;
  doc_type: DocType;
  parties: string[];
  date: string | null;
  title: string | null;
  provisions: RecordProvision[];
}

/** A user-facing error: says what happened, where, and what to do. */
export class EntenteError extends Error {
  constructor(
    message: string,
    readonly where?: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'EntenteError';
  }
  describe(): string {
    return [this.where ? `${this.where}: ${this.message}` : this.message, this.hint].filter(Boolean).join(' — ');
  }
}

/** The entity annotations of each provision, grouped once (stages read them provision by provision). */
export function entitiesByProvision(doc: Doc): Annotation[][] {
  const out: Annotation[][] = doc.provisions.map(() => []);
  for (const a of doc.annotations) if (a.kind === 'entity') out[a.provision]?.push(a);
  return out;
}
