import { test } from 'node:test';
import { byCodeUnits, sortInPlace } from '../src/core/sort.ts';
import assert from 'node:assert/strict';
import { analyze, provisionTexts } from './helpers.ts';
import { formMemo, MAX_FORMS, tokenize, wordsOf } from '../src/core/tokenize.ts';

test('every provision text is the slice of the normalised text at its offsets', () => {
  const doc = analyze(
    'Titre de la déclaration\n\n1. Les deux parties ont convenu de renforcer la coopération. Elles continueront à travailler ensemble.\n- Développer les échanges\n',
  );
  for (const p of doc.provisions) assert.equal(doc.text.slice(p.start, p.end), p.text);
  assert.ok(doc.provisions.length >= 3);
});

test('French abbreviations and initials do not end a provision', () => {
  const doc = analyze(
    'M. Wang a rencontré Mme Dupont et le Dr. Martin à Paris. Conformément à l’art. 7 du traité, les parties coopèrent. Joseph R. Biden a parlé.',
  );
  assert.deepEqual(provisionTexts(doc), [
    'M. Wang a rencontré Mme Dupont et le Dr. Martin à Paris.',
    'Conformément à l’art. 7 du traité, les parties coopèrent.',
    'Joseph R. Biden a parlé.',
  ]);
});

test('English abbreviations, dotted acronyms and numbers do not end a provision', () => {
  const doc = analyze(
    'The U.S. President met Mr. Smith in Washington, D.C. on 20.09.2023 and agreed on 1.5 billion dollars. No. 5 was discussed. The talks ended.',
  );
  assert.deepEqual(provisionTexts(doc), [
    'The U.S. President met Mr. Smith in Washington, D.C. on 20.09.2023 and agreed on 1.5 billion dollars.',
    'No. 5 was discussed.',
    'The talks ended.',
  ]);
});

test('a quotation and its attribution stay one provision, in French and English', () => {
  const fr = analyze('« Nos relations sont excellentes. Elles vont se renforcer », a affirmé M. Li. La réunion a pris fin.');
  assert.deepEqual(provisionTexts(fr), ['« Nos relations sont excellentes. Elles vont se renforcer », a affirmé M. Li.', 'La réunion a pris fin.']);
  const en = analyze('"Our ties are strong. They will grow," the minister said. Talks continue.');
  assert.deepEqual(provisionTexts(en), ['"Our ties are strong. They will grow," the minister said.', 'Talks continue.']);
});

test('a sentence ends before an opening quote and after a closing quote', () => {
  const doc = analyze(
    'Le texte a été signé. "La stabilité stratégique" est un concept ancien. Il a ajouté : "Nous coopérerons." Les parties ont salué le résultat.',
  );
  assert.deepEqual(provisionTexts(doc), [
    'Le texte a été signé.',
    '"La stabilité stratégique" est un concept ancien.',
    'Il a ajouté : "Nous coopérerons."',
    'Les parties ont salué le résultat.',
  ]);
});

test('list markers and section numbers start provisions and go to section', () => {
  const doc = analyze(
    'Les deux parties ont convenu de mettre en œuvre les tâches suivantes :\n- Renforcer la coopération énergétique.\n——Approfondir les échanges locaux.\n-- Développer le tourisme\n• Protéger l’environnement.\na) Élargir le commerce.\n2. Les parties coopèrent.\nIV. Les parties se consultent.\n3) Les parties se rencontrent.',
  );
  assert.deepEqual(provisionTexts(doc), [
    'Les deux parties ont convenu de mettre en œuvre les tâches suivantes :',
    'Renforcer la coopération énergétique.',
    'Approfondir les échanges locaux.',
    'Développer le tourisme',
    'Protéger l’environnement.',
    'Élargir le commerce.',
    'Les parties coopèrent.',
    'Les parties se consultent.',
    'Les parties se rencontrent.',
  ]);
  assert.deepEqual(
    doc.provisions.map((p) => p.section),
    [null, '-', '——', '--', '•', 'a', '2', 'IV', '3'],
  );
});

