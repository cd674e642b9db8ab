/**
 * Behavioural tests of the entity stage (codebook section 4, `entities`) and of user gazetteer files.
 */
import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EntenteError, type Doc } from '../src/core/types.ts';
import { normalizeText } from '../src/core/normalize.ts';
import { analyzeText } from '../src/analyze/pipeline.ts';
import { loadGazetteer } from '../src/analyze/entities/gazetteer.ts';
import { analyze, labels } from './helpers.ts';
import { openDatabase } from '../src/store/database.ts';
import { saveDocument } from '../src/store/documents.ts';
import { unknownNames } from '../src/query/catalog.ts';

function at(doc: Doc, prefix: string): number {
  const i = doc.provisions.findIndex((p) => p.text.startsWith(prefix));
  assert.ok(i >= 0, `no provision starts with "${prefix}"; provisions: ${JSON.stringify(doc.provisions.map((p) => p.text))}`);
  return i;
}
const ents = (doc: Doc, prefix: string) => labels(doc, at(doc, prefix), 'entity');
/** Entity annotations of one provision with a given id (to count mentions). */
const mentionsOf = (doc: Doc, prefix: string, id: string) =>
  doc.annotations.filter((a) => a.kind === 'entity' && a.provision === at(doc, prefix) && a.label === id);

const FR = 'Déclaration conjointe\n\n';
const EN = 'Joint Statement\n\n';

