import path from 'node:path';
import { EntenteError } from '../core/types.ts';
import { DATA_DIR, readTsv } from '../lang/tsv.ts';

/** The groups that issue declarations as such (`gazetteer/groups.tsv`), with their member states where listed. */
export interface IssuingGroups {
  ids: Set<string>;
  members: Map<string, Set<string>>;
}

let loaded: IssuingGroups | null = null;

export function issuingGroups(): IssuingGroups {
  if (loaded) return loaded;
  const ids = new Set<string>();
  const members = new Map<string, Set<string>>();
  for (const row of readTsv(path.join(DATA_DIR, 'gazetteer', 'groups.tsv'), ['id'])) {
    const states = (row.cells.members ?? '').split(/\s+/).filter(Boolean);
    for (const s of states)
      if (!/^[A-Z]{3}$/.test(s))
        throw new EntenteError(`member "${s}" of ${row.cells.id} is not an ISO 3166-1 alpha-3 code`, row.where, 'write it as CHN, RUS, ...');
    ids.add(row.cells.id);
    members.set(row.cells.id, new Set(states));
  }
  return (loaded = { ids, members });
}

/** Whether a state belongs to one of the parties, when a party is a group ("India" in an SCO declaration). */
export function memberOfParty(state: string, parties: readonly string[]): boolean {
  const { members } = issuingGroups();
  return parties.some((p) => members.get(p)?.has(state));
}