test('title, headings, datelines, stamps, bylines and furniture are metadata, not provisions', () => {
  const doc = analyze(
    [
      'Dernière mise à jour à 10h01 le 20/09',
      "Page d'accueil>>Chine",
      'La Chine et la Russie prêtes à coopérer',
      'Xinhua | 20.09.2023 08h36',
      'Les deux pays ont signé un accord.',
      'Coopération énergétique',
      'Ils développeront le gaz.',
      '(Rédacteurs :Ying Xie, Yishuang Liu)',
      '  • Votre pseudo',
      '  •',
    ].join('\n'),
  );
  assert.deepEqual(provisionTexts(doc), ['Les deux pays ont signé un accord.', 'Ils développeront le gaz.']);
  assert.equal(doc.title, 'La Chine et la Russie prêtes à coopérer');
  const kinds = doc.lines.map((l) => l.kind);
  assert.deepEqual(kinds, ['dateline', 'breadcrumb', 'title', 'dateline', 'heading', 'byline', 'furniture', 'furniture']);
  assert.equal(doc.date, '2023-09-20');
});

test('a wire dateline is not part of the first provision', () => {
  const doc = analyze(
    'Leaders meet\n\nSource: Xinhua\n\n2023-03-22 03:28:15\n\nMOSCOW, March 21 (Xinhua) -- The two presidents met on Tuesday. They signed a statement.\n\nBEIJING - Not a dateline here.',
  );
  assert.deepEqual(provisionTexts(doc), ['The two presidents met on Tuesday.', 'They signed a statement.', 'BEIJING - Not a dateline here.']);
  assert.deepEqual(provisionTexts(analyze('BEIJING - The two sides met.')), ['The two sides met.']);
  assert.equal(doc.date, '2023-03-21');
  assert.equal(doc.docType, 'news_report');
  // TASS puts the agency between slashes; Indian papers end the place with a colon.
  assert.deepEqual(provisionTexts(analyze('Talks\n\nMOSCOW, May 16. /TASS/. Russia and China signed a statement. NOTE: later.')), [
    'Russia and China signed a statement.',
    'NOTE: later.',
  ]);
  const colon = analyze('Talks\n\nNEW DELHI: India and Japan agreed to expand cooperation.');
  assert.deepEqual(provisionTexts(colon), ['India and Japan agreed to expand cooperation.']);
  assert.ok(colon.lines.some((l) => l.kind === 'dateline' && l.text === 'NEW DELHI:'));
});

test('a closing date line dates a statement and is not a provision', () => {
  const doc = analyze(
    'La République populaire de Chine et la Fédération de Russie déclarent ce qui suit :\n1. Les deux parties renforceront leur coopération.\n28 juin 2021',
  );
  assert.deepEqual(provisionTexts(doc), [
    'La République populaire de Chine et la Fédération de Russie déclarent ce qui suit :',
    'Les deux parties renforceront leur coopération.',
  ]);
  assert.equal(doc.date, '2021-06-28');
  assert.equal(doc.docType, 'statement_text');
  assert.equal(doc.title, null);
});

test('a caption naming people is not the title', () => {
  const doc = analyze(
    'Source: Sputnik\nMikhaïl Michoustine, Premier ministre russe, et Xi Jinping, président chinois\nMoscou et Pékin renforcent leur partenariat.',
  );
  assert.equal(doc.title, null);
  assert.deepEqual(provisionTexts(doc), ['Moscou et Pékin renforcent leur partenariat.']);
});

test('hard-wrapped lines of one paragraph are joined into one provision', () => {
  const doc = analyze('The two sides agreed to strengthen\ncooperation in trade and\ninvestment. They will meet again.');
  assert.deepEqual(provisionTexts(doc), ['The two sides agreed to strengthen\ncooperation in trade and\ninvestment.', 'They will meet again.']);
});

test('a year only in a weekday phrase or without year leaves the date null', () => {
  assert.equal(analyze('Le communiqué a été signé samedi à Beijing. Les parties se rencontreront les 3 et 4 novembre.').date, null);
  assert.equal(analyze('New Delhi, December 7, 2021\n\nThe leaders met on Monday.').date, '2021-12-07');
  assert.equal(analyze('Le président a reçu son homologue à Paris le 4 mai 2022. Ils ont parlé.').date, '2022-05-04');
});

