/**
 * Builds the generated part of the state gazetteer from the `world-countries` package:
 *
 *   data/gazetteer/states.tsv       id  name_en  name_fr    (every state/territory, plus SUN)
 *   data/gazetteer/en/states.tsv    id  alias  kind         (names, acronyms, demonyms, capitals)
 *   data/gazetteer/fr/states.tsv    id  alias  kind
 *
 * Curated aliases live in `<lang>/states-extra.tsv` and `<lang>/entities.tsv`. An alias that a curated
 * file already gives (to any id) is not generated again, so curated files always win and the
 * loader never sees the same alias twice. Aliases that would name two states are dropped, unless
 * exactly one of the claimants is sovereign (then it keeps the alias: "French" is France, not the
 * French Southern Lands). Output is sorted, so re-running gives identical files.
 *
 * Run: node --import tsx scripts/build-gazetteer.ts   (or: npm run build:gazetteer)
 */
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Country } from 'world-countries';
import { tokenize } from '../src/core/tokenize.ts';

const require = createRequire(import.meta.url);
const countries = (require('world-countries/countries.json') as Country[]).slice().sort((a, b) => (a.cca3 < b.cca3 ? -1 : a.cca3 > b.cca3 ? 1 : 0));

const GAZ = fileURLToPath(new URL('../data/gazetteer/', import.meta.url));
const LANGS = ['en', 'fr'] as const;
type Lang = (typeof LANGS)[number];
type Kind = 'name' | 'acronym' | 'demonym' | 'capital' | 'combining' | 'short';
const KIND_ORDER: Kind[] = ['name', 'acronym', 'demonym', 'capital', 'combining', 'short'];

interface Alias {
  id: string;
  alias: string;
  kind: Kind;
}

/** The USSR is not in world-countries; its aliases are curated in states-extra.tsv. */
const EXTRA_STATES = [{ id: 'SUN', en: 'Soviet Union', fr: 'Union soviétique' }];

/** Not independent in world-countries, but sovereign enough to win an alias against a dependency. */
const SOVEREIGN_EXTRA = new Set(['PSE', 'TWN', 'UNK']);

/** Display names (states.tsv) where the dataset's French common name is not usable as is. */
const DISPLAY_FR: Record<string, string> = {
  COD: 'République démocratique du Congo',
  PLW: 'Palaos',
  SAU: 'Arabie saoudite',
  ESH: 'Sahara occidental',
  CPV: 'Cap-Vert',
  SWZ: 'Eswatini',
};

/** Fixes for typos and spacing in the dataset's French names and demonyms. */
const FIX_FR_NAME: Record<string, string> = {
  "Les états-unis d'Amérique": "États-Unis d'Amérique",
  'République -Unie de Tanzanie': 'République-Unie de Tanzanie',
  'Antigua -et-Barbuda': 'Antigua-et-Barbuda',
  "République de Côte d' Ivoire": "République de Côte d'Ivoire",
  "Territoire britannique de l' océan Indien": "Territoire britannique de l'océan Indien",
  'La République populaire du Bangladesh': 'République populaire du Bangladesh',
  'Congo (Rép. dém.)': 'Congo',
  'Arabie Saoudite': 'Arabie saoudite',
  "Royaume d'Arabie Saoudite": "Royaume d'Arabie saoudite",
  'Sahara Occidental': 'Sahara occidental',
  'Ile de la Réunion': 'Île de la Réunion',
};
const FIX_FR_DEMONYM: Record<string, { m: string; f: string } | null> = {
  NZL: { m: 'néo-zélandais', f: 'néo-zélandaise' },
  FLK: { m: 'malouin', f: 'malouine' },
  ATG: { m: 'antiguais et barbudien', f: 'antiguaise et barbudienne' },
  SHN: { m: 'saint-hélénois', f: 'saint-hélénoise' },
  MNP: null, // "Américan": the Northern Marianas have no demonym of their own
  TJK: { m: 'tadjik', f: 'tadjike' },
  KGZ: { m: 'kirghiz', f: 'kirghize' },
  UZB: { m: 'ouzbek', f: 'ouzbèke' },
  PLW: { m: 'palaosien', f: 'palaosienne' },
  ARE: { m: 'émirien', f: 'émirienne' },
  SWZ: { m: 'swazi', f: 'swazie' },
};
/** English demonyms replacing the dataset's (typos, dated transliterations). */
const FIX_EN_DEMONYM: Record<string, string[]> = {
  MDV: ['Maldivian'],
  CPV: ['Cape Verdean'],
  ECU: ['Ecuadorian', 'Ecuadorean'],
  TJK: ['Tajik', 'Tajikistani'],
  KGZ: ['Kyrgyz', 'Kyrgyzstani', 'Kirghiz'],
  UZB: ['Uzbek', 'Uzbekistani'],
  KAZ: ['Kazakh', 'Kazakhstani'],
  SAU: ['Saudi', 'Saudi Arabian'],
};