describe('entities: how names are matched', () => {
  test('elided articles do not hide a name: "l’OTAN", "d’AUKUS", "l’ONU"', () => {
    const doc = analyze(
      FR +
        'Les deux parties s’opposent à l’élargissement de l’OTAN et à la création d’AUKUS.\n' +
        "Elles soutiennent le rôle central de l'ONU dans les affaires internationales.",
    );
    assert.deepEqual(ents(doc, 'Les deux parties'), ['aukus', 'nato']);
    assert.deepEqual(ents(doc, 'Elles soutiennent'), ['un']);
  });

  test('"Korea" / "Corée" alone is the Republic of Korea once it was named in full, and no state before', () => {
    const en = analyze(
      EN + 'Korea will host the meeting.\nThe Republic of Korea and Japan met.\nKorea will host the next meeting.\nNorth Korea launched a missile.',
    );
    assert.deepEqual(ents(en, 'Korea will host the meeting'), []);
    assert.deepEqual(ents(en, 'Korea will host the next'), ['KOR']);
    assert.deepEqual(ents(en, 'North Korea'), ['PRK']);
    const fr = analyze(FR + 'La République de Corée et le Japon se sont réunis.\nLa Corée accueillera la prochaine réunion.');
    assert.deepEqual(ents(fr, 'La Corée'), ['KOR']);
  });

  test('"Korean" / "coréen" is the Republic of Korea once it was named in full; "North Korean", "nord-coréen" and "Korean Peninsula" keep their own entries', () => {
    const en = analyze(
      EN +
        'Korean firms will invest more.\nThe Republic of Korea and Canada met.\nKorean and Canadian universities will expand exchanges.\nThey condemned North Korean missile launches on the Korean Peninsula.',
    );
    assert.deepEqual(ents(en, 'Korean firms'), []);
    assert.deepEqual(ents(en, 'Korean and Canadian'), ['CAN', 'KOR']);
    assert.deepEqual(ents(en, 'They condemned'), ['PRK', 'korean_peninsula']);
    const fr = analyze(
      FR +
        'La République de Corée et le Canada se sont réunis.\nLes entreprises coréennes investiront davantage.\nLes essais nord-coréens menacent la péninsule coréenne.',
    );
    assert.deepEqual(ents(fr, 'Les entreprises'), ['KOR']);
    assert.deepEqual(ents(fr, 'Les essais'), ['PRK', 'korean_peninsula']);
  });

  test('a demonym naming a language ("la langue française", "le français", "en russe", "the French language") is no mention of the state', () => {
    const fr = analyze(
      FR +
        'Nous réaffirmons notre attachement à la langue française.\nNous renforcerons l’enseignement du français et en français.\nLes textes seront publiés en russe.\nLe gouvernement français et les entreprises russes coopéreront.',
    );
    assert.deepEqual(ents(fr, 'Nous réaffirmons'), []);
    assert.deepEqual(ents(fr, 'Nous renforcerons'), []);
    assert.deepEqual(ents(fr, 'Les textes'), []);
    assert.deepEqual(ents(fr, 'Le gouvernement français'), ['FRA', 'RUS']);
    const en = analyze(EN + 'They will promote the French language.\nThe French government welcomed the decision.');
    assert.deepEqual(ents(en, 'They will promote'), []);
    assert.deepEqual(ents(en, 'The French government'), ['FRA']);
  });

  test('a capital naming where a summit, a declaration or a palace is ("le Sommet de Dakar", "the Dakar Summit") is no mention of the state', () => {
    const fr = analyze(
      FR +
        'Nous saluons la Stratégie adoptée au Sommet de Dakar en 2014.\nLes entretiens ont eu lieu au Palais royal de Rabat.\nDakar et Rabat renforceront leur coopération.',
    );
    assert.deepEqual(ents(fr, 'Nous saluons'), []);
    assert.deepEqual(ents(fr, 'Les entretiens'), []);
    assert.deepEqual(ents(fr, 'Dakar et Rabat'), ['MAR', 'SEN']);
    const en = analyze(EN + 'We welcome the outcome of the Dakar Summit.\nDakar and Rabat will deepen their cooperation.');
    assert.deepEqual(ents(en, 'We welcome'), []);
    assert.deepEqual(ents(en, 'Dakar and Rabat'), ['MAR', 'SEN']);
  });

  test('"L’Argentine" is the country by name, "la partie argentine" by demonym: one spelling, two kinds of alias', () => {
    const doc = analyze(FR + 'L’Argentine et le Chili renforceront leurs liens avec la partie argentine.');
    const kinds = doc.annotations.filter((a) => a.kind === 'entity' && a.label === 'ARG').map((a) => a.detail);
    assert.deepEqual(kinds, ['name:Argentine', 'demonym:argentine']);
  });

  test('a surname two people share ("Li") names the one the document named in full, and no one before', () => {
    const doc = analyze(EN + 'Premier Li arrived on Monday.\nPremier Li Qiang met the Prime Minister.\nPremier Li said China was ready to help.');
    assert.deepEqual(ents(doc, 'Premier Li arrived'), []);
    assert.deepEqual(ents(doc, 'Premier Li said'), ['CHN', 'li_qiang']);
    const other = analyze(EN + 'Premier Li Keqiang met the Prime Minister.\nPremier Li said China was ready to help.');
    assert.deepEqual(ents(other, 'Premier Li said'), ['CHN', 'li_keqiang']);
  });

  test('a fixed name holding a state\'s name names nothing ("Indian Ocean", "China Daily", "océan Indien"); a longer listed name still wins', () => {
    const en = analyze(
      EN + 'The Indian Ocean is vital for trade.\nAccording to China Daily, the talks went well.\nIndia joined the Indian Ocean Rim Association.',
    );
    assert.deepEqual(ents(en, 'The Indian Ocean'), []);
    assert.deepEqual(ents(en, 'According to China Daily'), []);
    assert.deepEqual(ents(en, 'India joined'), ['IND', 'iora']);
    const fr = analyze(FR + 'L’océan Indien est vital pour le commerce.');
    assert.deepEqual(ents(fr, 'L’océan Indien'), []);
  });

  test('acronyms are case-sensitive: "US" is the United States, "us" is not', () => {
    const doc = analyze(
      EN + 'The US and Japan will continue to work with us on this issue.\nLet us work together for peace.\nThe U.S. side welcomed the proposal.',
    );
    assert.deepEqual(ents(doc, 'The US and Japan'), ['JPN', 'USA']);
    assert.equal(mentionsOf(doc, 'The US and Japan', 'USA').length, 1);
    assert.deepEqual(ents(doc, 'Let us work'), []);
    assert.deepEqual(ents(doc, 'The U.S. side'), ['USA']);
  });

  test('names are matched whatever their accents and capitals', () => {
    const doc = analyze(
      FR +
        'Les ÉTATS-UNIS et la RÉPUBLIQUE POPULAIRE DE CHINE ont tenu des consultations.\n' +
        'Les Etats-Unis et la Republique populaire de Chine ont tenu des consultations.\n' +
        'Le Viet Nam et le Viêt Nam sont un seul pays.',
    );
    assert.deepEqual(ents(doc, 'Les ÉTATS-UNIS'), ['CHN', 'USA']);
    assert.deepEqual(ents(doc, 'Les Etats-Unis'), ['CHN', 'USA']);
    assert.deepEqual(ents(doc, 'Le Viet Nam'), ['VNM']);
  });

  test('plural and feminine demonyms name the state: "chinoises", "russes", "indiennes"', () => {
    const doc = analyze(
      FR + 'Les entreprises chinoises et les universités russes renforceront leurs échanges.\n' + 'Les autorités indiennes ont salué la décision.',
    );
    assert.deepEqual(ents(doc, 'Les entreprises chinoises'), ['CHN', 'RUS']);
    assert.deepEqual(ents(doc, 'Les autorités indiennes'), ['IND']);
  });

  test('English demonyms name the state ("the Chinese side", "Russian scholars")', () => {
    const doc = analyze(EN + 'The Chinese side welcomed Russian scholars and Indian students.');
    assert.deepEqual(ents(doc, 'The Chinese side'), ['CHN', 'IND', 'RUS']);
  });

  test('the most specific entry wins: "Charte des Nations unies" → un_charter only, "Conseil de sécurité de l’ONU" → unsc', () => {
    const doc = analyze(
      FR +
        'La Charte des Nations unies doit être respectée par tous les États.\n' +
        'Le Conseil de sécurité de l’ONU assume la responsabilité principale du maintien de la paix.\n' +
        'Les Nations Unies doivent jouer un rôle central.',
    );
    assert.deepEqual(ents(doc, 'La Charte'), ['un_charter']);
    assert.deepEqual(ents(doc, 'Le Conseil de sécurité'), ['unsc']);
    assert.deepEqual(ents(doc, 'Les Nations Unies'), ['un']);
  });

  test('the most specific entry wins in English: "UN Charter", "UN Security Council"', () => {
    const doc = analyze(
      EN + 'All states must abide by the UN Charter.\nThe UN Security Council bears the primary responsibility.\nThe United Nations must play a central role.',
    );
    assert.deepEqual(ents(doc, 'All states'), ['un_charter']);
    assert.deepEqual(ents(doc, 'The UN Security'), ['unsc']);
    assert.deepEqual(ents(doc, 'The United Nations'), ['un']);
  });

  test('a state named inside a listed entry is not tagged again', () => {
    const fr = analyze(FR + 'Les deux parties critiquent la stratégie indo-pacifique des États-Unis.');
    assert.deepEqual(ents(fr, 'Les deux parties'), ['indo_pacific_strategy']);
    const en = analyze(
      EN + 'The Security Council of the Russian Federation held a meeting.\nThe Indo-Pacific Strategy of the United States undermines stability.',
    );
    assert.deepEqual(ents(en, 'The Security Council'), ['russia_security_council']);
    assert.deepEqual(ents(en, 'The Indo-Pacific'), ['indo_pacific_strategy']);
  });

  test('a named thing that is not listed is not tagged, but the states in it are', () => {
    const doc = analyze(FR + 'La déclaration conjointe entre la Chine et la France a été publiée.');
    assert.deepEqual(ents(doc, 'La déclaration'), ['CHN', 'FRA']);
  });

  test('generic phrases and stock phrases name nothing', () => {
    const doc = analyze(
      FR +
        'La mentalité de guerre froide est dépassée.\n' +
        'Certains pays déploient des systèmes anti-missiles.\n' +
        'Les deux parties ont procédé à un échange de vues.',
    );
    assert.deepEqual(ents(doc, 'La mentalité'), []);
    assert.deepEqual(ents(doc, 'Certains pays'), []);
    assert.deepEqual(ents(doc, 'Les deux parties'), []);
  });
});