test('a meeting over several days dates the statement by its first day, however the range is written', () => {
  assert.equal(analyze('Joint Statement\n\nThe Prime Minister paid an official visit to India on 19-20 March 2022.').date, '2022-03-19');
  assert.equal(analyze('Joint Statement\n\nThe leaders met in Hiroshima on May 19-21, 2023.').date, '2023-05-19');
  assert.equal(analyze('Joint Statement\n\nThe leaders met in Tokyo on March 19 and 20, 2022.').date, '2022-03-19');
  assert.equal(analyze('Déclaration conjointe\n\nLes dirigeants se sont réunis à Paris du 3 au 5 décembre 2025.').date, '2025-12-03');
  // The meeting's date comes before a dateline, as the codebook orders them; "may" the verb is no month.
  assert.equal(analyze('Joint Statement\nMoscow, May 16, 2024\n\nThe President paid a state visit from May 15 to 16, 2024.').date, '2024-05-15');
  assert.equal(analyze('Joint Statement\n\nThe two sides may 3 times a year hold consultations.').date, null);
  assert.equal(analyze('Joint Statement\n\nThe two sides met.\n\nSigned on the 5th of December 2025 in New Delhi.').date, '2025-12-05');
});

test('a statement’s own dateline dates it when its first sentence recalls a date weeks away; a news stamp does not outrank the event date', () => {
  const statement = analyze(
    'Joint Statement of the EU-Japan Summit\n\nBrussels, 25 April 2019\n\nWe, the leaders of the European Union and Japan, met today in Brussels, the first summit since the Agreement entered into force on 1 February 2019.',
  );
  assert.equal(statement.docType, 'statement_text');
  assert.equal(statement.date, '2019-04-25');
  const news = analyze(
    'Putin and Modi agree to deepen ties\n\nDecember 7, 2021 7:48 AM UTC\n\nNEW DELHI (Reuters) - Russian President Vladimir Putin and Indian Prime Minister Narendra Modi met on 6 December 2021 in New Delhi, a news agency reported.',
  );
  assert.equal(news.docType, 'news_report');
  assert.equal(news.date, '2021-12-06');
});

test('language is identified for French and English text', () => {
  assert.equal(analyze('Les deux parties ont réaffirmé leur soutien mutuel et leur volonté de coopérer.').language, 'fr');
  assert.equal(analyze('The two sides reaffirmed their mutual support and their will to cooperate.').language, 'en');
});

test('language is identified for close Romance languages and German, whose paragraphs open on names and figures', () => {
  const opening = 'Joint Statement\n\n';
  const cases: [string, string][] = [
    [
      'es',
      'El Presidente de la República Popular China y el Presidente de la Federación de Rusia se reunieron en Moscú el 8 de mayo de 2025. Las dos partes acordaron profundizar la cooperación económica y reforzar la coordinación en las Naciones Unidas.',
    ],
    [
      'pt',
      'O Presidente da República Popular da China e o Presidente da Federação da Rússia reuniram-se em Moscovo a 8 de maio de 2025. As duas partes acordaram aprofundar a cooperação económica e reforçar a coordenação nas Nações Unidas.',
    ],
    [
      'it',
      "Il Presidente della Repubblica Popolare Cinese e il Presidente della Federazione Russa si sono incontrati a Mosca l'8 maggio 2025. Le due parti hanno concordato di approfondire la cooperazione economica e di rafforzare il coordinamento alle Nazioni Unite.",
    ],
    [
      'de',
      'Der Präsident der Volksrepublik China und der Präsident der Russischen Föderation trafen sich am 8. Mai 2025 in Moskau. Beide Seiten vereinbarten, die wirtschaftliche Zusammenarbeit zu vertiefen und die Abstimmung in den Vereinten Nationen zu stärken.',
    ],
    [
      'fr',
      "Xi Jinping, Vladimir Poutine, BRICS, OCS, 2025 : les deux chefs d'État se sont entretenus à Moscou et sont convenus d'approfondir la coopération économique et de renforcer la coordination aux Nations unies.",
    ],
    [
      'en',
      'Xi Jinping, Vladimir Putin, BRICS, SCO, 2025: the two heads of state held talks in Moscow and agreed to deepen economic cooperation and to strengthen their coordination at the United Nations.',
    ],
  ];
  for (const [language, paragraph] of cases) assert.equal(analyze(opening + paragraph).language, language, paragraph.slice(0, 40));
});

