import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { analyze, hasShared, SHARED } from './helpers.ts';
import { compareDocuments, type ComparableDoc } from '../src/query/compare.ts';
import { parseQuery, search } from '../src/query/search.ts';
import { indexText, indexWords } from '../src/query/text-index.ts';
import { tokensIfComputed } from '../src/core/tokenize.ts';
import { openDatabase } from '../src/store/database.ts';
import { saveDocument } from '../src/store/documents.ts';
import { timeline, whatIsNew } from '../src/query/explore.ts';
import { listPositions, getPosition, buildPositions } from '../src/query/positions.ts';
import { toRecord } from '../src/analyze/pipeline.ts';
import { addCorrection } from '../src/store/corrections.ts';
import type { Doc } from '../src/core/types.ts';

/** A deterministic pseudo-random generator (mulberry32), so edits are the same on every run. */
function seeded(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function comparable(doc: Doc, id: string): ComparableDoc {
  const record = toRecord(doc);
  return {
    id,
    name: id,
    language: doc.language,
    date: doc.date,
    provisions: record.provisions.map((p, index) => ({ index, text: p.text, acts: p.acts, entities: p.entities, topics: p.topics })),
  };
}

/** Words that can be swapped in a rewording without changing the sentence's subject matter. */
const REWORDINGS: [RegExp, string][] = [
  [/\bles deux parties\b/i, 'les deux pays'],
  [/\bcontinueront\b/, 'poursuivront leurs efforts pour'],
  [/\bcoopération\b/, 'collaboration'],
  [/\bimportant\b/, 'essentiel'],
  [/\brenforcer\b/, 'consolider'],
  [/\bdéveloppement\b/, 'essor'],
];

function reword(text: string, rnd: () => number): string | null {
  const options = REWORDINGS.filter(([re]) => re.test(text));
  if (!options.length) return null;
  const [re, by] = options[Math.floor(rnd() * options.length)];
  return text.replace(re, by);
}

const paragraphOf = (p: { text: string; section: string | null }) => (p.section && !/^\d+$|^[IVXLC]+$/.test(p.section) ? `- ${p.text}` : p.text);

test('compare recovers seeded deletions, insertions, moves and rewordings of real statements exactly', { skip: !hasShared && 'needs ../shared' }, () => {
  const seeds = path.join(SHARED, 'corpus/seeds');
  const files = readdirSync(seeds).sort();
  const base = analyze(
    readFileSync(
      path.join(
        seeds,
        files.find((f) => f.startsWith('003'))!,
      ),
      'utf8',
    ),
  );
  const donor = analyze(
    readFileSync(
      path.join(
        seeds,
        files.find((f) => f.startsWith('000'))!,
      ),
      'utf8',
    ),
  );
  for (const seed of [1, 2, 3, 4, 5]) {
    const rnd = seeded(seed);
    const provisions = base.provisions.map((p) => ({ text: p.text, section: p.section, origin: p.index as number | null, reworded: false }));
    // Reword four provisions, delete five, move three far away, insert four from another statement.
    const pick = (n: number, pool: number[]) => {
      const out: number[] = [];
      while (out.length < n) {
        const i = pool[Math.floor(rnd() * pool.length)];
        if (!out.includes(i)) out.push(i);
      }
      return out;
    };
    const rewordable = provisions.map((p, i) => i).filter((i) => reword(provisions[i].text, () => 0) !== null && provisions[i].text.length > 60);
    const reworded = new Set(pick(4, rewordable).map((i) => provisions[i].origin!));
    for (const p of provisions) if (reworded.has(p.origin!)) ((p.text = reword(p.text, rnd)!), (p.reworded = true));
    const deletable = provisions.map((p, i) => i).filter((i) => !provisions[i].reworded);
    const deleted = new Set(pick(5, deletable).map((i) => provisions[i].origin!));
    let edited = provisions.filter((p) => !deleted.has(p.origin!));
    const movable = edited.map((p, i) => i).filter((i) => !edited[i].reworded && i > 10 && i < edited.length - 10);
    const moved = new Set<number>();
    for (const i of pick(3, movable)) {
      const p = edited[i];
      moved.add(p.origin!);
      edited = edited.filter((x) => x !== p);
      const to = i < edited.length / 2 ? edited.length - 2 - moved.size : 1 + moved.size;
      edited.splice(to, 0, p);
    }
    const inserted = donor.provisions.slice(3, 7).map((p) => ({ text: p.text, section: null, origin: null, reworded: false }));
    inserted.forEach((p, k) => edited.splice(20 + k * 15, 0, p));
    const derived = analyze(edited.map(paragraphOf).join('\n'));
    assert.equal(derived.provisions.length, edited.length, `seed ${seed}: the edited text segments as built`);

    const cmp = compareDocuments(comparable(base, 'A'), comparable(derived, 'B'));
    const originOfB = (j: number) => edited[j].origin;
    assert.deepEqual(new Set(cmp.dropped), deleted, `seed ${seed}: dropped`);
    assert.deepEqual(new Set(cmp.added.map((j) => derived.provisions[j].text)), new Set(inserted.map((p) => p.text)), `seed ${seed}: added`);
    assert.deepEqual(new Set(cmp.reworded.map((r) => r.a)), reworded, `seed ${seed}: reworded`);
    for (const r of cmp.reworded) assert.equal(originOfB(r.b), r.a, `seed ${seed}: reworded provision aligned with its original`);
    for (const k of cmp.kept) assert.equal(originOfB(k.b), k.a, `seed ${seed}: kept provision aligned with itself`);
    assert.deepEqual(new Set([...cmp.kept, ...cmp.reworded].filter((p) => p.moved).map((p) => p.a)), moved, `seed ${seed}: moved`);
    assert.equal(cmp.kept.length + cmp.reworded.length + cmp.dropped.length, base.provisions.length);
    for (const r of cmp.reworded) {
      assert.ok(r.diff.some((d) => d.op === 'delete') && r.diff.some((d) => d.op === 'insert'), 'a rewording has a word-level diff');
      assert.equal(
        r.diff
          .filter((d) => d.op !== 'insert')
          .map((d) => d.text)
          .join(''),
        base.provisions[r.a].text,
        'the diff rebuilds the old wording',
      );
      assert.equal(
        r.diff
          .filter((d) => d.op !== 'delete')
          .map((d) => d.text)
          .join(''),
        derived.provisions[r.b].text,
        'the diff rebuilds the new wording',
      );
    }
  }
});

test('compare aligns a statement with its translation on codes', () => {
  const fr = analyze(
    'Les deux parties s’opposent à l’élargissement de l’OTAN.\nLes deux parties soutiennent le Traité sur la non-prolifération des armes nucléaires.\nLes deux parties renforceront leur coopération énergétique.',
  );
  const en = analyze(
    'The two sides will strengthen their energy cooperation.\nThe two sides oppose the enlargement of NATO.\nThe two sides support the Treaty on the Non-Proliferation of Nuclear Weapons.',
  );
  const cmp = compareDocuments(comparable(fr, 'fr'), comparable(en, 'en'));
  assert.equal(cmp.crossLanguage, true);
  const pairs = [...cmp.kept, ...cmp.reworded].map((p) => [p.a, p.b]).sort();
  assert.deepEqual(pairs, [
    [0, 1],
    [1, 2],
    [2, 0],
  ]);
});

test('search queries parse, and malformed ones give a clear message instead of an FTS error', () => {
  assert.deepEqual(parseQuery('sanctions'), { type: 'term', word: 'sanctions', prefix: false });
  assert.equal(parseQuery('"armes nucléaires" OR nuclear')?.type, 'or');
  assert.equal(parseQuery('États-Unis')?.type, 'phrase');
  for (const bad of ['(sanctions', '"open', 'OR', 'a AND', 'x )'])
    assert.throws(
      () => parseQuery(bad),
      (err: Error) => /search query/.test((err as { describe?: () => string }).describe?.() ?? '') && !/fts5|syntax error/i.test(err.message),
      bad,
    );
});

/** Three statements restating two stances (coercive measures, NATO) in other words and languages. */
const CORPUS: [string, string][] = [
  [
    '2019.txt',
    'Déclaration de 2019\n\nLes deux parties s’opposent aux mesures coercitives unilatérales et à l’élargissement de l’OTAN.\nLes deux parties renforceront leur coopération énergétique.\nLes deux parties soutiennent le système international centré sur les Nations unies.\nMoscou, le 5 juin 2019',
  ],
  [
    '2021.txt',
    'Déclaration de 2021\n\nLes deux parties s’opposent fermement aux mesures coercitives unilatérales.\nLes deux parties coopéreront dans le domaine de l’énergie nucléaire civile.\nLes deux parties expriment leur préoccupation face à l’AUKUS.\nPékin, le 28 juin 2021',
  ],
  [
    '2023.txt',
    'Joint Statement 2023\n\nThe two sides oppose unilateral sanctions and NATO expansion.\nThe two sides will deepen energy cooperation.\nMoscow, March 21, 2023',
  ],
];

function corpusDb(docs = CORPUS) {
  const db = openDatabase(':memory:');
  for (const [name, text] of docs) saveDocument(db, analyze(text, name));
  return db;
}

test('search is stemmed, accent- and case-insensitive, with phrases, boolean operators, prefixes and filters', () => {
  const db = corpusDb();
  const texts = (q: string, extra = {}) => search(db, { query: q, ...extra }).hits.map((h) => h.text);
  assert.equal(texts('coopérer').length, 3, 'coopérer finds coopération, coopéreront and (English stem) cooperation');
  assert.deepEqual(texts('COERCITIVES'), texts('coercitive'));
  assert.equal(texts('"mesures coercitives unilatérales"').length, 2);
  assert.equal(texts('mesures NOT fermement').length, 1);
  assert.equal(texts('énergie OR energy').length, 2);
  assert.equal(texts('énergie OR energy OR énergétique').length, 3);
  assert.equal(texts('coerc*').length, 2);
  assert.equal(texts('', { entity: ['nato'] }).length, 2);
  assert.equal(texts('', { act: ['concern'] }).length, 1);
  assert.equal(texts('', { language: 'en' }).length, 2);
  assert.equal(texts('', { from: '2020', to: '2021' }).length, 3);
  const r = search(db, { query: 'coercitives', facets: true });
  assert.ok(r.facets!.acts.some((f) => f.value === 'oppose'));
  assert.deepEqual(r.facets!.years.map((y) => y.value).sort(), ['2019', '2021']);
  const hit = r.hits[0];
  assert.equal(hit.text.slice(hit.highlights[0][0], hit.highlights[0][1]).toLowerCase(), 'coercitives');
  assert.equal(hit.kwic[0].keyword.toLowerCase(), 'coercitives');
});

test('the index leaves out function words: phrases skip them and a query of them alone is refused', () => {
  const db = corpusDb([
    [
      'droits.txt',
      'Déclaration\n\n1. Les parties défendent les droits de l’homme.\n2. Elles protègent les droits des hommes et des femmes.\n3. Elles protègent les droits et les libertés.',
    ],
    ['treaty.txt', 'Joint Statement\n\n1. The two sides support the Treaty on the Non-Proliferation of Nuclear Weapons.'],
  ]);
  const texts = (q: string) => search(db, { query: q }).hits.map((h) => h.text);
  // "de l'" and "des" are not indexed, so both wordings are the same phrase; "droits et les libertés" is not.
  assert.equal(texts('"droits de l\'homme"').length, 2);
  assert.equal(texts('"droits des hommes"').length, 2);
  assert.equal(texts('"Treaty on Non-Proliferation"').length, 1);
  assert.equal(texts('"treaty non-proliferation weapons"').length, 0, 'words still have to be next to each other, once function words are skipped');
  // A function word in an OR or after NOT is dropped; a query of function words alone says why it finds nothing.
  assert.equal(texts('libertés OR les').length, 1);
  assert.equal(texts('droits -les').length, 3);
  // Each language leaves out its own words: "de la" is looked for in English texts, "of the" in French ones.
  const french = corpusDb([['droits.txt', 'Déclaration\n\n1. Les parties défendent les droits de l’homme.']]);
  assert.throws(() => search(french, { query: 'de la' }), /only words too common to be indexed/);
  assert.throws(() => search(french, { query: '"de la" OR les' }), /only words too common to be indexed/);
  assert.equal(search(db, { query: 'de la' }).hits.length, 0);
  // Highlights mark the words the index matched, not the function words between them.
  const hit = search(db, { query: '"droits de l\'homme"' }).hits.find((h) => h.text.includes('l’homme'))!;
  assert.deepEqual(
    hit.highlights.map(([s, e]) => hit.text.slice(s, e)),
    ['droits', 'homme'],
  );
});

test("index entries made from the stages' tokens are the entries read from the text", () => {
  const doc = analyze(
    "Déclaration conjointe\n\n1. L’OTAN, l'U.S. Navy et la partie sino-russe s’opposent aujourd’hui à l’expansion.\n2. China's and Russia's U.S.-Japan policy: 3,5 % in 2024–2025!",
  );
  for (const p of doc.provisions) {
    const tokens = tokensIfComputed(doc, p.start, p.end);
    assert.ok(tokens, 'the coding stages tokenized the provision');
    assert.equal(
      indexWords(
        tokens.map((t) => t.raw),
        doc.language,
      ),
      indexText(doc.text, doc.language, p.start, p.end),
    );
  }
});

test('a database indexed with other word lists is indexed again when opened', () => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'entente-index-')), 'old.db');
  let db = openDatabase(file);
  saveDocument(db, analyze('Déclaration\n\n1. Les parties défendent les droits de l’homme.', 'droits.txt'));
  // The entry as an older Entente wrote it: every word's stem, function words included.
  const id = Number(db.prepare('SELECT id FROM provisions').pluck().get());
  db.prepare('DELETE FROM provision_index WHERE rowid = ?').run(id);
  db.prepare("INSERT INTO provision_index (rowid, stems, codes) VALUES (?, 'le part defend le droit de l homm', 'lang_fr')").run(id);
  db.prepare('DELETE FROM index_settings').run();
  assert.equal(search(db, { query: '"droits de l\'homme"' }).hits.length, 0, 'the old entry does not match the phrase without function words');
  db.close();
  db = openDatabase(file);
  assert.equal(search(db, { query: '"droits de l\'homme"' }).hits.length, 1);
  assert.equal(search(db, { query: 'homme', language: 'fr' }).hits.length, 1, 'the document facts are indexed again too');
  db.close();
});

