import { createHash, randomBytes } from 'node:crypto';
import { ACTS, EntenteError, type AnnotationKind } from '../core/types.ts';
import type { Db } from './database.ts';
import { reindexProvisions } from './documents.ts';
import { loadGazetteer } from '../analyze/entities/gazetteer.ts';
import { loadTopicModel } from '../analyze/topics/stage.ts';

export const CORRECTABLE_KINDS: AnnotationKind[] = ['act', 'holder', 'entity', 'topic'];

export interface Correction {
  id: number;
  docId: string;
  docName: string;
  provisionIndex: number;
  provisionText: string;
  kind: AnnotationKind;
  labels: string[];
  machineLabels: string[];
  note: string | null;
  author: string;
  createdAt: string;
  active: boolean;
}

/** Checks labels against the codebook: acts, topics, and entity/actor identifiers of the gazetteer. */
export function validateLabels(kind: AnnotationKind, labels: string[], language = 'en'): void {
  if (!CORRECTABLE_KINDS.includes(kind)) throw new EntenteError(`cannot correct "${kind}"`, 'correction', `correct one of ${CORRECTABLE_KINDS.join(', ')}`);
  if ((kind === 'act' || kind === 'topic' || kind === 'holder') && !labels.length)
    throw new EntenteError(`a provision needs at least one ${kind}`, 'correction', 'give one label or more');
  const known =
    kind === 'act' ? new Set<string>(ACTS) : kind === 'topic' ? new Set(loadTopicModel(language).topics) : new Set(loadGazetteer(language).entities.keys());
  const unknown = labels.filter((l) => !known.has(l));
  if (unknown.length)
    throw new EntenteError(
      `unknown ${kind} label${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}`,
      'correction',
      kind === 'act' ? `use ${ACTS.join(', ')}` : 'use identifiers of the codebook',
    );
}

/**
 * Records an analyst's correction of one field of one provision: its labels become human
 * annotations, used in place of the machine's everywhere, and an earlier correction of the
 * same field is kept in the history but no longer in force. One transaction.
 */
export function addCorrection(
  db: Db,
  input: { provisionId: number; kind: AnnotationKind; labels: string[]; note?: string | null; author: string },
): Correction {
  const p = db
    .prepare('SELECT p.id, p.doc_id, p.idx, p.start, p.end, p.text, d.language FROM provisions p JOIN documents d ON d.id = p.doc_id WHERE p.id = ?')
    .get(input.provisionId) as { id: number; doc_id: string; idx: number; start: number; end: number; text: string; language: string } | undefined;
  if (!p) throw new EntenteError(`no provision ${input.provisionId}`, 'correction');
  const labels = [...new Set(input.labels.map((l) => l.trim()).filter(Boolean))].sort();
  validateLabels(input.kind, labels, p.language);
  const note = input.note?.trim() ? input.note.trim().slice(0, 2000) : null;
  const id = db.transaction(() => {
    db.prepare('UPDATE corrections SET active = 0 WHERE doc_id = ? AND provision_idx = ? AND kind = ? AND active = 1').run(p.doc_id, p.idx, input.kind);
    const correctionId = Number(
      db
        .prepare('INSERT INTO corrections (doc_id, provision_idx, provision_text, kind, labels, note, author, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
        .run(p.doc_id, p.idx, p.text, input.kind, JSON.stringify(labels), note, input.author, new Date().toISOString()).lastInsertRowid,
    );
    const insert = db.prepare(
      "INSERT INTO annotations (doc_id, provision_id, provision_idx, kind, label, start, end, rule, detail, origin, correction_id) VALUES (?, ?, ?, ?, ?, ?, ?, 'human:correction', ?, 'human', ?)",
    );
    for (const label of labels)
      insert.run(p.doc_id, p.id, p.idx, input.kind, label, p.start, p.end, note ? `by ${input.author}: ${note}` : `by ${input.author}`, correctionId);
    reindexProvisions(db, p.doc_id, [p.id]);
    return correctionId;
  })();
  return listCorrections(db, { id })[0];
}

/** Corrections with who, when and what the machine had said, newest first. */
export function listCorrections(db: Db, filter: { docId?: string; id?: number; active?: boolean } = {}): Correction[] {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.docId) (where.push('c.doc_id = ?'), params.push(filter.docId));
  if (filter.id) (where.push('c.id = ?'), params.push(filter.id));
  if (filter.active !== undefined) (where.push('c.active = ?'), params.push(filter.active ? 1 : 0));
  const rows = db
    .prepare(
      `SELECT c.*, d.name AS doc_name FROM corrections c JOIN documents d ON d.id = c.doc_id ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY c.created_at DESC, c.id DESC`,
    )
    .all(...params) as Record<string, unknown>[];
  const machine = db.prepare(
    'SELECT DISTINCT j.value ->> 1 AS label FROM provisions p, json_each(p.machine_codes) j WHERE p.doc_id = ? AND p.idx = ? AND j.value ->> 0 = ? ORDER BY label',
  );
  return rows.map((r) => ({
    id: Number(r.id),
    docId: String(r.doc_id),
    docName: String(r.doc_name),
    provisionIndex: Number(r.provision_idx),
    provisionText: String(r.provision_text),
    kind: r.kind as AnnotationKind,
    labels: JSON.parse(String(r.labels)),
    machineLabels: (machine.all(r.doc_id, r.provision_idx, r.kind) as { label: string }[]).map((m) => m.label),
    note: (r.note as string | null) ?? null,
    author: String(r.author),
    createdAt: String(r.created_at),
    active: Number(r.active) === 1,
  }));
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Creates a write token for a named analyst; the token is returned once and only its hash is stored. */
export function createToken(db: Db, name: string): string {
  if (!/^[\p{L}\p{N} ._@-]{1,64}$/u.test(name))
    throw new EntenteError(`"${name}" is not a usable name`, 'token', 'use letters, digits, spaces, dots, dashes (64 at most)');
  if (db.prepare('SELECT 1 FROM tokens WHERE name = ?').get(name)) throw new EntenteError(`a token named "${name}" exists`, 'token', 'choose another name');
  const token = `ent_${randomBytes(24).toString('base64url')}`;
  db.prepare('INSERT INTO tokens (name, hash, created_at) VALUES (?, ?, ?)').run(name, hashToken(token), new Date().toISOString());
  return token;
}

/** The analyst a token belongs to, or null. */
export function tokenOwner(db: Db, token: string): string | null {
  const row = db.prepare('SELECT name FROM tokens WHERE hash = ?').get(hashToken(token)) as { name: string } | undefined;
  return row?.name ?? null;
}
