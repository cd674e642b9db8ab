/**
 * The general domain vocabulary of the topic lexicons (data/lang/{en,fr}/topics.tsv): words a domain
 * expert would list for each topic of the codebook are coded with that topic, in English and in
 * French, and common words that merely share a stem with them are not.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import type { Doc } from '../src/core/types.ts';
import { analyze, labels } from './helpers.ts';

function at(doc: Doc, prefix: string): number {
  const i = doc.provisions.findIndex((p) => p.text.startsWith(prefix));
  assert.ok(i >= 0, `no provision starts with "${prefix}"; provisions: ${JSON.stringify(doc.provisions.map((p) => p.text))}`);
  return i;
}
const topics = (doc: Doc, prefix: string) => labels(doc, at(doc, prefix), 'topic');

const EN = 'Joint Statement of Brazil and Kenya\n\n';
const FR = 'Déclaration conjointe de la République du Sénégal et du Royaume du Maroc\n\n';

/** Each line is its own provision; every one must carry its topic. */
function assertTopics(head: string, cases: [string, string][]) {
  const doc = analyze(head + cases.map(([text]) => text).join('\n'));
  for (const [text, topic] of cases) {
    const got = topics(doc, text.slice(0, 30));
    assert.ok(got.includes(topic), `"${text}" should be ${topic}, got ${JSON.stringify(got)}`);
  }
}

describe('topics: general domain vocabulary (English)', () => {
  test('military, strategic stability and regional security', () => {
    assertTopics(EN, [
      ['Kenya intends to diversify its weapons purchases over the coming decade.', 'military'],
      ['Officer training and the exchange of cadets between military schools will be expanded.', 'military'],
      ['The ministers discussed the contribution of peacekeeping troops to missions in the region.', 'military'],
      ['Brazil supports the accession of new members to the Nuclear Suppliers Group and the Wassenaar Arrangement.', 'strategic_stability'],
      ['No state should seek absolute military superiority over others.', 'strategic_stability'],
      [
        'They condemned the unconstitutional changes of government on the continent and called for a swift return to constitutional order.',
        'regional_security',
      ],
      ['The protection of civilians and civilian infrastructure must be ensured at all times.', 'regional_security'],
      ['They called for predictable funding of African Union-led peace support operations.', 'regional_security'],
    ]);
  });

  test('sovereignty, world order, sanctions, crime and cyber', () => {
    assertTopics(EN, [
      ['The two countries will settle the delimitation of the continental shelf through negotiations.', 'sovereignty'],
      ['The ministers stressed the importance of freedom of expression and called for the release of political prisoners.', 'world_order'],
      ['They rejected the weaponisation of economic dependencies.', 'sanctions'],
      ['The police of both countries will step up the fight against criminal networks trafficking cocaine and firearms.', 'terrorism_crime'],
      ['They will act together against online scams targeting their citizens.', 'cyber_information'],
    ]);
  });

  test('economy, energy, transport, science, agriculture, health, culture and environment', () => {
    assertTopics(EN, [
      ['Kenya is interested in Brazilian expertise in mineral processing, especially for lithium and copper.', 'economy'],
      ['The parties aim to establish a customs union and to grant each other preferential access for their goods.', 'economy'],
      ['A high-voltage interconnector and new wind farms will supply the northern provinces.', 'energy'],
      ['Brazilian firms will supply rolling stock for the new metro and light rail lines in Nairobi.', 'connectivity'],
      ['The two space agencies will cooperate on space missions and a joint space research programme.', 'science_tech'],
      ['They will promote cassava and sorghum production, as well as post-harvest storage, to support herders and smallholders.', 'agriculture'],
      ['The ministries of health will cooperate on dengue, cholera and measles surveillance.', 'health'],
      ['Both sides will encourage pilgrims, holidaymakers and culinary exchanges.', 'people_culture'],
      ['They welcomed the outcome of COP30 and will protect mangroves and coral reefs.', 'environment'],
      ['They will cooperate on water security along shared rivers such as the Nile.', 'environment'],
    ]);
  });

  test('words that only share a stem with a domain term do not take its topic', () => {
    const doc = analyze(
      EN +
        'The ministers met in the Ivory Coast capital.\n' +
        'They upheld the universal values of humanity and the universal application of the rules.\n' +
        'The leaders crafted a roadmap for their partnership.\n' +
        'The meeting took place near the hospital, and the President thanked his host for the warm hospitality.',
    );
    assert.ok(!topics(doc, 'The ministers met').includes('environment'));
    assert.ok(!topics(doc, 'They upheld').includes('people_culture'));
    assert.ok(!topics(doc, 'The leaders crafted').includes('people_culture'));
    assert.ok(topics(doc, 'The meeting took place').includes('bilateral'));
  });
});