test('timeline counts provisions mentioning an entity by act per document date', () => {
  const db = corpusDb();
  const rows = timeline(db, { entity: 'nato' });
  assert.deepEqual(
    rows.map((r) => [r.date, r.counts.oppose]),
    [
      ['2019-06-05', 1],
      ['2023-03-21', 1],
    ],
  );
});

test('what is new lists provisions no earlier statement of the same parties made', () => {
  const db = corpusDb();
  const result = whatIsNew(db, '2021');
  assert.deepEqual(
    result.provisions.map((p) => p.index),
    [1, 2],
  );
});

test('positions group the same stance across documents and keep its wording variants', () => {
  const db = corpusDb();
  buildPositions(db);
  const { positions } = listPositions(db, { act: 'oppose' });
  const coercive = positions.find((p) => p.target.includes('coercit'));
  assert.ok(coercive, 'opposition to unilateral coercive measures is a position');
  assert.equal(coercive.firstSeen, '2019-06-05');
  assert.equal(coercive.lastSeen, '2021-06-28');
  const detail = getPosition(db, coercive.id)!;
  assert.equal(detail.members.length, 2);
  assert.ok(detail.variants[1].diff.some((d) => d.op === 'insert' && /fermement/.test(d.text)));
  // Members come a page at a time; the variants still cover them all.
  const paged = getPosition(db, coercive.id, { limit: 1 })!;
  assert.equal(paged.members.length, 1);
  assert.equal(paged.variants.length, detail.variants.length);
});