describe('entities: capitals, compounds, restated acronyms, back-references', () => {
  test('a capital is the state only when it acts: "Moscou et Pékin accordent" → RUS, CHN; "à Moscou" → nothing', () => {
    const doc = analyze(
      FR +
        'Moscou et Pékin accordent une grande importance à la coopération.\n' +
        'La réunion s’est tenue à Moscou.\n' +
        'Les délégués sont arrivés à Pékin.\n' +
        'Paris et New Delhi renforceront leur coopération.\n' +
        'Le sommet s’est tenu à New Delhi.',
    );
    assert.deepEqual(ents(doc, 'Moscou et Pékin'), ['CHN', 'RUS']);
    assert.deepEqual(ents(doc, 'La réunion'), []);
    assert.deepEqual(ents(doc, 'Les délégués'), []);
    assert.deepEqual(ents(doc, 'Paris et New Delhi'), ['FRA', 'IND']);
    assert.deepEqual(ents(doc, 'Le sommet'), []);
  });

  test('English capitals: "Beijing and Moscow oppose" → CHN, RUS; "in Beijing" → nothing', () => {
    const doc = analyze(EN + 'Beijing and Moscow oppose hegemonism.\nThe talks were held in Beijing.');
    assert.deepEqual(ents(doc, 'Beijing and Moscow'), ['CHN', 'RUS']);
    assert.deepEqual(ents(doc, 'The talks'), []);
  });

  test('compound adjectives name each state: "sino-russe", "russo-chinoise", "franco-allemand", "indo-françaises"', () => {
    const doc = analyze(
      FR +
        'Le partenariat sino-russe est solide.\n' +
        'La coopération russo-chinoise progresse.\n' +
        'Le couple franco-allemand a salué la décision.\n' +
        'Les relations indo-françaises se renforcent.',
    );
    assert.deepEqual(ents(doc, 'Le partenariat'), ['CHN', 'RUS']);
    assert.deepEqual(ents(doc, 'La coopération'), ['CHN', 'RUS']);
    assert.deepEqual(ents(doc, 'Le couple'), ['DEU', 'FRA']);
    assert.deepEqual(ents(doc, 'Les relations'), ['FRA', 'IND']);
  });

  test('English compounds: "U.S.-Japan", "US-ROK", "China-Russia", "Sino-Russian"', () => {
    const doc = analyze(
      EN +
        'The U.S.-Japan Alliance is the cornerstone of peace.\n' +
        'The US-ROK alliance remains strong.\n' +
        'China-Russia relations have reached their highest level.\n' +
        'Sino-Russian ties continue to grow.',
    );
    assert.deepEqual(ents(doc, 'The U.S.-Japan'), ['JPN', 'USA']);
    assert.deepEqual(ents(doc, 'The US-ROK'), ['KOR', 'USA']);
    assert.deepEqual(ents(doc, 'China-Russia'), ['CHN', 'RUS']);
    assert.deepEqual(ents(doc, 'Sino-Russian'), ['CHN', 'RUS']);
  });

  test('an acronym restated in parentheses after the full name is counted once', () => {
    const fr = analyze(FR + 'Le Parti communiste chinois (PCC) a tenu son congrès.');
    assert.deepEqual(ents(fr, 'Le Parti'), ['cpc']);
    assert.equal(mentionsOf(fr, 'Le Parti', 'cpc').length, 1);
    const en = analyze(
      EN + 'The Treaty on the Non-Proliferation of Nuclear Weapons (NPT) remains essential.\nThe Communist Party of China (CPC) held its congress.',
    );
    assert.deepEqual(ents(en, 'The Treaty'), ['npt']);
    assert.equal(mentionsOf(en, 'The Treaty', 'npt').length, 1);
    assert.equal(mentionsOf(en, 'The Communist', 'cpc').length, 1);
  });

  test('an acronym in parentheses restates the end of a longer name, but one that names something else is a mention', () => {
    const fr = analyze(FR + 'Il est membre du Bureau politique du Comité central du Parti communiste chinois (PCC).');
    assert.deepEqual(ents(fr, 'Il est membre'), ['cpc_politburo']);
    const en = analyze(EN + 'The sides are concerned about the security partnership between Australia, the United States and the United Kingdom (AUKUS).');
    assert.deepEqual(ents(en, 'The sides'), ['AUS', 'GBR', 'USA', 'aukus']);
  });

  test('a listed person written with a middle initial is that person: "Vladimir V. Putin"', () => {
    const doc = analyze(EN + 'President of the Russian Federation Vladimir V. Putin visited Beijing.');
    assert.ok(ents(doc, 'President of').includes('vladimir_putin'), `entities: ${ents(doc, 'President of')}`);
  });

  test('a distinctive surname (alias kind surname) names the person at first mention; a common one (short) waits for the full name', () => {
    const en = analyze(EN + 'Putin arrived in Beijing on Thursday.\nWang said the talks were fruitful.');
    assert.deepEqual(ents(en, 'Putin arrived'), ['vladimir_putin']);
    assert.deepEqual(ents(en, 'Wang said'), []);
    const fr = analyze(FR + 'Poutine est arrivé à Pékin jeudi. La Hollande a voté contre.');
    assert.deepEqual(ents(fr, 'Poutine est arrivé'), ['vladimir_putin']);
    assert.ok(!ents(fr, 'La Hollande').includes('francois_hollande'));
  });

  test('"Association of Southeast Asian Nations (ASEAN)" is counted once', () => {
    const doc = analyze(EN + 'The Association of Southeast Asian Nations (ASEAN) plays a central role.');
    assert.equal(mentionsOf(doc, 'The Association', 'asean').length, 1);
  });

  test('"le Traité" after a named treaty refers back to it (French)', () => {
    const doc = analyze(
      FR +
        'Les deux parties saluent le Traité de bon voisinage et de coopération amicale entre la Chine et la Russie.\n' +
        'Le Traité constitue la base juridique des relations bilatérales.\n' +
        'Les deux parties soutiennent le Traité sur la non-prolifération des armes nucléaires.\n' +
        'Ce Traité reste la pierre angulaire du régime de non-prolifération.',
    );
    // The states named inside the treaty's name are not tagged again.
    assert.deepEqual(ents(doc, 'Les deux parties saluent'), ['cn_ru_treaty_2001']);
    assert.deepEqual(ents(doc, 'Le Traité constitue'), ['cn_ru_treaty_2001']);
    assert.deepEqual(ents(doc, 'Les deux parties soutiennent'), ['npt']);
    assert.deepEqual(ents(doc, 'Ce Traité'), ['npt']);
  });

  test('"the Treaty" after a named treaty refers back to it (English); without a treaty named it is nothing', () => {
    const doc = analyze(
      EN +
        'The sides reaffirmed the importance of the Treaty on the Non-Proliferation of Nuclear Weapons.\nThey noted that the Treaty remains the cornerstone of the regime.',
    );
    assert.deepEqual(ents(doc, 'They noted'), ['npt']);
    const none = analyze(EN + 'They noted that the Treaty remains the cornerstone of the regime.');
    assert.deepEqual(ents(none, 'They noted'), []);
  });
});

