/**
 * Schema migrations, applied in order and recorded in `schema_migrations`. Never edit a
 * released migration: add a new one.
 */
export const MIGRATIONS: { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: 'documents, provisions, annotations, corrections',
    sql: `
      CREATE TABLE documents (
        id TEXT PRIMARY KEY,
        hash TEXT NOT NULL UNIQUE,
        path TEXT NOT NULL,
        name TEXT NOT NULL,
        format TEXT NOT NULL,
        encoding TEXT NOT NULL,
        language TEXT NOT NULL,
        doc_type TEXT NOT NULL,
        date TEXT,
        title TEXT,
        parties TEXT NOT NULL DEFAULT '[]',
        text TEXT NOT NULL,
        lines TEXT NOT NULL DEFAULT '[]',
        field_evidence TEXT NOT NULL DEFAULT '{}',
        analyzer_version TEXT NOT NULL,
        ingested_at TEXT NOT NULL,
        analyzed_at TEXT NOT NULL
      );
      CREATE INDEX documents_date ON documents(date);
      CREATE INDEX documents_name ON documents(name);

      CREATE TABLE provisions (
        id INTEGER PRIMARY KEY,
        doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        section TEXT,
        paragraph INTEGER NOT NULL,
        text TEXT NOT NULL,
        UNIQUE (doc_id, idx)
      );

      CREATE TABLE annotations (
        id INTEGER PRIMARY KEY,
        doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        provision_id INTEGER NOT NULL,
        provision_idx INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('act', 'holder', 'entity', 'topic')),
        label TEXT NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        rule TEXT NOT NULL,
        detail TEXT,
        origin TEXT NOT NULL CHECK (origin IN ('machine', 'human')),
        correction_id INTEGER REFERENCES corrections(id) ON DELETE CASCADE
      );
      CREATE INDEX annotations_by_label ON annotations(kind, label, provision_id);
      CREATE INDEX annotations_by_provision ON annotations(doc_id, provision_idx, kind);

      -- An analyst's correction of one field of one provision. Its labels are stored as human
      -- annotations; it is re-anchored by provision text when a re-analysis moves provisions.
      CREATE TABLE corrections (
        id INTEGER PRIMARY KEY,
        doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        provision_idx INTEGER NOT NULL,
        provision_text TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('act', 'holder', 'entity', 'topic')),
        labels TEXT NOT NULL,
        note TEXT,
        author TEXT NOT NULL,
        created_at TEXT NOT NULL,
        active INTEGER NOT NULL DEFAULT 1
      );
      CREATE INDEX corrections_by_provision ON corrections(doc_id, provision_idx, kind);

      -- The codes in force: an active correction of a (provision, kind) replaces the machine's codes.
      CREATE VIEW codes AS
        SELECT a.* FROM annotations a
        WHERE (a.origin = 'human' AND EXISTS (SELECT 1 FROM corrections c WHERE c.id = a.correction_id AND c.active = 1))
           OR (a.origin = 'machine' AND NOT EXISTS (
                SELECT 1 FROM corrections c WHERE c.doc_id = a.doc_id AND c.provision_idx = a.provision_idx AND c.kind = a.kind AND c.active = 1));
    `,
  },
  {
    version: 2,
    name: 'full-text index of provisions (stemmed, accent-insensitive)',
    sql: `
      -- Contentless: the provisions table holds the text; the index holds the stems of each
      -- provision (rowid = provisions.id) in its document's language, and its codes in force and
      -- document facts as tokens (act_oppose, entity_nato, lang_fr, year_2021, party_chn,
      -- doc_<id>), so that filters are intersections of posting lists, not scans.
      CREATE VIRTUAL TABLE provision_index USING fts5(stems, codes, content='', tokenize="unicode61 remove_diacritics 2 tokenchars '_'", contentless_delete=1);
    `,
  },
  {
    version: 3,
    name: 'API tokens',
    sql: `
      -- Only a hash of each token is kept; the token itself is shown once, when created.
      CREATE TABLE tokens (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, hash TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL);
    `,
  },
  {
    version: 4,
    name: 'codes of a provision by index',
    sql: `
      -- Search filters, hit codes and positions read the codes of one provision at a time.
      CREATE INDEX annotations_by_provision_id ON annotations(provision_id, kind, label);
      CREATE INDEX documents_language ON documents(language);
      CREATE INDEX documents_path ON documents(path);
    `,
  },
  {
    version: 5,
    name: 'full-text index merges sixteen segments at a time',
    sql: `
      -- FTS5 merges its segments four at a time by default, rewriting every posting once per level
      -- of four; sixteen at a time rewrites it half as often, which makes ingest's index writes about
      -- a quarter cheaper, for a few more segments to read per query term.
      INSERT INTO provision_index (provision_index, rank) VALUES ('automerge', 16);
    `,
  },
  {
    version: 6,
    name: 'what the full-text index was built with',
    sql: `
      -- key 'index_keys': a fingerprint of the word lists the index keys depend on (index-stopwords.txt
      -- of every language). When it differs from the running code's, every provision is indexed again.
      CREATE TABLE index_settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    `,
  },
  {
    version: 7,
    name: 'annotations found by provision id only',
    sql: `
      -- A document's codes are found through its provisions (provisions(doc_id, idx), then
      -- annotations(provision_id, ...)): an index by document cost every ingest a third index
      -- entry per annotation for lookups the other two already serve.
      DROP INDEX annotations_by_provision;
    `,
  },
  {
    version: 8,
    name: 'machine codes kept with their provision',
    sql: `
      -- A provision's machine codes are written, read and replaced together, so they are one JSON
      -- value of the provision: [[kind, label, start, end, rule, detail], ...], offsets into the
      -- document text. A row per code with two indexes made storage the largest cost of an ingest.
      -- Codes are found by label through the full-text index's codes column (act_oppose, entity_nato).
      -- The annotations table keeps the analysts' codes only (origin 'human').
      ALTER TABLE provisions ADD COLUMN machine_codes TEXT NOT NULL DEFAULT '[]';
      UPDATE provisions SET machine_codes = (
        SELECT json_group_array(json_array(a.kind, a.label, a.start, a.end, a.rule, a.detail))
        FROM (SELECT * FROM annotations a WHERE a.provision_id = provisions.id AND a.origin = 'machine' ORDER BY a.id) a)
      WHERE id IN (SELECT provision_id FROM annotations WHERE origin = 'machine');
      DELETE FROM annotations WHERE origin = 'machine';
      DROP INDEX annotations_by_label;
      DROP VIEW codes;

      -- The codes in force: an active correction of a (provision, kind) replaces the machine's codes
      -- of that kind. One join of a provision with its list of codes (not a UNION), so that SQLite
      -- folds the view into the queries that use it and a lookup by provision stays one row read.
      -- Code lists are [kind, label, start, end, rule, detail, origin, correction_id]; a machine
      -- code leaves the last two out.
      CREATE VIEW codes AS
        SELECT p.doc_id, p.id AS provision_id, p.idx AS provision_idx,
               j.value ->> 0 AS kind, j.value ->> 1 AS label, j.value ->> 2 AS start, j.value ->> 3 AS end,
               j.value ->> 4 AS rule, j.value ->> 5 AS detail, coalesce(j.value ->> 6, 'machine') AS origin, j.value ->> 7 AS correction_id
        FROM provisions p, json_each(
          CASE WHEN NOT EXISTS (SELECT 1 FROM corrections c WHERE c.doc_id = p.doc_id AND c.provision_idx = p.idx AND c.active = 1) THEN p.machine_codes
          ELSE (SELECT json_group_array(json(code)) FROM (
                  SELECT m.value AS code FROM json_each(p.machine_codes) m
                  WHERE NOT EXISTS (SELECT 1 FROM corrections c WHERE c.doc_id = p.doc_id AND c.provision_idx = p.idx AND c.kind = m.value ->> 0 AND c.active = 1)
                  UNION ALL
                  SELECT json_array(a.kind, a.label, a.start, a.end, a.rule, a.detail, a.origin, a.correction_id) FROM annotations a
                  WHERE a.provision_id = p.id AND EXISTS (SELECT 1 FROM corrections c WHERE c.id = a.correction_id AND c.active = 1)))
          END) j;
    `,
  },
];