test('texts in languages without data still segment (Chinese full stops, Cyrillic), with no crash', () => {
  const zh = analyze('中华人民共和国和俄罗斯联邦联合声明\n\n双方反对单边制裁。双方将加强合作。');
  assert.equal(zh.language, 'zh');
  assert.deepEqual(provisionTexts(zh), ['双方反对单边制裁。', '双方将加强合作。']);
  const ru = analyze('Совместное заявление\n\nСтороны выступают против санкций. Стороны будут укреплять сотрудничество.');
  assert.equal(ru.language, 'ru');
  assert.equal(ru.provisions.length, 2);
  assert.ok(
    ru.annotations.some((a) => a.kind === 'act'),
    'every provision still gets an act',
  );
});

test('tokens keep elisions, possessives, inner apostrophes and acronyms; wordsOf gives the same words', () => {
  const text = "Aujourd'hui, l'OTAN et la Chine's partner — the U.S.-Japan alliance, China's role; qu'elles s’opposent au partenariat sino-russe.";
  const tokens = tokenize(text);
  assert.deepEqual(
    tokens.map((t) => t.raw),
    [
      "Aujourd'hui",
      "l'",
      'OTAN',
      'et',
      'la',
      'Chine',
      'partner',
      'the',
      'U.S',
      'Japan',
      'alliance',
      'China',
      'role',
      "qu'",
      'elles',
      's’',
      'opposent',
      'au',
      'partenariat',
      'sino',
      'russe',
    ],
  );
  assert.deepEqual(
    tokens.filter((t) => t.elided).map((t) => t.norm),
    ['l', 'qu', 's'],
  );
  assert.ok(tokens.find((t) => t.raw === 'russe')!.afterHyphen);
  assert.ok(!tokens.find((t) => t.raw === 'partenariat')!.afterHyphen);
  assert.deepEqual(
    wordsOf(text),
    tokens.map((t) => t.raw),
  );
  assert.deepEqual(
    wordsOf(text, 5, 40),
    tokenize(text, 5, 40).map((t) => t.raw),
  );
});

test('tokens spelled alike share one word form, and a form memo derives its value once per form', () => {
  const tokens = tokenize("Les parties renforcent les échanges et les liens. Les Parties l'ont dit, l'accord aussi.");
  const byRaw = (raw: string) => tokens.filter((t) => t.raw === raw);
  const [les1, les2] = byRaw('les');
  assert.equal(les1.form, les2.form);
  assert.equal(byRaw('Les')[0].form, byRaw('Les')[1].form);
  assert.notEqual(byRaw('Les')[0].form, les1.form, 'a capital is another written form');
  assert.equal(byRaw("l'")[0].form.norm, 'l', 'the elision apostrophe is not part of the norm');
  const derived: string[] = [];
  const lengthOf = formMemo((form) => {
    derived.push(form.raw);
    return form.norm.length;
  });
  assert.deepEqual(
    tokens.map((t) => lengthOf(t.form)),
    tokens.map((t) => t.norm.length),
  );
  assert.deepEqual(derived, [...new Set(tokens.map((t) => t.raw))], 'one derivation per written form');
});

test('when the word forms are dropped, forms made before and after keep their own memo values', () => {
  const upper = formMemo((form) => form.raw.toUpperCase());
  // Each list has as many distinct words as the forms kept, so making the second drops the first's.
  const list = (prefix: string) => tokenize(Array.from({ length: MAX_FORMS }, (_, i) => `${prefix}${i}`).join(' '));
  const first = list('a');
  assert.ok(first.every((t) => upper(t.form) === t.raw.toUpperCase()));
  const second = list('b');
  assert.ok(
    second.every((t) => upper(t.form) === t.raw.toUpperCase()),
    'a new form never gets an older form value',
  );
  assert.ok(
    first.every((t) => upper(t.form) === t.raw.toUpperCase()),
    'a form of a document still in progress keeps its value',
  );
  assert.notEqual(tokenize('a0')[0].form, first[0].form, 'the dropped word gets a new form');
});

test('tokens of other scripts: Cyrillic, Chinese (also beyond the 16-bit plane), digits and superscripts', () => {
  const text = 'Москва и Пекин, 2023 年 中国 𠀀字 x² N.A.T.O. s.a.';
  assert.deepEqual(
    tokenize(text).map((t) => [t.raw, t.start, t.end]),
    [
      ['Москва', 0, 6],
      ['и', 7, 8],
      ['Пекин', 9, 14],
      ['2023', 16, 20],
      ['年', 21, 22],
      ['中国', 23, 25],
      ['𠀀字', 26, 29],
      ['x²', 30, 32],
      ['N.A.T.O', 33, 40],
      ['s', 42, 43],
      ['a', 44, 45],
    ],
  );
});