describe('entities: states and organisations beyond China and Russia', () => {
  test('Brazil, Kazakhstan, South Africa, Vietnam (French and English)', () => {
    const fr = analyze(FR + 'Le Brésil, le Kazakhstan, l’Afrique du Sud et le Viet Nam ont été invités au sommet.');
    assert.deepEqual(ents(fr, 'Le Brésil'), ['BRA', 'KAZ', 'VNM', 'ZAF']);
    const en = analyze(EN + 'Brazil, Kazakhstan, South Africa and Vietnam attended the summit as guests.');
    assert.deepEqual(ents(en, 'Brazil'), ['BRA', 'KAZ', 'VNM', 'ZAF']);
  });

  test('two modifiers sharing one name name both: "North and South Korea", "the East and South China Seas"', () => {
    const en = analyze(
      EN +
        'The two sides discussed the situation on the Korean Peninsula and in North and South Korea.\nThey are concerned about the East and South China Seas.\nChina and South Korea signed an agreement.',
    );
    assert.deepEqual(ents(en, 'The two sides discussed'), ['KOR', 'PRK', 'korean_peninsula']);
    assert.deepEqual(ents(en, 'They are concerned'), ['east_china_sea', 'south_china_sea'], 'not China');
    assert.deepEqual(ents(en, 'China and South Korea'), ['CHN', 'KOR'], 'two names joined are two mentions as before');
  });

  test('ASEAN, the African Union and the IAEA (French and English)', () => {
    const fr = analyze(FR + 'Les parties saluent le rôle de l’ASEAN, de l’Union africaine et de l’AIEA.');
    assert.deepEqual(ents(fr, 'Les parties'), ['asean', 'au', 'iaea']);
    const en = analyze(EN + 'The parties welcome the role of ASEAN, the African Union and the International Atomic Energy Agency.\nThey support the IAEA.');
    assert.deepEqual(ents(en, 'The parties'), ['asean', 'au', 'iaea']);
    assert.deepEqual(ents(en, 'They support'), ['iaea']);
  });

  test('people are tagged by their own identifier', () => {
    const doc = analyze(FR + 'Le président Emmanuel Macron a reçu le Premier ministre Narendra Modi.');
    assert.deepEqual(ents(doc, 'Le président'), ['emmanuel_macron', 'narendra_modi']);
  });

  test('"the People\'s Republic of China" is CHN, not TWN ("Republic of China")', () => {
    const doc = analyze(EN + "The People's Republic of China and the Russian Federation signed the statement.");
    assert.deepEqual(ents(doc, 'The People'), ['CHN', 'RUS']);
    const titled = analyze(
      "Joint Statement of the People's Republic of China and the Russian Federation\n\nThe two sides do not support the deployment of missiles in Europe.",
    );
    assert.deepEqual(titled.parties, ['CHN', 'RUS']);
  });
});