/**
 * French capitals, for every sovereign state (and a few others). Where a capital is missing here,
 * the dataset's (English) capital is used, which is right for most dependencies.
 * Not listed on purpose: Brussels (acting, it means the EU), Jerusalem (status disputed; press
 * uses it for Israel rarely), Malé and Sucre (ordinary words once accents are folded).
 */
const CAPITALS_FR: Record<string, string[]> = {
  AFG: ['Kaboul'],
  AGO: ['Luanda'],
  ALB: ['Tirana'],
  AND: ['Andorre-la-Vieille'],
  ARE: ['Abou Dhabi'],
  ARG: ['Buenos Aires'],
  ARM: ['Erevan'],
  ATG: ["Saint John's"],
  AUS: ['Canberra'],
  AUT: ['Vienne'],
  AZE: ['Bakou'],
  BDI: ['Gitega'],
  BEL: [],
  BEN: ['Porto-Novo'],
  BFA: ['Ouagadougou'],
  BGD: ['Dacca', 'Dhaka'],
  BGR: ['Sofia'],
  BHR: ['Manama'],
  BHS: ['Nassau'],
  BIH: ['Sarajevo'],
  BLR: ['Minsk'],
  BLZ: ['Belmopan'],
  BOL: ['La Paz'],
  BRA: ['Brasilia'],
  BRB: ['Bridgetown'],
  BRN: ['Bandar Seri Begawan'],
  BTN: ['Thimphou'],
  BWA: ['Gaborone'],
  CAF: ['Bangui'],
  CAN: ['Ottawa'],
  CHE: ['Berne'],
  CHL: ['Santiago'],
  CHN: ['Pékin', 'Beijing'],
  CIV: ['Yamoussoukro'],
  CMR: ['Yaoundé'],
  COD: ['Kinshasa'],
  COG: ['Brazzaville'],
  COL: ['Bogota'],
  COM: ['Moroni'],
  CPV: ['Praia'],
  CRI: ['San José'],
  CUB: ['La Havane'],
  CYP: ['Nicosie'],
  CZE: ['Prague'],
  DEU: ['Berlin'],
  DJI: ['Djibouti'],
  DMA: ['Roseau'],
  DNK: ['Copenhague'],
  DOM: ['Saint-Domingue'],
  DZA: ['Alger'],
  ECU: ['Quito'],
  EGY: ['Le Caire'],
  ERI: ['Asmara'],
  ESP: ['Madrid'],
  EST: ['Tallinn'],
  ETH: ['Addis-Abeba'],
  FIN: ['Helsinki'],
  FJI: ['Suva'],
  FRA: ['Paris'],
  FSM: ['Palikir'],
  GAB: ['Libreville'],
  GBR: ['Londres'],
  GEO: ['Tbilissi'],
  GHA: ['Accra'],
  GIN: ['Conakry'],
  GMB: ['Banjul'],
  GNB: ['Bissau'],
  GNQ: ['Malabo'],
  GRC: ['Athènes'],
  GRD: [],
  GTM: ['Guatemala'],
  GUY: ['Georgetown'],
  HND: ['Tegucigalpa'],
  HRV: ['Zagreb'],
  HTI: ['Port-au-Prince'],
  HUN: ['Budapest'],
  IDN: ['Jakarta'],
  IND: ['New Delhi'],
  IRL: ['Dublin'],
  IRN: ['Téhéran'],
  IRQ: ['Bagdad'],
  ISL: ['Reykjavik'],
  ISR: [],
  ITA: ['Rome'],
  JAM: ['Kingston'],
  JOR: ['Amman'],
  JPN: ['Tokyo'],
  KAZ: ['Astana'],
  KEN: ['Nairobi'],
  KGZ: ['Bichkek'],
  KHM: ['Phnom Penh'],
  KIR: ['Tarawa'],
  KNA: ['Basseterre'],
  KOR: ['Séoul'],
  KWT: ['Koweït'],
  LAO: ['Vientiane'],
  LBN: ['Beyrouth'],
  LBR: ['Monrovia'],
  LBY: ['Tripoli'],
  LCA: ['Castries'],
  LIE: ['Vaduz'],
  LKA: ['Colombo'],
  LSO: ['Maseru'],
  LTU: ['Vilnius'],
  LUX: ['Luxembourg'],
  LVA: ['Riga'],
  MAR: ['Rabat'],
  MCO: ['Monaco'],
  MDA: ['Chisinau'],
  MDG: ['Antananarivo'],
  MDV: [],
  MEX: ['Mexico'],
  MHL: ['Majuro'],
  MKD: ['Skopje'],
  MLI: ['Bamako'],
  MLT: ['La Valette'],
  MMR: ['Naypyidaw'],
  MNE: ['Podgorica'],
  MNG: ['Oulan-Bator'],
  MOZ: ['Maputo'],
  MRT: ['Nouakchott'],
  MUS: ['Port-Louis'],
  MWI: ['Lilongwe'],
  MYS: ['Kuala Lumpur'],
  NAM: ['Windhoek'],
  NER: ['Niamey'],
  NGA: ['Abuja'],
  NIC: ['Managua'],
  NLD: ['Amsterdam', 'La Haye'],
  NOR: ['Oslo'],
  NPL: ['Katmandou'],
  NRU: ['Yaren'],
  NZL: ['Wellington'],
  OMN: ['Mascate'],
  PAK: ['Islamabad'],
  PAN: ['Panama'],
  PER: ['Lima'],
  PHL: ['Manille'],
  PLW: ['Ngerulmud'],
  PNG: ['Port Moresby'],
  POL: ['Varsovie'],
  PRK: ['Pyongyang'],
  PRT: ['Lisbonne'],
  PRY: ['Asuncion'],
  PSE: ['Ramallah'],
  QAT: ['Doha'],
  ROU: ['Bucarest'],
  RUS: ['Moscou'],
  RWA: ['Kigali'],
  SAU: ['Riyad'],
  SDN: ['Khartoum'],
  SEN: ['Dakar'],
  SGP: ['Singapour'],
  SLB: ['Honiara'],
  SLE: ['Freetown'],
  SLV: ['San Salvador'],
  SMR: ['Saint-Marin'],
  SOM: ['Mogadiscio'],
  SRB: ['Belgrade'],
  SSD: ['Djouba', 'Juba'],
  STP: ['São Tomé'],
  SUR: ['Paramaribo'],
  SVK: ['Bratislava'],
  SVN: ['Ljubljana'],
  SWE: ['Stockholm'],
  SWZ: ['Mbabane', 'Lobamba'],
  SYC: [],
  SYR: ['Damas'],
  TCD: ["N'Djaména"],
  TGO: ['Lomé'],
  THA: ['Bangkok'],
  TJK: ['Douchanbé'],
  TKM: ['Achgabat'],
  TLS: ['Dili'],
  TON: ["Nuku'alofa"],
  TTO: ["Port-d'Espagne"],
  TUN: ['Tunis'],
  TUR: ['Ankara'],
  TUV: ['Funafuti'],
  TWN: ['Taipei'],
  TZA: ['Dodoma'],
  UGA: ['Kampala'],
  UKR: ['Kiev', 'Kyiv'],
  UNK: ['Pristina'],
  URY: ['Montevideo'],
  USA: ['Washington'],
  UZB: ['Tachkent'],
  VAT: ['Vatican'],
  VCT: ['Kingstown'],
  VEN: ['Caracas'],
  VNM: ['Hanoï'],
  VUT: ['Port-Vila'],
  WSM: ['Apia'],
  YEM: ['Sanaa'],
  ZAF: ['Pretoria'],
  ZMB: ['Lusaka'],
  ZWE: ['Harare'],
  HKG: [],
  MAC: [],
  ATA: [],
};

