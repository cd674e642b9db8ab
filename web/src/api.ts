// The JSON API's shapes and a small fetch layer. Shapes the server code defines are imported
// from it (types only, erased from the bundle), so the UI cannot drift from what the API returns.
import type { SearchHit, SearchResult } from '../../src/query/search.ts';
export type { SearchHit, SearchResult };
import type { EntityCount } from '../../src/query/catalog.ts';
export type { EntityCount };
import type { TimelineRow } from '../../src/query/explore.ts';
export type { TimelineRow };
import type { DiffOp } from '../../src/query/similarity.ts';
export type { DiffOp };
import type { PositionSummary, PositionDetail } from '../../src/query/positions.ts';
export type { PositionSummary, PositionDetail };
import type { AlignedPair, Comparison } from '../../src/query/compare.ts';
export type { AlignedPair, Comparison };
import type { Correction } from '../../src/store/corrections.ts';
export type { Correction };

export const ACT_ORDER = ['commit', 'support', 'oppose', 'concern', 'call', 'assert', 'report'] as const;
export type Act = (typeof ACT_ORDER)[number];
export type Kind = 'act' | 'holder' | 'entity' | 'topic';
export type CodeGroup = 'acts' | 'holders' | 'entities' | 'topics';
export const GROUP_OF: Record<Kind, CodeGroup> = { act: 'acts', holder: 'holders', entity: 'entities', topic: 'topics' };

export interface ValueCount {
  value: string;
  count: number;
}

export interface Meta {
  version: string;
  counts: { documents: number; provisions: number; corrections: number };
  acts: string[];
  topics: { id: string; label: string }[];
  kinds: Kind[];
  languages: ValueCount[];
  parties: ValueCount[];
}

export interface DocSummary {
  id: string;
  name: string;
  format: string;
  language: string;
  doc_type: string;
  date: string | null;
  title: string | null;
  parties: string[];
  ingested_at: string;
  analyzed_at: string;
  analyzer_version: string;
  provisions: number;
}

export interface Line {
  kind: string;
  start: number;
  end: number;
  text: string;
  rule: string;
}

export interface Code {
  label: string;
  origin: 'machine' | 'human';
  rule: string;
  detail: string | null;
  evidence: { start: number; end: number; text: string };
}

export interface Provision {
  id: number;
  index: number;
  section: string | null;
  text: string;
  codes: Record<CodeGroup, Code[]>;
  corrected: Kind[];
}

export interface DocumentDetail {
  document: DocSummary & { lines: Line[]; fieldEvidence: Record<string, string> };
  provisions: Provision[];
}

export interface WhatIsNew {
  document: { id: string; name: string; date: string | null };
  earlier: number;
  provisions: { index: number; text: string; closest: { docName: string; date: string | null; text: string; similarity: number } | null }[];
}

export interface EntityDetail {
  entity: { id: string; type: string; state: string | null; names: Record<string, string> };
  timeline: TimelineRow[];
  mentions: SearchResult;
}

export interface CompareResult {
  comparison: Comparison;
  a: { index: number; text: string; acts: string[]; topics: string[] }[];
  b: { index: number; text: string; acts: string[]; topics: string[] }[];
}

/** An error the API reported (`{ ok: false, error, status }`), or a network failure. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

const TOKEN_KEY = 'entente.token';

export function getToken(): string {
  try {
    return localStorage.getItem(TOKEN_KEY) ?? '';
  } catch {
    return '';
  }
}

const tokenListeners = new Set<(token: string) => void>();

/** Stores the analyst's token (localStorage) and tells every token field. */
export function setToken(token: string): void {
  try {
    if (token) localStorage.setItem(TOKEN_KEY, token);
    else localStorage.removeItem(TOKEN_KEY);
  } catch {
    /* storage unavailable: the token lives in the fields only */
  }
  for (const l of tokenListeners) l(token);
}

export function onTokenChange(listener: (token: string) => void): () => void {
  tokenListeners.add(listener);
  return () => void tokenListeners.delete(listener);
}

/** Calls the API; resolves with the body (without `ok`) or rejects with an ApiError. */
export async function api<T>(path: string, init: { method?: 'GET' | 'POST'; body?: unknown; token?: string; signal?: AbortSignal } = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const token = init.token ?? getToken();
  if (token) headers.authorization = `Bearer ${token}`;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(path, {
      method: init.method ?? 'GET',
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      signal: init.signal,
    });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError(`the server could not be reached (${(err as Error).message})`, 0);
  }
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    throw new ApiError(`the server answered ${res.status} without JSON`, res.status);
  }
  const obj = body as { ok?: boolean; error?: string; status?: number };
  if (!res.ok || obj.ok === false) throw new ApiError(obj.error ?? `HTTP ${res.status}`, obj.status ?? res.status);
  return body as T;
}

/** Builds a query string from a record, skipping empty values; arrays become comma lists. */
export function qs(params: Record<string, string | number | string[] | undefined | null>): string {
  const out = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v)) {
      if (v.length) out.set(k, v.join(','));
    } else out.set(k, String(v));
  }
  const s = out.toString();
  return s ? `?${s}` : '';
}

let metaPromise: Promise<Meta> | null = null;
/** The codebook and counts; cached, `fresh` refetches (counts change after corrections). */
export function getMeta(fresh = false): Promise<Meta> {
  if (!metaPromise || fresh) {
    metaPromise = api<Meta & { ok: true }>('/api/meta');
    metaPromise.catch(() => (metaPromise = null));
  }
  return metaPromise;
}

let entitiesPromise: Promise<EntityCount[]> | null = null;
/** Entities mentioned in the corpus (names for chips, suggestions for corrections); cached. */
export function getEntities(): Promise<EntityCount[]> {
  if (!entitiesPromise) {
    entitiesPromise = api<{ items: EntityCount[] }>('/api/entities?_limit=2000').then((r) => r.items);
    entitiesPromise.catch(() => (entitiesPromise = null));
  }
  return entitiesPromise;
}