test('positions found in the seed corpus include the recurring ones a reader finds by hand', { skip: !hasShared && 'needs ../shared' }, () => {
  const db = openDatabase(':memory:');
  const dir = path.join(SHARED, 'corpus/seeds');
  for (const f of readdirSync(dir)) saveDocument(db, analyze(readFileSync(path.join(dir, f), 'utf8'), f));
  buildPositions(db);
  const { positions } = listPositions(db, { limit: 200 });
  const groupOf = (id: number) => getPosition(db, id)!.members.map((m) => `${m.docName.slice(0, 3)}#${m.index}`);
  // Each stance a reader finds by hand is ONE group holding every provision that states it (a
  // provision stating several stances is also in their groups, but no other group holds two of them).
  const stance = (act: string, members: string[]) => {
    const holding = positions.filter((p) => p.act === act && members.filter((m) => groupOf(p.id).includes(m)).length >= 2);
    assert.equal(holding.length, 1, `${act} ${members.join(' ')}: ${holding.map((p) => p.target).join(', ')}`);
    const group = groupOf(holding[0].id);
    for (const m of members) assert.ok(group.includes(m), `${m} in ${holding[0].target}: ${group.join(' ')}`);
    return group;
  };
  stance('oppose', ['000#27', '003#78', '003#87', '004#8', '004#1', '004#5']); // unilateral coercive measures
  stance('oppose', ['000#5', '000#6', '003#94']); // global missile defence
  stance('support', ['001#9', '001#10', '003#92']); // the NPT
  stance('support', ['000#30', '002#0', '003#78']); // the UN-centred order based on international law
  // Unrelated stances of one provision stay apart: the missile-defence group is not the NPT's.
  const npt = positions.find((p) => groupOf(p.id).includes('003#92'))!;
  assert.ok(!groupOf(npt.id).includes('000#5'));
  // Another act than a side selects the positions stated at least once with that act.
  let stated = 0;
  for (const act of ['call', 'commit', 'concern']) {
    const found = listPositions(db, { act, limit: 1000 }).positions;
    stated += found.length;
    for (const p of found) {
      const members = getPosition(db, p.id, { limit: -1 })!.members.map((m) => m.provisionId);
      const coded = db.prepare(`SELECT count(*) AS n FROM codes WHERE kind = 'act' AND label = ? AND provision_id IN (${members.join(',')})`).get(act) as {
        n: number;
      };
      assert.ok(coded.n > 0, `position ${p.id} has a provision coded ${act}`);
    }
  }
  assert.ok(stated > 0, 'some positions are stated with a call, a commitment or a concern');
});