describe('topics: general domain vocabulary (French)', () => {
  test('défense, stabilité stratégique et sécurité régionale', () => {
    assertTopics(FR, [
      ['Les deux pays renforceront la formation des officiers et les échanges entre écoles militaires.', 'military'],
      ['Les deux armées organiseront régulièrement des manœuvres.', 'military'],
      ['Le Sénégal fournira des troupes de maintien de la paix aux missions des Nations unies.', 'military'],
      ['Aucun État ne doit rechercher une supériorité militaire absolue.', 'strategic_stability'],
      [
        'Les ministres condamnent les changements anticonstitutionnels de gouvernement et appellent au rétablissement de l’ordre constitutionnel.',
        'regional_security',
      ],
      ['La protection des civils et des infrastructures civiles doit être assurée en toutes circonstances.', 'regional_security'],
    ]);
  });

  test('souveraineté, ordre mondial, sanctions, criminalité et cyber', () => {
    assertTopics(FR, [
      ['Les deux pays régleront par la négociation la délimitation du plateau continental.', 'sovereignty'],
      ['Les ministres soulignent l’importance de la liberté d’expression et de la liberté de la presse.', 'world_order'],
      ['Ils rejettent l’instrumentalisation des dépendances économiques.', 'sanctions'],
      ['Les polices des deux pays démantèleront les réseaux criminels qui se livrent au trafic de cocaïne.', 'terrorism_crime'],
      ['Elles lutteront ensemble contre les escroqueries en ligne visant leurs citoyens.', 'cyber_information'],
    ]);
  });

  test('économie, énergie, transports, sciences, agriculture, santé, culture et environnement', () => {
    assertTopics(FR, [
      ['Le Maroc s’intéresse à l’expérience sénégalaise dans l’exploitation minière, notamment du lithium et du cuivre.', 'economy'],
      ['Les parties étudieront la création d’une union douanière et un accès préférentiel pour leurs produits.', 'economy'],
      ['Une ligne à haute tension et de nouveaux parcs éoliens alimenteront les provinces du Sud.', 'energy'],
      ['Des entreprises marocaines fourniront le matériel roulant du futur tramway de Dakar.', 'connectivity'],
      ['Les deux agences spatiales coopéreront dans le domaine des technologies spatiales et des missions spatiales.', 'science_tech'],
      ['Elles encourageront la culture du manioc et du sorgho ainsi que la réduction des pertes après récolte.', 'agriculture'],
      ['Les ministères de la santé coopéreront dans la lutte contre la dengue, le choléra et la rougeole.', 'health'],
      ['Les deux parties encourageront les pèlerins, les vacanciers et les échanges culinaires.', 'people_culture'],
      ['Elles se félicitent des résultats de la COP30 et protégeront les mangroves et les récifs coralliens.', 'environment'],
    ]);
  });

  test('les mots qui ne partagent qu’un radical avec un terme du domaine n’en prennent pas le thème', () => {
    const doc = analyze(
      FR +
        'Les ministres se sont réunis à Abidjan, en Côte d’Ivoire.\n' +
        'Les deux parties ont salué l’importance de leurs échanges, mais aussi leurs résultats.\n' +
        'Les deux parties ont renouvelé leur soutien à ce processus.',
    );
    assert.ok(!topics(doc, 'Les ministres se sont').includes('environment'));
    const exchanges = topics(doc, 'Les deux parties ont salué');
    assert.ok(!exchanges.includes('economy') && !exchanges.includes('agriculture'), JSON.stringify(exchanges));
    assert.ok(!topics(doc, 'Les deux parties ont renouvelé').includes('energy'));
  });
});