describe('user gazetteer files', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'entente-gazetteer-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  let n = 0;
  /** A new file (a new path, since loadGazetteer caches by file list) with a header and the given rows. */
  const file = (rows: string[]): string => {
    const f = path.join(dir, `user-${++n}.tsv`);
    writeFileSync(f, ['id\talias\tkind\ttype\tstate\tlang', ...rows].join('\n') + '\n');
    return f;
  };
  const analyzeWith = (text: string, files: string[]) =>
    analyzeText(normalizeText(text), { path: 'sample.txt', format: 'text', encoding: 'utf-8', hints: {} }, { extraGazetteers: files });

  test('a user file adds a new entity with its aliases, and the default gazetteer does not know it', () => {
    const f = file(['ravenna_pact\tPacte de Ravenne\tname\ttreaty\t\t', 'ravenna_pact\tPRV\tacronym\t\t\t']);
    const g = loadGazetteer('fr', [f]);
    assert.equal(g.typeOf('ravenna_pact'), 'treaty');
    assert.equal(loadGazetteer('fr').typeOf('ravenna_pact'), undefined);
    const text = FR + 'Les deux parties saluent le Pacte de Ravenne.\nLe PRV est un succès.\nLe prv est autre chose.';
    const doc = analyzeWith(text, [f]);
    assert.deepEqual(ents(doc, 'Les deux parties'), ['ravenna_pact']);
    assert.deepEqual(ents(doc, 'Le PRV'), ['ravenna_pact']);
    assert.deepEqual(ents(doc, 'Le prv'), []);
    assert.deepEqual(ents(analyze(text), 'Les deux parties'), []);
  });

  test('a person added with a state is resolved to that state as a holder', () => {
    const f = file(['helena_vortmann\tHelena Vortmann\tname\tperson\tDEU\t', 'helena_vortmann\tVortmann\tshort\t\t\t']);
    const doc = analyzeWith(
      'Déclaration conjointe de la République fédérale d’Allemagne et de la République française\n\n' +
        'L’Allemagne et la France ont tenu des consultations.\n' +
        'La ministre Helena Vortmann a salué les résultats de la présidence française.',
      [f],
    );
    const i = at(doc, 'La ministre');
    assert.deepEqual(labels(doc, i, 'entity'), ['FRA', 'helena_vortmann']);
    assert.deepEqual(labels(doc, i, 'holder'), ['DEU']);
  });

  test('a row restricted to another language is not loaded', () => {
    const f = file(['ravenna_pact\tRavenna Pact\tname\ttreaty\t\ten', 'ravenna_pact\tPacte de Ravenne\tname\t\t\tfr']);
    const fr = loadGazetteer('fr', [f]);
    assert.equal(fr.typeOf('ravenna_pact'), 'treaty');
    const doc = analyzeWith(FR + 'Les deux parties saluent le Ravenna Pact et le Pacte de Ravenne.', [f]);
    const mentions = doc.annotations.filter((a) => a.kind === 'entity' && a.label === 'ravenna_pact');
    assert.deepEqual(
      mentions.map((a) => doc.text.slice(a.start, a.end)),
      ['Pacte de Ravenne'],
    );
  });

  test('an alias that already names another entity is an error naming the file and line', () => {
    const f = file(['ravenna_pact\tPacte de Ravenne\tname\ttreaty\t\t', 'ravenna_pact\tOTAN\tacronym\t\t\t']);
    assert.throws(
      () => loadGazetteer('fr', [f]),
      (err: unknown) => {
        assert.ok(err instanceof EntenteError, `not an EntenteError: ${String(err)}`);
        assert.ok(err.describe().includes(`${f}:3`), `"${err.describe()}" does not name ${f}:3`);
        assert.match(err.message, /OTAN/);
        assert.match(err.message, /nato/);
        return true;
      },
    );
  });

  test('the same alias for the same entity is not an error', () => {
    const f = file(['nato\tOTAN\tacronym\t\t\t']);
    assert.doesNotThrow(() => loadGazetteer('fr', [f]));
  });

  test('an unknown alias kind is an error naming the file and line', () => {
    const f = file(['ravenna_pact\tPacte de Ravenne\tname\ttreaty\t\t', '', 'ravenna_pact\tRavenne\tnickname\t\t\t']);
    assert.throws(
      () => loadGazetteer('fr', [f]),
      (err: unknown) => {
        assert.ok(err instanceof EntenteError, `not an EntenteError: ${String(err)}`);
        assert.ok(err.describe().includes(`${f}:4`), `"${err.describe()}" does not name ${f}:4`);
        assert.match(err.message, /nickname/);
        return true;
      },
    );
  });

  test('an unknown entity type is an error naming the file and line', () => {
    const f = file(['ravenna_pact\tPacte de Ravenne\tname\tagreement\t\t']);
    assert.throws(
      () => loadGazetteer('fr', [f]),
      (err: unknown) => err instanceof EntenteError && err.describe().includes(`${f}:2`) && /agreement/.test(err.message),
    );
  });
});

test('names no gazetteer entry covers are listed for curation, joined by their function words and trimmed of them', () => {
  const db = openDatabase(':memory:');
  saveDocument(
    db,
    analyze(
      'Déclaration conjointe de la République française et de la République de l’Inde\n\n' +
        'Les deux parties saluent les travaux de la Commission Lunaire de la Coopération Australe.\n' +
        'Elles soutiennent la Commission Lunaire de la Coopération Australe.',
    ),
  );
  saveDocument(db, analyze('Joint Statement of the United States and Japan\n\nWe support the Board of the Northern Lunar Alliance and its work.'));
  const names = unknownNames(db).map((u) => [u.name, u.count]);
  assert.deepEqual(
    names.filter(([n]) => /Lunar|Lunaire/.test(String(n))),
    [
      ['Commission Lunaire de la Coopération Australe', 2],
      ['Board of the Northern Lunar Alliance', 1],
    ],
  );
});