/** `copies` copies of each statement, each with another year on its closing line (so another date and text). */
const copiesOf = (docs: [string, string][], copies: number): [string, string][] =>
  Array.from({ length: copies }, (_, k) =>
    docs.map(([name, text]): [string, string] => [`${k}-${name}`, text.replace(/(\d{4})$/, (y) => String(Number(y) + k))]),
  ).flat();

test('a statement stored many times forms the same positions as once, each over all its copies', () => {
  const once = corpusDb();
  const copies = 5;
  const many = corpusDb(copiesOf(CORPUS, copies));
  const all = (db: ReturnType<typeof corpusDb>) => listPositions(db, { limit: 1000 }).positions;
  const expected = all(once).map((p) => `${p.act} ${p.target} ${p.documents * copies} ${p.provisions * copies}`);
  assert.ok(expected.length >= 1);
  // One position per stance, not one per copy or per pair of copies.
  assert.deepEqual(
    all(many)
      .map((p) => `${p.act} ${p.target} ${p.documents} ${p.provisions}`)
      .sort(),
    expected.sort(),
  );
  const coercive = all(many).filter((p) => p.act === 'oppose' && p.target.includes('coercit'));
  assert.equal(coercive.length, 1);
  assert.equal(coercive[0].documents, 2 * copies);
  assert.equal(coercive[0].firstSeen, '2019-06-05');
  assert.equal(coercive[0].lastSeen, '2025-06-28');
  // A stance is recurring when another statement restates it, not when one statement is stored again.
  const alone = corpusDb(copiesOf([CORPUS[1]], copies));
  assert.equal(all(alone).length, 0);
  // Nor when an analyst corrects one copy: its wording is still the statement's.
  const pid = alone.prepare("SELECT id FROM provisions WHERE text LIKE '%coercitives%' ORDER BY id LIMIT 1").pluck().get() as number;
  addCorrection(alone, { provisionId: pid, kind: 'act', labels: ['oppose'], author: 'test' });
  assert.equal(all(alone).length, 0);
});