/**
 * Strings never generated, in any language: ordinary words or other places once case and accents
 * are folded, names that stand for something else when they act, and ambiguous names.
 */
const STOP: Record<Lang, string[]> = {
  en: [
    'Island',
    'Abode of Peace',
    'Mann',
    'Mannin',
    'Prathet',
    'Timor',
    'Portuguesa',
    'Mexicanos',
    'Dominique',
    'Réunion',
    'Jersey',
    'Congo',
    'Congolese',
    'Dominican',
    'The Valley',
    'The Bottom',
    'Douglas',
    'Hamilton',
    'Stanley',
    'Plymouth',
    'Saint-Denis',
    'Saint-Pierre',
    'West Island',
    'Jerusalem',
    'Brussels',
    'Malé',
    'City of Victoria',
    'Victoria',
    'George Town',
    'King Edward Point',
    'Marigot',
    'Gustavia',
  ],
  fr: [
    'Réunion',
    'Grenade',
    'Dominique',
    'Maurice',
    'Sucre',
    'Malé',
    'Bruxelles',
    'Jérusalem',
    'Jersey',
    'Saint-Denis',
    'Saint-Pierre',
    'Saint-Georges',
    'Congo',
    'congolais',
    'congolaise',
    'congolaises',
    'Saint-Martin',
    'saint-martinois',
    'saint-martinoise',
    'saint-martinoises',
    'Victoria',
    'The Valley',
    'The Bottom',
    'Douglas',
    'Hamilton',
    'Stanley',
    'Plymouth',
    'West Island',
    'Marigot',
    'Gustavia',
  ],
};

