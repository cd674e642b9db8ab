import path from 'node:path';
import { existsSync } from 'node:fs';
import { EntenteError } from '../../core/types.ts';
import { formMemo, tokenize, type WordForm } from '../../core/tokenize.ts';
import { DATA_DIR, readTsv, type TsvRow } from '../../lang/tsv.ts';

export const ENTITY_TYPES = ['state', 'org', 'treaty', 'initiative', 'weapon', 'region', 'event', 'person'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];
/** `none`: a fixed name that holds a state's name or demonym but names nothing listed ("Indian Ocean", "China Daily"); its id is "-". */
export const ALIAS_KINDS = ['name', 'acronym', 'demonym', 'capital', 'combining', 'short', 'surname', 'none'] as const;
/** The id of `none` aliases. */
export const NO_ENTITY = '-';
export type AliasKind = (typeof ALIAS_KINDS)[number];

export interface EntityEntry {
  id: string;
  type: EntityType;
  /** The state a person or a state organ belongs to. */
  state: string | null;
  names: { en?: string; fr?: string };
}

export interface Alias {
  id: string;
  alias: string;
  kind: AliasKind;
  /** Folded tokens of the alias: the trie key. */
  keys: string[];
  /** Letters of the alias as written, for case-sensitive kinds. */
  letters: string;
  /** The alias starts with a capital letter: a match must too (proper names). */
  capitalised: boolean;
  rule: string;
  /** A short form two people share ("Li": Li Keqiang, Li Qiang): it names only one the document named in full. */
  shared?: boolean;
}

interface TrieNode {
  next: Map<string, TrieNode>;
  aliases: Alias[];
}

/**
 * The entities Entente links to and their aliases in one language, indexed in a token trie so
 * that matching costs grow with the text, not with the number of aliases.
 */
export class Gazetteer {
  readonly entities = new Map<string, EntityEntry>();
  readonly root: TrieNode = { next: new Map(), aliases: [] };
  /** The trie node a word form starts a name at, if any (read once the gazetteer is loaded). */
  readonly nameStart: (form: WordForm) => TrieNode | null = formMemo((form) => this.root.next.get(form.norm) ?? null);
  readonly warnings: string[] = [];
  private readonly aliasOwner = new Map<string, { id: string; rule: string; entry: Alias }>();
  aliasCount = 0;

  constructor(readonly language: string) {}

  addEntity(entry: EntityEntry, where: string): void {
    const existing = this.entities.get(entry.id);
    if (existing && (existing.type !== entry.type || (entry.state && existing.state && existing.state !== entry.state)))
      throw new EntenteError(
        `entity "${entry.id}" is already defined as ${existing.type}${existing.state ? ` of ${existing.state}` : ''}`,
        where,
        'use another id, or the same type and state',
      );
    if (!existing) this.entities.set(entry.id, entry);
    else if (!existing.state && entry.state) existing.state = entry.state;
  }