test('many distinct wordings of one stance, more than a block compares pairwise, form one position', () => {
  const n = 260;
  const docs: [string, string][] = Array.from({ length: n }, (_, k) => [
    `${k}.txt`,
    `Déclaration commune ${k}\n\nLors de leur ${k + 1}e rencontre, les deux parties s’opposent ${k % 2 ? 'fermement ' : ''}aux mesures coercitives unilatérales.\n` +
      `Les deux parties ${k % 3 ? 'soutiennent pleinement' : 'soutiennent'} le Traité sur la non-prolifération des armes nucléaires, pilier ${k + 1} du régime.\n` +
      `Moscou, le 5 juin ${2000 + (k % 25)}`,
  ]);
  const db = corpusDb(docs);
  buildPositions(db);
  const { positions } = listPositions(db, { limit: 1000 });
  // Two stances, each one position over every statement: neither split among its wordings nor merged with the other.
  const shown = positions.map((p) => `${p.act} ${p.target} ${p.documents}`).join('; ');
  assert.equal(positions.length, 2, shown);
  const oppose = positions.find((p) => p.act === 'oppose')!;
  const support = positions.find((p) => p.act === 'support')!;
  assert.match(oppose.target, /coercit/);
  assert.match(support.label, /non-prolifération/);
  assert.deepEqual([oppose.documents, support.documents], [n, n]);
});
