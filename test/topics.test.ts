/**
 * Behavioural tests of the topic stage (codebook section 4, `topics`).
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import type { Doc } from '../src/core/types.ts';
import { analyze, labels } from './helpers.ts';
import { loadTopicModel, topicEvidence } from '../src/analyze/topics/stage.ts';

function at(doc: Doc, prefix: string): number {
  const i = doc.provisions.findIndex((p) => p.text.startsWith(prefix));
  assert.ok(i >= 0, `no provision starts with "${prefix}"; provisions: ${JSON.stringify(doc.provisions.map((p) => p.text))}`);
  return i;
}
const topics = (doc: Doc, prefix: string) => labels(doc, at(doc, prefix), 'topic');
const topicAnnotations = (doc: Doc, i: number) => doc.annotations.filter((a) => a.kind === 'topic' && a.provision === i);

const FR = 'Déclaration conjointe de la République populaire de Chine et de la Fédération de Russie\n\n';
const EN = 'Joint Statement of India and France\n\n';

describe('topics: domains', () => {
  test('energy sentences are energy (French)', () => {
    const doc = analyze(
      FR +
        'Les deux parties approfondiront leur coopération dans les domaines du pétrole, du gaz naturel et de l’électricité.\n' +
        'Le nouveau gazoduc permettra d’augmenter les livraisons de gaz russe vers la Chine.\n' +
        'Les deux pays renforceront la coopération dans le secteur nucléaire civil.',
    );
    assert.ok(topics(doc, 'Les deux parties approfondiront').includes('energy'));
    assert.ok(topics(doc, 'Le nouveau gazoduc').includes('energy'));
    assert.ok(topics(doc, 'Les deux pays renforceront').includes('energy'));
  });

  test('every domain of a list after "domaines" / "areas" is a topic, up to a comma before a task verb', () => {
    const fr = analyze(
      FR +
        'Les deux parties renforceront la coopération dans les domaines du commerce, de l’agriculture, de l’énergie et des technologies de l’information.\n' +
        'Renforcer la coopération dans les domaines de la haute technologie, promouvoir la circulation des talents.',
    );
    assert.deepEqual(topics(fr, 'Les deux parties renforceront'), ['agriculture', 'economy', 'energy', 'science_tech']);
    assert.deepEqual(topics(fr, 'Renforcer'), ['science_tech']);
    const en = analyze(EN + 'The two sides agreed to expand cooperation in the areas of trade, energy and vaccines.');
    assert.deepEqual(topics(en, 'The two sides'), ['economy', 'energy', 'health']);
  });

  test('"war" / "guerre" alone is regional security; a trade war is not', () => {
    const en = analyze(EN + 'We encourage all countries to refrain from supporting Russia’s war.\nThe trade war hurt both sides.');
    assert.deepEqual(topics(en, 'We encourage'), ['regional_security']);
    assert.ok(!topics(en, 'The trade war').includes('regional_security'));
    const fr = analyze(FR + 'Les deux parties appellent à mettre fin à la guerre.');
    assert.deepEqual(topics(fr, 'Les deux parties'), ['regional_security']);
  });

  test('energy sentences are energy (English)', () => {
    const doc = analyze(
      EN +
        'The two sides will expand cooperation in oil, natural gas and coal.\n' +
        'France and India will deepen their cooperation in civil nuclear energy, including small modular reactors.',
    );
    assert.deepEqual(topics(doc, 'The two sides will expand'), ['energy']);
    assert.ok(topics(doc, 'France and India').includes('energy'));
  });

  test('nuclear non-proliferation is strategic_stability, in French and English', () => {
    const fr = analyze(FR + 'Les deux parties réaffirment leur attachement au Traité sur la non-prolifération des armes nucléaires.');
    assert.ok(topics(fr, 'Les deux parties').includes('strategic_stability'));
    const en = analyze(EN + 'The sides reaffirmed their commitment to nuclear non-proliferation and to the NPT.');
    assert.deepEqual(topics(en, 'The sides'), ['strategic_stability']);
  });

  test('"mesures coercitives unilatérales" and "unilateral sanctions" are sanctions', () => {
    const fr = analyze(FR + 'Les parties s’opposent aux mesures coercitives unilatérales qui ne sont pas autorisées par le Conseil de sécurité.');
    assert.ok(topics(fr, 'Les parties').includes('sanctions'));
    const en = analyze(EN + 'The two sides oppose unilateral sanctions and long-arm jurisdiction.');
    assert.deepEqual(topics(en, 'The two sides'), ['sanctions']);
  });

  test('other domains: terrorism, trade, climate, education', () => {
    const doc = analyze(
      FR +
        'Les deux parties condamnent fermement le terrorisme sous toutes ses formes.\n' +
        'Elles se félicitent de la croissance du commerce et des investissements bilatéraux.\n' +
        'La lutte contre les changements climatiques est une priorité commune.\n' +
        'Les deux pays développeront les échanges d’étudiants et la coopération universitaire.',
    );
    assert.ok(topics(doc, 'Les deux parties condamnent').includes('terrorism_crime'));
    assert.ok(topics(doc, 'Elles se félicitent').includes('economy'));
    assert.ok(topics(doc, 'La lutte').includes('environment'));
    assert.ok(topics(doc, 'Les deux pays développeront').includes('people_culture'));
  });

  test('a topic is not given without grounds: an energy sentence is not sanctions, a sanctions sentence is not energy', () => {
    const doc = analyze(
      EN + 'The two sides will expand cooperation in oil, natural gas and coal.\nThe two sides oppose unilateral sanctions and long-arm jurisdiction.',
    );
    assert.ok(!topics(doc, 'The two sides will expand').includes('sanctions'));
    assert.ok(!topics(doc, 'The two sides oppose').includes('energy'));
  });

  test('"the situation in" any state ("@state" in a term) is regional security, in English and French', () => {
    const en = analyze(EN + 'The leaders expressed concern about the situation in Myanmar.');
    assert.deepEqual(topics(en, 'The leaders expressed'), ['regional_security']);
    const fr = analyze(FR + 'Les deux dirigeants sont préoccupés par la situation au Mali.\nLes deux dirigeants sont satisfaits de la situation au sommet.');
    assert.deepEqual(topics(fr, 'Les deux dirigeants sont préoccupés'), ['regional_security']);
    assert.ok(!topics(fr, 'Les deux dirigeants sont satisfaits').includes('regional_security'));
  });

  test('words that only share a stem with a keyword are not that keyword: hospitality, integrity, global, public', () => {
    const doc = analyze(
      EN +
        'The Indian side thanked the French side for the warm hospitality.\n' +
        'The two sides reaffirmed their respect for the territorial integrity of Ukraine.\n' +
        'They discussed public procurement rules.',
    );
    assert.ok(!topics(doc, 'The Indian side').includes('health'), `topics: ${topics(doc, 'The Indian side')}`);
    assert.ok(!topics(doc, 'The two sides reaffirmed').includes('connectivity'), `topics: ${topics(doc, 'The two sides reaffirmed')}`);
    assert.ok(!topics(doc, 'They discussed').includes('people_culture'), `topics: ${topics(doc, 'They discussed')}`);
  });
});

describe('topics: coverage, evidence and context', () => {
  test('every provision gets at least one topic, even without any keyword', () => {
    const doc = analyze(
      FR +
        'Les deux parties ont procédé à un échange de vues.\n' +
        'Elles ont exprimé leur satisfaction.\n' +
        'Ceci a été noté.\n' +
        'Les deux pays renforceront la coopération dans le domaine du gaz.\n' +
        'Elles continueront ainsi.',
    );
    assert.ok(doc.provisions.length >= 5);
    for (const p of doc.provisions) assert.ok(labels(doc, p.index, 'topic').length >= 1, `provision ${p.index} "${p.text}" has no topic`);
  });

  test('a topic annotation records its evidence: the lexicon row, the matched term and its span', () => {
    const doc = analyze(EN + 'The two sides will expand cooperation in oil, natural gas and coal.');
    const i = at(doc, 'The two sides');
    const energy = topicAnnotations(doc, i).find((a) => a.label === 'energy');
    assert.ok(energy, 'no energy topic');
    assert.match(energy.rule, /^data\/lang\/en\/topics\.tsv:\d+$/);
    assert.ok(energy.detail, 'no detail');
    assert.match(energy.detail, /score/);
    assert.match(energy.detail, /natural gas|oil|coal/);
    const p = doc.provisions[i];
    assert.ok(energy.start >= p.start && energy.end <= p.end && energy.start < energy.end);
    assert.match(doc.text.slice(energy.start, energy.end).toLowerCase(), /oil|gas|coal/);
  });

  test('an entity can be the evidence of a topic (the NPT → strategic_stability)', () => {
    const doc = analyze(FR + 'Les deux parties soutiennent le TNP.');
    const ann = topicAnnotations(doc, at(doc, 'Les deux parties')).find((a) => a.label === 'strategic_stability');
    assert.ok(ann, `topics: ${topics(doc, 'Les deux parties')}`);
    assert.match(ann.detail ?? '', /npt/);
  });

  test('a provision with no keyword inherits the main topic of the previous provision, and says so', () => {
    const doc = analyze(
      FR +
        'Les deux parties approfondiront leur coopération dans les domaines du pétrole, du gaz naturel et de l’électricité.\n' +
        'Elles continueront à travailler en ce sens.',
    );
    const i = at(doc, 'Elles continueront');
    assert.deepEqual(labels(doc, i, 'topic'), ['energy']);
    const [ann] = topicAnnotations(doc, i);
    assert.equal(ann.rule, 'topics:context');
    assert.ok(ann.detail && ann.detail.length > 0);
  });

  test('inheritance follows the previous provision, not an earlier one (English)', () => {
    const doc = analyze(
      EN +
        'The two sides oppose unilateral sanctions and long-arm jurisdiction.\n' +
        'The two sides will expand cooperation in oil, natural gas and coal.\n' +
        'They will continue to work in this direction.',
    );
    assert.deepEqual(topics(doc, 'They will continue'), ['energy']);
  });

  test('a provision with its own keywords does not inherit', () => {
    const doc = analyze(
      FR +
        'Les deux parties approfondiront leur coopération dans les domaines du pétrole et du gaz naturel.\n' +
        'Les parties s’opposent aux mesures coercitives unilatérales.',
    );
    const i = at(doc, 'Les parties s’opposent');
    assert.ok(!labels(doc, i, 'topic').includes('energy'));
    assert.ok(topicAnnotations(doc, i).every((a) => a.rule !== 'topics:context'));
  });

  test('task-list items without keywords keep the topic of the list they belong to', () => {
    const doc = analyze(
      FR +
        'Dans le domaine de l’énergie, les deux parties ont convenu de mettre en œuvre les tâches suivantes :\n' +
        '- Renforcer la coopération dans le domaine du pétrole et du gaz.\n' +
        '- Poursuivre les efforts communs dans cette direction.',
    );
    assert.deepEqual(topics(doc, 'Poursuivre'), ['energy']);
  });
});

describe('topics: the bilateral relationship', () => {
  test('a relationship noun naming both parties is the relationship itself (French compound adjective)', () => {
    const doc = analyze(FR + 'Les relations sino-russes se sont développées de manière saine et régulière.');
    assert.deepEqual(topics(doc, 'Les relations'), ['bilateral']);
    const ann = topicAnnotations(doc, at(doc, 'Les relations'))[0];
    assert.match(ann.detail ?? '', /relationship/);
  });

  test('the parties’ own alliance is bilateral, not regional security; another alliance is not bilateral', () => {
    const en = 'Joint Statement of the United States and Japan\n\n';
    const doc = analyze(en + 'The U.S.-Japan Alliance has grown stronger than ever.\nSome states form exclusive military alliances against others.');
    assert.deepEqual(topics(doc, 'The U.S.-Japan Alliance'), ['bilateral']);
    assert.ok(!topics(doc, 'Some states').includes('bilateral'));
    assert.ok(topics(doc, 'Some states').includes('regional_security'));
  });

  test('a possessive of the joint holders binds the noun ("our partnership", "leur coopération")', () => {
    const en = analyze(EN + 'The two sides oppose unilateral sanctions.\nThe two sides will take our partnership to new heights in the years ahead.');
    assert.deepEqual(topics(en, 'The two sides will'), ['bilateral']);
    const fr = analyze(
      FR + 'Les deux parties s’opposent aux sanctions unilatérales.\nLes deux parties renforceront leur coopération face aux défis de l’époque.',
    );
    assert.deepEqual(topics(fr, 'Les deux parties renforceront'), ['bilateral']);
  });

  test('a phrase naming the parties together binds the noun ("exchanges between the two countries")', () => {
    const en = analyze(EN + 'The two sides oppose unilateral sanctions.\nDeepen the exchanges between the two countries at every level.');
    assert.deepEqual(topics(en, 'Deepen'), ['bilateral']);
    const fr = analyze(FR + 'Les deux parties s’opposent aux sanctions unilatérales.\nIntensifier les échanges entre les deux pays à tous les niveaux.');
    assert.deepEqual(topics(fr, 'Intensifier'), ['bilateral']);
  });

  test('cooperation qualified by a domain is that domain, not the relationship', () => {
    const doc = analyze(
      FR + 'La coopération énergétique sino-russe progresse rapidement.\n' + 'Les deux parties renforceront leur coopération dans le domaine de l’agriculture.',
    );
    assert.deepEqual(topics(doc, 'La coopération'), ['energy']);
    assert.deepEqual(topics(doc, 'Les deux parties'), ['agriculture']);
  });

  test('a report of the events around the statement (who attended, a signature) is bilateral', () => {
    const doc = analyze(
      'Chine et Russie : un communiqué\n\n' +
        'Les deux parties s’opposent aux sanctions unilatérales.\n\n' +
        'Le vice-ministre chinois a accompagné la délégation à Kazan mardi.\n\n' +
        'Les deux ministres ont signé un accord sur les livraisons de gaz naturel.',
    );
    assert.deepEqual(topics(doc, 'Le vice-ministre'), ['bilateral']);
    const ann = topicAnnotations(doc, at(doc, 'Le vice-ministre'))[0];
    assert.match(ann.detail ?? '', /report act/);
    const signed = topics(doc, 'Les deux ministres');
    assert.ok(signed.includes('bilateral') && signed.includes('energy'), `topics: ${signed}`);
  });
});

describe('topics: matching', () => {
  test('a plural whose stem differs from the singular’s still matches ("conflits" for "conflit")', () => {
    const doc = analyze(FR + 'Les conflits se multiplient dans le monde.');
    assert.deepEqual(topics(doc, 'Les conflits'), ['regional_security']);
  });
});

describe('topics: secondary topics', () => {
  test('a second topic needs decisive evidence: one generic word of another domain is not enough', () => {
    const doc = analyze(EN + 'The two sides condemn terrorism in all its forms, including attacks on refugees.');
    assert.deepEqual(topics(doc, 'The two sides'), ['terrorism_crime']);
  });

  test('a named region or a decisive term does make a second topic', () => {
    const doc = analyze(
      EN +
        'The two sides condemn terrorism in all its forms and will work for peace in the Asia-Pacific region.\n' +
        'The two sides condemn terrorism and oppose the eastward expansion of military blocs.',
    );
    assert.deepEqual(topics(doc, 'The two sides condemn terrorism in all'), ['regional_security', 'terrorism_crime']);
    assert.deepEqual(topics(doc, 'The two sides condemn terrorism and'), ['regional_security', 'terrorism_crime']);
  });

  test('technological cooperation named among other achievements is science and technology', () => {
    const fr = analyze(FR + 'Les échanges commerciaux entre les deux pays ont progressé et leur coopération technologique a atteint un niveau sans précédent.');
    assert.ok(topics(fr, 'Les échanges commerciaux').includes('science_tech'), `topics: ${topics(fr, 'Les échanges commerciaux')}`);
    const en = analyze(EN + 'Bilateral trade grew by a fifth last year, and technological cooperation reached a new level.');
    assert.ok(topics(en, 'Bilateral trade').includes('science_tech'), `topics: ${topics(en, 'Bilateral trade')}`);
  });

  test('the words of an attribution ("lors d\'une conférence de presse", "according to state media") are no topic', () => {
    const fr = analyze(
      FR +
        'Les deux parties renforceront leur coopération énergétique.\n« Ce texte ouvre un nouveau chapitre », a déclaré M. Wang lors d’une conférence de presse.',
    );
    assert.ok(!topics(fr, '« Ce texte').includes('people_culture'), `topics: ${topics(fr, '« Ce texte')}`);
    const en = analyze(EN + 'The two sides will deepen energy cooperation.\n"This opens a new chapter," Modi told Macron, according to state media.');
    assert.ok(!topics(en, '"This opens').includes('people_culture'), `topics: ${topics(en, '"This opens')}`);
  });

  test('"post-pandemic" dates a sentence, it does not make it about health', () => {
    const en = analyze(EN + 'The two sides will promote the post-pandemic economic recovery.');
    assert.deepEqual(topics(en, 'The two sides'), ['economy']);
    const fr = analyze(FR + 'Les deux parties favoriseront la reprise économique de l’après-pandémie.');
    assert.ok(!topics(fr, 'Les deux parties').includes('health'), `topics: ${topics(fr, 'Les deux parties')}`);
  });
});

describe('topics: parties and references', () => {
  test('a sentence that names the parties and no domain is the relationship, not the previous topic', () => {
    const doc = analyze(FR + 'Les deux parties s’opposent aux sanctions unilatérales.\nLa Chine a besoin de la Russie, et la Russie a besoin de la Chine.');
    const i = at(doc, 'La Chine a besoin');
    assert.deepEqual(labels(doc, i, 'topic'), ['bilateral']);
    assert.equal(topicAnnotations(doc, i)[0].rule, 'topics:parties');
  });

  test('a short form referring back to a treaty ("le Traité") points to the treaty’s topic', () => {
    const doc = analyze(
      FR +
        'Les deux parties soutiennent le Traité sur la non-prolifération des armes nucléaires.\n' +
        'Elles s’opposent aux sanctions unilatérales.\n' +
        'Elles appellent tous les États à respecter pleinement le Traité.',
    );
    assert.deepEqual(topics(doc, 'Elles appellent'), ['strategic_stability']);
  });
});

describe('topics: dense evidence', () => {
  test('a sentence dense in one domain keeps a second domain it names decisively', () => {
    const doc = analyze(EN + 'The two sides oppose the deployment of missile defence systems in the Asia-Pacific, which fuels an arms race.');
    assert.deepEqual(topics(doc, 'The two sides'), ['regional_security', 'strategic_stability']);
  });
});

describe('topics: boilerplate', () => {
  test('"peace, stability and prosperity" is not the economy', () => {
    const doc = analyze(EN + 'The two sides will work for lasting peace, stability and prosperity.');
    assert.ok(!topics(doc, 'The two sides').includes('economy'), `topics: ${topics(doc, 'The two sides')}`);
  });
});

test('keyword evidence keeps the longest term of a topic starting at a word, or every term when asked', () => {
  const text = 'Elles rejettent les mesures coercitives unilatérales et les armes nucléaires tactiques.';
  const model = loadTopicModel('fr');
  // The terms that start at "mesures" and at "armes" (words inside them start terms of their own).
  const starts = [text.indexOf('mesures'), text.indexOf('armes')];
  const spans = (all: boolean) =>
    topicEvidence(text, 0, text.length, model, [], all)
      .filter((e) => starts.includes(e.start))
      .map((e) => `${e.topic}: ${text.slice(e.start, e.end)}`);
  assert.deepEqual(spans(false), ['sanctions: mesures coercitives unilatérales', 'strategic_stability: armes nucléaires tactiques']);
  assert.deepEqual(spans(true), [
    'sanctions: mesures coercitives',
    'sanctions: mesures coercitives unilatérales',
    'strategic_stability: armes nucléaires',
    'strategic_stability: armes nucléaires tactiques',
  ]);
});