/** Two-letter codes are skipped, except these widely used ones. */
const SHORT_CODES: Record<Lang, Record<string, string>> = { en: { UK: 'GBR' }, fr: {} };

/** Alternative spellings that are French forms (kept for fr, not for en). */
const FRENCH_LOOKING =
  /^(République|Royaume|Principauté|État|Etat|Île|Îles|Collectivité|Bailliage|Territoire|Département|Grand-Duché|Confédération|Union des|Commonwealth de|Fédération)(?=[\s-]|$)/u;
/** Latin letters of Western and Central European languages only (no IPA, no transliteration marks). */
const PLAIN_LATIN = /^[\u0020-\u007E\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u017F’]+$/u;

function ownerKey(alias: string, kind: Kind): string {
  return kind === 'acronym'
    ? `${alias}|cs`
    : `${tokenize(alias)
        .map((t) => t.norm)
        .join(' ')}|ci`;
}

function clean(text: string): string {
  return text.replace(/[’ʼ]/g, "'").replace(/\s+/g, ' ').trim();
}

function capitaliseFirst(text: string): string {
  return text.charAt(0).toLocaleUpperCase('fr') + text.slice(1);
}

/** "Holy See (Vatican City State)" → ["Holy See", "Vatican City State"]; "Congo (Rép. dém.)" → ["Congo"]. */
function splitParentheses(text: string): string[] {
  const m = /^(.*?)\s*\(([^)]*)\)\s*(.*)$/.exec(text);
  if (!m) return [text];
  const outer = clean(`${m[1]} ${m[3]}`);
  const out = [outer];
  const inner = m[2].trim();
  if (!m[3] && /^\p{Lu}/u.test(inner) && !inner.includes('.') && !/\bpart\b/.test(inner)) out.push(inner);
  return out;
}

function stripArticle(text: string): string {
  return text.replace(/^(The|the|La|Le|Les)\s+/u, '');
}

function isAcronym(text: string): boolean {
  return /^(?:\p{Lu}\.?){2,5}$/u.test(text);
}

/** French demonym forms: masculine and feminine, singular and plural. */
function frenchDemonyms(m: string, f: string): string[] {
  const plural = (w: string) => (/[sxz]$/.test(w) ? w : /al$/.test(w) ? `${w.slice(0, -2)}aux` : `${w}s`);
  const out: string[] = [];
  for (const w of [m, f]) {
    if (!w) continue;
    out.push(w, plural(w));
  }
  return out;
}