test('a title that names the text a joint statement or a declaration weighs for statement_text; a headline about one does not', () => {
  const body = '\n\nParis, 3 May 2024\n\nThe President paid a state visit to France from 2 to 3 May 2024. The two sides noted the progress of the partnership.';
  assert.equal(analyze('Joint Statement of France and Viet Nam' + body).docType, 'statement_text');
  assert.equal(analyze('France and Viet Nam issue a joint statement' + body).docType, 'news_report');
  const fr =
    '\n\nHanoï, le 3 mai 2024\n\nLe Président a effectué une visite d’État au Vietnam. Les deux parties ont noté les progrès du partenariat, a indiqué l’Élysée.';
  assert.equal(analyze('Déclaration conjointe de la France et du Vietnam' + fr).docType, 'statement_text');
  assert.equal(analyze('La France et le Vietnam publient une déclaration conjointe' + fr).docType, 'news_report');
});

test('an official readout of a phone call ("Telephone call between ...", "Entretien téléphonique entre ...") is a statement text; a headline about a call is news', () => {
  const body =
    '\n\nParis, 4 March 2024\n\nPresident Macron spoke by telephone on Monday with Prime Minister Modi. He said France would support India’s bid, the President added.';
  assert.equal(analyze('Telephone call between President Macron and Prime Minister Modi' + body).docType, 'statement_text');
  assert.equal(analyze('Readout of the call between President Macron and Prime Minister Modi' + body).docType, 'statement_text');
  assert.equal(analyze('Macron and Modi discuss trade in a telephone call' + body).docType, 'news_report');
  assert.equal(analyze('France-India Summit Telephone Talk' + body).docType, 'statement_text');
  const fr =
    '\n\nOttawa, le 4 mars 2024\n\nLe premier ministre s’est entretenu lundi avec la présidente du Mexique. Il a souligné l’importance du commerce, a ajouté le bureau.';
  assert.equal(analyze('Entretien téléphonique entre le premier ministre du Canada et la présidente du Mexique' + fr).docType, 'statement_text');
  assert.equal(analyze('Le Canada et le Mexique évoquent le commerce lors d’un entretien téléphonique' + fr).docType, 'news_report');
  assert.equal(analyze('Canada-Mexique : entretien téléphonique' + fr).docType, 'statement_text');
});

test('the signature formula that closes a statement ("Fait à ..., le ...", "Done at ... on ...") dates it and is not a provision', () => {
  const fr = analyze(
    'Déclaration conjointe\n\nLes deux parties approfondiront leur coopération.\n\nFait à Astana, le 3 juillet 2024, en deux exemplaires originaux, chacun en langues française et kazakhe, les deux textes faisant également foi.',
  );
  assert.deepEqual(provisionTexts(fr), ['Les deux parties approfondiront leur coopération.']);
  assert.equal(fr.date, '2024-07-03');
  const en = analyze(
    'Joint Statement\n\nThe two sides will deepen their cooperation.\n\nDone at Hanoi on 12 December 2023, in two originals in the English and Vietnamese languages.\n\nPresident of the Socialist Republic of Viet Nam\n\nPresident of the French Republic',
  );
  assert.deepEqual(provisionTexts(en), ['The two sides will deepen their cooperation.']);
  assert.equal(en.date, '2023-12-12');
  // A sentence that only begins like one stays a provision.
  const body = analyze('Joint Statement\n\nSigned in Beijing in 2001, the Treaty remains the foundation of the relationship, the two sides said.');
  assert.equal(provisionTexts(body).length, 1);
});

test('bracketed markers "(a)", "(ii)", "(3)" go to section like "a)" and "2."', () => {
  const doc = analyze(
    'Joint Statement\n\nThe two sides agreed on the following:\n(a) Expand cooperation on energy;\n(ii) Establish a working group;\n(3) Meet again in 2026.',
  );
  assert.deepEqual(
    doc.provisions.map((p) => [p.section, p.text]),
    [
      [null, 'The two sides agreed on the following:'],
      ['a', 'Expand cooperation on energy;'],
      ['ii', 'Establish a working group;'],
      ['3', 'Meet again in 2026.'],
    ],
  );
});

