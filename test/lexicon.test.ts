/**
 * Language data is validated when loaded, and changing it changes the analysis. Each check runs
 * in a child process on an altered copy of data/, because ENTENTE_DATA_DIR is read once at load.
 */
import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { analyze, labels } from './helpers.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const DATA = path.join(ROOT, 'data');
const url = (rel: string) => pathToFileURL(path.join(ROOT, rel)).href;

const scratch = mkdtempSync(path.join(os.tmpdir(), 'entente-lexicon-'));
after(() => rmSync(scratch, { recursive: true, force: true }));
let copies = 0;

/** A fresh copy of data/ for one test. */
function dataCopy(): string {
  const dir = path.join(scratch, `data-${++copies}`);
  cpSync(DATA, dir, { recursive: true });
  return dir;
}

/** Appends one line to a file and returns its line number. */
function appendLine(file: string, line: string): number {
  let content = readFileSync(file, 'utf8');
  if (!content.endsWith('\n')) {
    appendFileSync(file, '\n');
    content += '\n';
  }
  appendFileSync(file, line + '\n');
  return content.split('\n').length;
}

/** The number and text of the first data row of a TSV file (after the header, skipping comments and blanks). */
function firstRow(file: string): { line: number; text: string } {
  const lines = readFileSync(file, 'utf8').split('\n');
  let headerSeen = false;
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i].trim() || lines[i].startsWith('#')) continue;
    if (!headerSeen) {
      headerSeen = true;
      continue;
    }
    return { line: i + 1, text: lines[i] };
  }
  throw new Error(`no data row in ${file}`);
}

/** Runs ES-module code in a child process with ENTENTE_DATA_DIR set; the code prints one JSON line. */
function runWith(dataDir: string, code: string): unknown {
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
    cwd: ROOT,
    env: { ...process.env, ENTENTE_DATA_DIR: dataDir },
    encoding: 'utf8',
    timeout: 60_000,
  });
  assert.equal(r.status, 0, `child process failed: ${r.stderr}`);
  const out = r.stdout.trim().split('\n').pop() ?? '';
  return JSON.parse(out);
}

interface Outcome {
  ok: boolean;
  name?: string;
  message?: string;
  text?: string;
}

/** Loads a resource in a child process and reports the error it throws, if any. */
function loadError(dataDir: string, load: string): Outcome {
  const code = `
    const lexicon = await import(${JSON.stringify(url('src/analyze/acts/lexicon.ts'))});
    const topics = await import(${JSON.stringify(url('src/analyze/topics/stage.ts'))});
    const positions = await import(${JSON.stringify(url('src/query/positions.ts'))});
    const groups = await import(${JSON.stringify(url('src/analyze/groups.ts'))});
    void lexicon; void topics; void positions; void groups;
    try {
      ${load};
      console.log(JSON.stringify({ ok: true }));
    } catch (e) {
      console.log(JSON.stringify({ ok: false, name: e.name, message: e.message, text: typeof e.describe === 'function' ? e.describe() : String(e) }));
    }`;
  return runWith(dataDir, code) as Outcome;
}

/** Act labels of each provision of a text, analysed in a child process on the given data. */
function actsWith(dataDir: string, text: string): { acts: string[][]; holders: string[][]; parties: string[] } {
  const code = `
    const { analyze, labels } = await import(${JSON.stringify(url('test/helpers.ts'))});
    const doc = analyze(${JSON.stringify(text)});
    console.log(JSON.stringify({
      acts: doc.provisions.map((p) => labels(doc, p.index, 'act')),
      holders: doc.provisions.map((p) => labels(doc, p.index, 'holder')),
      parties: doc.parties,
    }));`;
  return runWith(dataDir, code) as { acts: string[][]; holders: string[][]; parties: string[] };
}