/** English demonym forms: the adjective and, for nouns that take one, the plural. */
function englishDemonyms(d: string, commonName: string): string[] {
  const out = [d];
  const last = d.split(' ').pop()!;
  const invariable =
    /(ese|ish|ch|sh|ss|[sxzy]|ic|men)$/i.test(last) || /^(Ni|I)-/.test(d) || d === commonName || ['Vatican', 'Mosotho', 'Motswana'].includes(d);
  if (!invariable) out.push(`${d}s`);
  return out;
}

/** "Antiguan, Barbudan", "Kittitian or Nevisian", "antiguais et barbudien" → one demonym each. */
function splitList(text: string, lang: Lang): string[] {
  const sep = lang === 'en' ? /\s*,\s*|\s+or\s+/ : /\s*,\s*|\s+et\s+/;
  return text
    .split(sep)
    .map((s) => s.trim())
    .filter(Boolean);
}

function candidates(c: Country, lang: Lang): Alias[] {
  const id = c.cca3;
  const out: Alias[] = [];
  const push = (alias: string, kind: Kind) => out.push({ id, alias: clean(alias), kind });
  const fra = c.translations.fra;
  const frNames = new Set([fra?.common, fra?.official].filter(Boolean).map((s) => clean(s!)));

  // Names: common, official.
  const names = lang === 'en' ? [c.name.common, c.name.official] : [fra?.common ?? '', fra?.official ?? ''];
  for (const raw of names) {
    if (!raw) continue;
    let name = clean(raw);
    if (lang === 'fr') name = FIX_FR_NAME[name] ?? name;
    for (const part of splitParentheses(name)) {
      const n = stripArticle(part);
      if (n) push(lang === 'fr' ? capitaliseFirst(n) : n, 'name');
    }
  }

  // Demonyms.
  if (lang === 'en') {
    const d = c.demonyms.eng;
    const raw = FIX_EN_DEMONYM[id] ?? [d?.m ?? '', d?.f ?? ''];
    for (const entry of raw) for (const one of splitList(entry, 'en')) for (const form of englishDemonyms(one, c.name.common)) push(form, 'demonym');
  } else {
    const fix = FIX_FR_DEMONYM[id];
    const d = fix === null ? null : (fix ?? c.demonyms.fra);
    if (d && (d.m || d.f)) {
      const ms = splitList(d.m.toLocaleLowerCase('fr'), 'fr');
      const fs = splitList(d.f.toLocaleLowerCase('fr'), 'fr');
      for (let i = 0; i < Math.max(ms.length, fs.length); i++) for (const form of frenchDemonyms(ms[i] ?? '', fs[i] ?? '')) push(form, 'demonym');
    }
  }

  // Alternative spellings.
  for (const raw of c.altSpellings) {
    const alt = clean(raw);
    if (alt.includes(',')) continue; // "Korea, Republic of"
    if (/^\p{Lu}{2}$/u.test(alt)) {
      if (SHORT_CODES[lang][alt] === id) push(alt, 'acronym');
      continue;
    }
    if (lang === 'fr' && !FRENCH_LOOKING.test(alt)) continue;
    if (lang === 'en' && (FRENCH_LOOKING.test(alt) || frNames.has(alt))) continue;
    if (isAcronym(alt)) {
      if (lang === 'en') push(alt, 'acronym');
      continue;
    }
    for (const part of splitParentheses(alt)) {
      const a = stripArticle(part);
      if (/^\p{Lu}/u.test(a)) push(a, 'name');
    }
  }

  // Capitals.
  const capitals = lang === 'fr' ? (CAPITALS_FR[id] ?? c.capital) : c.capital;
  for (const cap of capitals) if (cap) push(cap, 'capital');

  return out.filter((a) => a.alias && PLAIN_LATIN.test(a.alias) && tokenize(a.alias).length > 0);
}

interface TsvAlias extends Alias {
  where: string;
}