test('an abbreviation that may end a sentence ("etc.", "p.m.") ends it before a capital letter, and not before a lower-case word', () => {
  assert.deepEqual(provisionTexts(analyze('Déclaration\n\nElles coopéreront dans l’énergie, l’agriculture, etc. Elles se réuniront en 2025.')), [
    'Elles coopéreront dans l’énergie, l’agriculture, etc.',
    'Elles se réuniront en 2025.',
  ]);
  assert.deepEqual(provisionTexts(analyze('Statement\n\nThe meeting ended at 5 p.m. Both sides met again at 9 a.m. on Friday.')), [
    'The meeting ended at 5 p.m.',
    'Both sides met again at 9 a.m. on Friday.',
  ]);
  assert.deepEqual(provisionTexts(analyze('Statement\n\nThey discussed trade, energy, etc. and agreed to meet.')), [
    'They discussed trade, energy, etc. and agreed to meet.',
  ]);
});

test('a title ending in ": Joint Press Release" / ": déclaration conjointe" marks the statement text itself', () => {
  const body = '\n\nBrussels, 24 July 2025\n\nThe summit took place in Beijing on 24 July 2025. The EU raised its concerns about export controls.';
  assert.equal(analyze('EU-China Summit: Joint Press Release' + body).docType, 'statement_text');
  assert.equal(analyze('EU-China summit ends without deal' + body).docType, 'news_report');
  const fr = '\n\nBruxelles, le 24 juillet 2025\n\nLe sommet a eu lieu à Pékin le 24 juillet 2025. L’UE a fait part de ses préoccupations.';
  assert.equal(analyze('Sommet UE-Chine : déclaration conjointe' + fr).docType, 'statement_text');
});

test('a title "<Place> Declaration ..." marks the statement text, even under a bare date line', () => {
  const doc = analyze(
    'Tianjin Declaration of the Council of Heads of State of the Shanghai Cooperation Organisation\n\n1 September 2025\n\nThe Member States strongly condemn terrorism in all its forms.',
  );
  assert.equal(doc.docType, 'statement_text');
});

test('a list item that goes on ("; and", ", et") is a provision, not a heading', () => {
  const doc = analyze(
    'Joint Statement of the Republic of Korea and the United States\n\nThe two Presidents committed to:\n(a) strengthen deterrence on the Korean Peninsula;\n(b) expand the scope of combined exercises; and\n(c) reactivate the consultation group.\n\nII. ECONOMIC SECURITY\n\nLes deux parties conviennent de :\n- renforcer la coopération,\n- développer les échanges, et\n- soutenir la recherche.',
  );
  assert.deepEqual(provisionTexts(doc), [
    'The two Presidents committed to:',
    'strengthen deterrence on the Korean Peninsula;',
    'expand the scope of combined exercises; and',
    'reactivate the consultation group.',
    'Les deux parties conviennent de :',
    'renforcer la coopération,',
    'développer les échanges, et',
    'soutenir la recherche.',
  ]);
  assert.ok(doc.lines.some((l) => l.kind === 'heading' && l.text === 'II. ECONOMIC SECURITY'));
});

test('a sentence longer than any heading that lost its final stop is still a provision', () => {
  const long =
    'The two sides agreed to strengthen their cooperation in trade, investment, energy, science and technology, education, culture, tourism and health, and to hold regular consultations between their ministries of foreign affairs on all questions of common interest in the region and beyond';
  const doc = analyze('Joint Statement of India and Japan\n\n' + long + '\n\nThey met in Tokyo.');
  assert.deepEqual(provisionTexts(doc), [long, 'They met in Tokyo.']);
});

test('sortInPlace orders like the built-in sort, stably, for short and long lists', () => {
  // Items with equal keys keep their order: the tag says which came first.
  const items = (n: number) => Array.from({ length: n }, (_, i) => ({ key: (i * 7) % 5, tag: i }));
  for (const n of [0, 1, 2, 3, 5, 16, 17, 40]) {
    const list = items(n);
    const sorted = sortInPlace(list, (a, b) => a.key - b.key);
    assert.equal(sorted, list, 'the same list, sorted in place');
    assert.deepEqual(
      sorted,
      items(n).sort((a, b) => a.key - b.key),
      `${n} items`,
    );
  }
  const words = ['état', 'Zone', 'accord', 'Accord', 'zone'];
  assert.deepEqual(sortInPlace([...words], byCodeUnits), [...words].sort());
});