  addAlias(row: TsvRow): void {
    const { id, alias, kind } = row.cells as { id: string; alias: string; kind: AliasKind };
    if (!ALIAS_KINDS.includes(kind)) throw new EntenteError(`unknown alias kind "${kind}"`, row.where, `use one of ${ALIAS_KINDS.join(', ')}`);
    if ((kind === 'none') !== (id === NO_ENTITY))
      throw new EntenteError(
        `alias kind "none" goes with the id "${NO_ENTITY}", and only it`,
        row.where,
        `write "${NO_ENTITY}<TAB>${alias}<TAB>none" for a name that names nothing listed`,
      );
    if (id !== NO_ENTITY && !this.entities.has(id))
      throw new EntenteError(`unknown entity id "${id}"`, row.where, 'define it in entities.tsv (or in your file with type and state columns)');
    const keys = tokenize(alias).map((t) => t.norm);
    if (!keys.length) throw new EntenteError(`alias "${alias}" has no word in it`, row.where);
    const ownerKey = `${kind === 'acronym' ? alias : keys.join(' ')}|${kind === 'acronym' ? 'cs' : 'ci'}`;
    const owner = this.aliasOwner.get(ownerKey);
    // Two people may share a surname used alone ("Li"): each is matched only once named in full.
    const sharedShort = !!owner && owner.id !== id && kind === 'short' && owner.entry.kind === 'short';
    if (owner && !sharedShort) {
      if (owner.id !== id)
        throw new EntenteError(
          `alias "${alias}" already names "${owner.id}" (${owner.rule})`,
          row.where,
          'an alias may name one entity only: make it more specific',
        );
      // The same words as another kind of alias of the same entity (the name "Argentine", the
      // demonym "argentine") are kept: case tells them apart.
      if (owner.entry.kind === kind || owner.entry.capitalised === /^\p{Lu}/u.test(alias)) {
        this.warnings.push(`${row.where}: duplicate alias "${alias}" for ${id} (first at ${owner.rule})`);
        return;
      }
    }
    const entry: Alias = { id, alias, kind, keys, letters: alias.replace(/[^\p{L}\p{N}]/gu, ''), capitalised: /^\p{Lu}/u.test(alias), rule: row.where };
    if (sharedShort) entry.shared = owner.entry.shared = true;
    else this.aliasOwner.set(ownerKey, { id, rule: row.where, entry });
    let node = this.root;
    for (const key of keys) {
      let child = node.next.get(key);
      if (!child) node.next.set(key, (child = { next: new Map(), aliases: [] }));
      node = child;
    }
    node.aliases.push(entry);
    // A name written with a capital is tried before a demonym spelt the same ("L'Argentine" the
    // country, "la partie argentine" the adjective): the capital decides which one the text means.
    if (entry.capitalised && entry.kind === 'name')
      node.aliases.sort((a, b) => Number(b.capitalised && b.kind === 'name') - Number(a.capitalised && a.kind === 'name'));
    this.aliasCount++;
  }

  typeOf(id: string): EntityType | undefined {
    return this.entities.get(id)?.type;
  }

  /** The state an actor code stands for: itself for a state, the person's state, else null. */
  stateOf(id: string): string | null {
    const e = this.entities.get(id);
    if (!e) return null;
    return e.type === 'state' ? e.id : e.state;
  }
}

const cache = new Map<string, Gazetteer>();

/**
 * Loads the gazetteer of a language: the shared entity list and states, that language's alias
 * files, and any user files (`id alias kind [type state lang]`). Validation errors name file and line.
 */
export function loadGazetteer(language: string, extraFiles: string[] = []): Gazetteer {
  const key = `${language}|${extraFiles.join('|')}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const dir = path.join(DATA_DIR, 'gazetteer');
  const lang = existsSync(path.join(dir, language)) ? language : 'en';
  const g = new Gazetteer(lang);
  for (const row of readTsv(path.join(dir, 'states.tsv'), ['id']))
    g.addEntity({ id: row.cells.id, type: 'state', state: row.cells.id, names: { en: row.cells.name_en, fr: row.cells.name_fr } }, row.where);
  for (const row of readTsv(path.join(dir, 'entities.tsv'), ['id', 'type'])) {
    const type = row.cells.type as EntityType;
    if (!ENTITY_TYPES.includes(type)) throw new EntenteError(`unknown entity type "${type}"`, row.where, `use one of ${ENTITY_TYPES.join(', ')}`);
    g.addEntity({ id: row.cells.id, type, state: row.cells.state || null, names: { en: row.cells.name_en, fr: row.cells.name_fr } }, row.where);
  }
  for (const file of ['states.tsv', 'states-extra.tsv', 'entities.tsv'])
    for (const row of readTsv(path.join(dir, lang, file), ['id', 'alias', 'kind'])) g.addAlias(row);
  for (const file of extraFiles) {
    if (!existsSync(file)) throw new EntenteError('no such gazetteer file', file);
    const rows = readTsv(file, ['id', 'alias', 'kind'], file);
    for (const row of rows) {
      const { id, type, state } = row.cells;
      if (type) {
        if (!ENTITY_TYPES.includes(type as EntityType))
          throw new EntenteError(`unknown entity type "${type}"`, row.where, `use one of ${ENTITY_TYPES.join(', ')}`);
        if (!/^[a-z0-9_]+$/.test(id) && type !== 'state') throw new EntenteError(`identifier "${id}" is not a lower-case ASCII slug`, row.where);
        g.addEntity({ id, type: type as EntityType, state: state || null, names: {} }, row.where);
      }
    }
    for (const row of rows) if (!row.cells.lang || row.cells.lang === lang) g.addAlias(row);
  }
  cache.set(key, g);
  return g;
}