function readAliases(file: string): TsvAlias[] {
  if (!existsSync(file)) return [];
  const rows: TsvAlias[] = [];
  let header: string[] | null = null;
  readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .forEach((line, i) => {
      if (!line.trim() || line.startsWith('#')) return;
      const cells = line.split('\t').map((s) => s.trim());
      if (!header) {
        header = cells;
        return;
      }
      const rec = Object.fromEntries(header.map((h, j) => [h, cells[j] ?? '']));
      rows.push({ id: rec.id, alias: rec.alias, kind: rec.kind as Kind, where: `${path.relative(GAZ, file)}:${i + 1}` });
    });
  return rows;
}

function compareAliases(a: Alias, b: Alias): number {
  if (a.id !== b.id) return a.id < b.id ? -1 : 1;
  const k = KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind);
  if (k) return k;
  return a.alias < b.alias ? -1 : a.alias > b.alias ? 1 : 0;
}

function writeTsv(file: string, header: string[], rows: string[][]): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const text = [header, ...rows].map((r) => r.map((c) => c.replace(/[\t\r\n]+/g, ' ').trim()).join('\t')).join('\n') + '\n';
  writeFileSync(file, text);
}

const sovereign = new Set([...countries.filter((c) => c.independent).map((c) => c.cca3), ...SOVEREIGN_EXTRA]);
const report: string[] = [];

// states.tsv
const stateRows = countries.map((c) => [c.cca3, clean(c.name.common), DISPLAY_FR[c.cca3] ?? clean(c.translations.fra?.common ?? c.name.common)]);
for (const s of EXTRA_STATES) stateRows.push([s.id, s.en, s.fr]);
stateRows.sort((a, b) => (a[0] < b[0] ? -1 : 1));
writeTsv(path.join(GAZ, 'states.tsv'), ['id', 'name_en', 'name_fr'], stateRows);
report.push(`states.tsv: ${stateRows.length} states`);

for (const lang of LANGS) {
  const stop = new Set(STOP[lang].flatMap((s) => [ownerKey(s, 'name')]));
  // Curated aliases of this language: they win over generated ones.
  const curated = new Map<string, TsvAlias>();
  for (const file of ['states-extra.tsv', 'entities.tsv']) for (const a of readAliases(path.join(GAZ, lang, file))) curated.set(ownerKey(a.alias, a.kind), a);

  // 1. candidates, deduplicated per id (first kind wins: name, then demonym, spellings, capital;
  // but a demonym beats a name written the same, since it also matches in lower case: "suisse").
  const perKey = new Map<string, Alias[]>();
  let stopped = 0;
  let overridden = 0;
  for (const c of countries) {
    const own = new Map<string, Alias>();
    for (const a of candidates(c, lang)) {
      const key = ownerKey(a.alias, a.kind);
      const prev = own.get(key);
      if (!prev || (prev.kind === 'name' && a.kind === 'demonym')) own.set(key, a);
    }
    for (const [key, a] of own) {
      if (a.kind !== 'acronym' && stop.has(key)) {
        stopped++;
        continue;
      }
      const cur = curated.get(key);
      if (cur) {
        if (cur.id !== a.id) report.push(`${lang}: "${a.alias}" (${a.kind}) not generated for ${a.id}: ${cur.where} gives it to ${cur.id}`);
        overridden++;
        continue;
      }
      const list = perKey.get(key) ?? [];
      list.push(a);
      perKey.set(key, list);
    }
  }

  // 2. one id per alias.
  const out: Alias[] = [];
  for (const list of perKey.values()) {
    const ids = [...new Set(list.map((a) => a.id))];
    if (ids.length === 1) {
      out.push(list[0]);
      continue;
    }
    const sov = ids.filter((id) => sovereign.has(id));
    if (sov.length === 1) {
      out.push(list.find((a) => a.id === sov[0])!);
      report.push(`${lang}: "${list[0].alias}" claimed by ${ids.join(', ')}: kept for ${sov[0]} (sovereign)`);
    } else {
      report.push(`${lang}: "${list[0].alias}" claimed by ${ids.join(', ')}: dropped (ambiguous)`);
    }
  }
  out.sort(compareAliases);
  writeTsv(
    path.join(GAZ, lang, 'states.tsv'),
    ['id', 'alias', 'kind'],
    out.map((a) => [a.id, a.alias, a.kind]),
  );
  report.push(`${lang}/states.tsv: ${out.length} aliases (${stopped} stop-listed, ${overridden} left to curated files)`);
}

console.log(report.join('\n'));