describe('language data is validated with file name and line number', () => {
  test('the unaltered copy loads without error (control)', () => {
    const dir = dataCopy();
    assert.deepEqual(loadError(dir, "lexicon.loadActLexicon('fr'); lexicon.loadActLexicon('en'); topics.loadTopicModel('fr'); positions.stanceWords()"), {
      ok: true,
    });
  });

  test('an unknown act label in fr/acts.tsv is reported with file and line', () => {
    const dir = dataCopy();
    const line = appendLine(path.join(dir, 'lang/fr/acts.tsv'), 'approve\tentérin*\t');
    const r = loadError(dir, "lexicon.loadActLexicon('fr')");
    assert.equal(r.ok, false);
    assert.equal(r.name, 'EntenteError');
    assert.match(r.message!, /approve/);
    assert.ok(r.text!.includes(`lang/fr/acts.tsv:${line}`), `"${r.text}" does not name lang/fr/acts.tsv:${line}`);
  });

  test('an unknown act label in en/acts.tsv is reported with file and line', () => {
    const dir = dataCopy();
    const line = appendLine(path.join(dir, 'lang/en/acts.tsv'), 'praise\tlaud*\t');
    const r = loadError(dir, "lexicon.loadActLexicon('en')");
    assert.equal(r.ok, false);
    assert.match(r.message!, /praise/);
    assert.ok(r.text!.includes(`lang/en/acts.tsv:${line}`), `"${r.text}" does not name lang/en/acts.tsv:${line}`);
  });

  test('a duplicate cue is reported with the file, its line, and the line of the first occurrence', () => {
    const dir = dataCopy();
    const file = path.join(dir, 'lang/fr/acts.tsv');
    const first = firstRow(file);
    const line = appendLine(file, first.text);
    const r = loadError(dir, "lexicon.loadActLexicon('fr')");
    assert.equal(r.ok, false);
    assert.equal(r.name, 'EntenteError');
    assert.match(r.message!, /duplicate/i);
    assert.ok(r.text!.includes(`lang/fr/acts.tsv:${line}`), `"${r.text}" does not name the duplicate at line ${line}`);
    assert.ok(r.text!.includes(`acts.tsv:${first.line}`), `"${r.text}" does not name the first occurrence at line ${first.line}`);
  });

  test('an unknown flag in acts.tsv is reported with file and line', () => {
    const dir = dataCopy();
    const line = appendLine(path.join(dir, 'lang/fr/acts.tsv'), 'support\tentérin*\tsometimes');
    const r = loadError(dir, "lexicon.loadActLexicon('fr')");
    assert.equal(r.ok, false);
    assert.match(r.message!, /sometimes/);
    assert.ok(r.text!.includes(`lang/fr/acts.tsv:${line}`), `"${r.text}" does not name lang/fr/acts.tsv:${line}`);
  });

  test('a cue word that could never match one word of the text (a hyphen, a space) is reported with file and line', () => {
    const dir = dataCopy();
    const line = appendLine(path.join(dir, 'lang/fr/acts.tsv'), 'report\tco-organis*\t');
    const r = loadError(dir, "lexicon.loadActLexicon('fr')");
    assert.equal(r.ok, false);
    assert.match(r.message!, /co-organis\*.*can never match/);
    assert.ok(r.text!.includes(`lang/fr/acts.tsv:${line}`), `"${r.text}" does not name lang/fr/acts.tsv:${line}`);
  });

  test('a word class the acts stage reads, missing from classes.tsv, is reported with the file', () => {
    const dir = dataCopy();
    const file = path.join(dir, 'lang/en/classes.tsv');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^actor-noun\t.*\n/m, ''));
    const r = loadError(dir, "lexicon.loadActLexicon('en')");
    assert.equal(r.ok, false);
    assert.match(r.message!, /actor-noun/);
    assert.ok(r.text!.includes('lang/en/classes.tsv'), `"${r.text}" does not name lang/en/classes.tsv`);
  });

  test('an unknown kind in positions.tsv is reported with file and line', () => {
    const dir = dataCopy();
    const line = appendLine(path.join(dir, 'lang/en/positions.tsv'), 'hostile\tenmity');
    const r = loadError(dir, 'positions.stanceWords()');
    assert.equal(r.ok, false);
    assert.match(r.message!, /hostile/);
    assert.ok(r.text!.includes(`lang/en/positions.tsv:${line}`), `"${r.text}" does not name lang/en/positions.tsv:${line}`);
  });

  test('an unknown kind in entity-context.tsv is reported with file and line', () => {
    const dir = dataCopy();
    const line = appendLine(path.join(dir, 'lang/en/entity-context.tsv'), 'nickname\tthe Bear');
    const r = loadError(dir, `(await import(${JSON.stringify(url('test/helpers.ts'))})).analyze('Joint Statement\\n\\nChina and Russia met in Moscow.')`);
    assert.equal(r.ok, false);
    assert.match(r.message!, /nickname/);
    assert.ok(r.text!.includes(`lang/en/entity-context.tsv:${line}`), `"${r.text}" does not name lang/en/entity-context.tsv:${line}`);
  });

  test('an unknown topic in fr/topics.tsv is reported with file and line', () => {
    const dir = dataCopy();
    const line = appendLine(path.join(dir, 'lang/fr/topics.tsv'), 'geopolitics\tgéopolitique\t2');
    const r = loadError(dir, "topics.loadTopicModel('fr')");
    assert.equal(r.ok, false);
    assert.match(r.message!, /geopolitics/);
    assert.ok(r.text!.includes(`lang/fr/topics.tsv:${line}`), `"${r.text}" does not name lang/fr/topics.tsv:${line}`);
  });

  test('a topic term that Snowball cuts to a stub ("IEDs" → "i") is reported with file and line, and the fix named', () => {
    const dir = dataCopy();
    const line = appendLine(path.join(dir, 'lang/en/topics.tsv'), 'terrorism_crime\tIEDs\t2');
    const r = loadError(dir, "topics.loadTopicModel('en')");
    assert.equal(r.ok, false);
    assert.match(r.message!, /stems to "i"/);
    assert.ok(r.text!.includes(`lang/en/topics.tsv:${line}`), `"${r.text}" does not name lang/en/topics.tsv:${line}`);
    assert.ok(r.text!.includes('=IEDs'), `"${r.text}" does not say how to write it`);
  });

  test('a topic term that begins with @state is reported with file and line', () => {
    const dir = dataCopy();
    const line = appendLine(path.join(dir, 'lang/en/topics.tsv'), 'regional_security\t@state crisis\t2');
    const r = loadError(dir, "topics.loadTopicModel('en')");
    assert.equal(r.ok, false);
    assert.match(r.message!, /begins with @state/);
    assert.ok(r.text!.includes(`lang/en/topics.tsv:${line}`), `"${r.text}" does not name lang/en/topics.tsv:${line}`);
  });

  test('a state on a holder phrase that is not a role is reported with file and line', () => {
    const dir = dataCopy();
    const line = appendLine(path.join(dir, 'lang/en/holders.tsv'), 'joint\tthe two republics\tFRA');
    const r = loadError(dir, "lexicon.loadActLexicon('en')");
    assert.equal(r.ok, false);
    assert.match(r.message!, /role line/);
    assert.ok(r.text!.includes(`lang/en/holders.tsv:${line}`), `"${r.text}" does not name lang/en/holders.tsv:${line}`);
  });

  test('an alias of kind none with an entity id is reported with file and line', () => {
    const dir = dataCopy();
    const line = appendLine(path.join(dir, 'gazetteer/en/entities.tsv'), 'nato\tNorth Atlantic\tnone');
    const r = loadError(dir, `(await import(${JSON.stringify(url('src/analyze/entities/gazetteer.ts'))})).loadGazetteer('en')`);
    assert.equal(r.ok, false);
    assert.match(r.message!, /kind "none" goes with the id/);
    assert.ok(r.text!.includes(`gazetteer/en/entities.tsv:${line}`), `"${r.text}" does not name gazetteer/en/entities.tsv:${line}`);
  });

  test('a group member that is not an ISO alpha-3 code is reported with file and line', () => {
    const dir = dataCopy();
    const line = appendLine(path.join(dir, 'gazetteer/groups.tsv'), 'mercosur\tARG Brazil');
    const r = loadError(dir, 'groups.issuingGroups()');
    assert.equal(r.ok, false);
    assert.match(r.message!, /"Brazil" of mercosur/);
    assert.ok(r.text!.includes(`gazetteer/groups.tsv:${line}`), `"${r.text}" does not name gazetteer/groups.tsv:${line}`);
  });

  test('an unknown scope in doc-type.tsv is reported with file and line', () => {
    const dir = dataCopy();
    const line = appendLine(path.join(dir, 'lang/en/doc-type.tsv'), 'statement_text\t2\t^joint\theadline');
    const code = `
      const { analyzeText } = await import(${JSON.stringify(url('src/analyze/pipeline.ts'))});
      try {
        analyzeText('Joint statement\\n\\nThe two sides met in Paris and agreed to meet again.', { path: 'x.txt', format: 'text', encoding: 'utf-8', hints: {} }, undefined, []);
        console.log(JSON.stringify({ ok: true }));
      } catch (e) {
        console.log(JSON.stringify({ ok: false, message: e.message, text: typeof e.describe === 'function' ? e.describe() : String(e) }));
      }`;
    const r = runWith(dir, code) as Outcome;
    assert.equal(r.ok, false);
    assert.match(r.message!, /headline/);
    assert.ok(r.text!.includes(`lang/en/doc-type.tsv:${line}`), `"${r.text}" does not name lang/en/doc-type.tsv:${line}`);
  });
});

describe('adding a cue line changes the analysis', () => {
  const FR_TEXT =
    'Déclaration conjointe de la République populaire de Chine et de la Fédération de Russie\n\nLes deux parties ont tenu des consultations.\nLes deux parties vilipendent la politique de pression maximale menée contre des États souverains.';
  const EN_TEXT =
    'China-Russia Joint Statement on Global Strategic Stability\n\nThe two sides held consultations.\nThe two sides decry the policy of maximum pressure against sovereign states.';

  test('without the cue, "vilipendent" is not coded oppose', () => {
    const doc = analyze(FR_TEXT);
    const i = doc.provisions.findIndex((p) => p.text.includes('vilipendent'));
    assert.ok(i >= 0);
    assert.ok(!labels(doc, i, 'act').includes('oppose'), `already oppose: ${labels(doc, i, 'act')}`);
    // The same holds in a child process on an unaltered copy.
    const r = actsWith(dataCopy(), FR_TEXT);
    assert.ok(!r.acts[i].includes('oppose'));
  });

  test('with "oppose  vilipend*" added to fr/acts.tsv, "vilipendent" is coded oppose, held by the parties', () => {
    const dir = dataCopy();
    appendLine(path.join(dir, 'lang/fr/acts.tsv'), 'oppose\tvilipend*\tneg=none');
    const r = actsWith(dir, FR_TEXT);
    assert.deepEqual(r.parties, ['CHN', 'RUS']);
    assert.deepEqual(r.acts[1], ['oppose']);
    assert.deepEqual(r.holders[1], ['CHN', 'RUS']);
    // The other provision is unchanged.
    assert.ok(!r.acts[0].includes('oppose'));
  });

  test('with "oppose  decr*" added to en/acts.tsv, "decry" is coded oppose (and not without it)', () => {
    const before = analyze(EN_TEXT);
    assert.ok(!labels(before, 1, 'act').includes('oppose'), `already oppose: ${labels(before, 1, 'act')}`);
    const dir = dataCopy();
    appendLine(path.join(dir, 'lang/en/acts.tsv'), 'oppose\tdecr*\tneg=none');
    const r = actsWith(dir, EN_TEXT);
    assert.deepEqual(r.acts[1], ['oppose']);
    assert.deepEqual(r.holders[1], ['CHN', 'RUS']);
  });
});
