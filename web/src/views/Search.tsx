import { useEffect, useState } from 'preact/hooks';
import { getEntities, getMeta, qs, type EntityCount, type Meta, type SearchHit, type SearchResult, type ValueCount } from '../api.ts';
import { Link, navigate, withQuery, type Location } from '../router.tsx';
import { Chip, ErrorBox, Highlighted, JsonLink, Loading, Pager, fmtDate, useApi, useFocusHeading, useTitle } from '../ui.tsx';

const LIMIT = 20;
const LIST_PARAMS = ['act', 'holder', 'entity', 'topic'] as const;
type ListParam = (typeof LIST_PARAMS)[number];

const FACETS: {
  key: string;
  title: string;
  param: ListParam | 'language' | 'year' | 'party';
  chip: 'act' | 'holder' | 'entity' | 'topic' | 'plain' | 'party';
}[] = [
  { key: 'acts', title: 'Acts', param: 'act', chip: 'act' },
  { key: 'holders', title: 'Holders', param: 'holder', chip: 'holder' },
  { key: 'entities', title: 'Entities', param: 'entity', chip: 'entity' },
  { key: 'topics', title: 'Topics', param: 'topic', chip: 'topic' },
  { key: 'languages', title: 'Languages', param: 'language', chip: 'plain' },
  { key: 'years', title: 'Years', param: 'year', chip: 'plain' },
  { key: 'parties', title: 'Parties', param: 'party', chip: 'party' },
];

const listOf = (loc: Location, k: string) => (loc.query.get(k) ?? '').split(',').filter(Boolean);

export function Search({ loc }: { loc: Location }) {
  const q = loc.query.get('q') ?? '';
  useTitle(q ? `Search: ${q}` : 'Search');
  const heading = useFocusHeading('search');
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);
  const [meta, setMeta] = useState<Meta | null>(null);
  const [entities, setEntities] = useState<EntityCount[]>([]);
  useEffect(() => {
    getMeta().then(setMeta, () => undefined);
    getEntities().then(setEntities, () => undefined);
  }, []);
  const offset = Number(loc.query.get('_offset') ?? 0) || 0;
  const kwic = loc.query.get('view') === 'kwic';
  const params = {
    q,
    act: listOf(loc, 'act'),
    holder: listOf(loc, 'holder'),
    entity: listOf(loc, 'entity'),
    topic: listOf(loc, 'topic'),
    language: loc.query.get('language') ?? '',
    party: loc.query.get('party') ?? '',
    from: loc.query.get('from') ?? '',
    to: loc.query.get('to') ?? '',
    doc: loc.query.get('doc') ?? '',
  };
  const apiPath = `/api/search${qs({ ...params, _facets: '1', _limit: LIMIT, _offset: offset || undefined })}`;
  const res = useApi<SearchResult>(apiPath);
  const topicLabel = new Map((meta?.topics ?? []).map((t) => [t.id, t.label]));
  const entityName = new Map(entities.map((e) => [e.id, e.name]));
  const titleFor = (param: string, value: string) =>
    param === 'topic' ? topicLabel.get(value) : param === 'entity' || param === 'holder' || param === 'party' ? entityName.get(value) : undefined;

  const go = (changes: Record<string, string | null>) => navigate(withQuery(loc, { ...changes, _offset: null }));
  const isOn = (param: string, value: string): boolean => {
    if (param === 'year') return params.from === value && params.to === value;
    if (param === 'language' || param === 'party') return loc.query.get(param) === value;
    return listOf(loc, param).includes(value);
  };
  const toggle = (param: string, value: string) => {
    if (param === 'year') return go(isOn('year', value) ? { from: null, to: null } : { from: value, to: value });
    if (param === 'language' || param === 'party') return go({ [param]: isOn(param, value) ? null : value });
    const list = listOf(loc, param);
    go({ [param]: (list.includes(value) ? list.filter((x) => x !== value) : [...list, value]).join(',') || null });
  };

  const active: { param: string; value: string; label: string }[] = [];
  for (const k of LIST_PARAMS) for (const v of params[k]) active.push({ param: k, value: v, label: `${k}: ${v}` });
  if (params.language) active.push({ param: 'language', value: params.language, label: `language: ${params.language}` });
  if (params.party) active.push({ param: 'party', value: params.party, label: `party: ${params.party}` });
  if (params.from || params.to)
    active.push({
      param: 'dates',
      value: '',
      label: params.from === params.to ? `year: ${params.from}` : `dates: ${params.from || '…'} – ${params.to || '…'}`,
    });
  if (params.doc) active.push({ param: 'doc', value: params.doc, label: `document: ${params.doc}` });
  const remove = (a: { param: string; value: string }) =>
    a.param === 'dates'
      ? go({ from: null, to: null })
      : a.param === 'doc' || a.param === 'language' || a.param === 'party'
        ? go({ [a.param]: null })
        : toggle(a.param, a.value);

  const data = res.data;
  return (
    <section class="search">
      <div class="view-head">
        <h1 ref={heading} tabIndex={-1}>
          Search
        </h1>
        <JsonLink path={apiPath} />
      </div>
      <form
        role="search"
        class="search-form"
        onSubmit={(e) => {
          e.preventDefault();
          go({ q: text.trim() || null });
        }}
      >
        <label for="search-q" class="visually-hidden">
          Words to look for
        </label>
        <input
          id="search-q"
          name="q"
          type="search"
          data-search-input
          value={text}
          onInput={(e) => setText(e.currentTarget.value)}
          placeholder='words, "a phrase", prefix*, AND / OR / NOT, -word'
          autocomplete="off"
        />
        <button type="submit" class="primary">
          Search
        </button>
        <label class="switch">
          <input
            type="checkbox"
            checked={kwic}
            onChange={(e) => navigate(withQuery(loc, { view: e.currentTarget.checked ? 'kwic' : null }), { replace: true })}
          />
          <span>Keyword in context</span>
        </label>
      </form>
      {active.length ? (
        <div class="active-filters" aria-label="Active filters">
          {active.map((a) => (
            <button key={a.param + a.value} type="button" class="filter-pill" onClick={() => remove(a)} aria-label={`Remove filter ${a.label}`}>
              {a.label} <span aria-hidden="true">×</span>
            </button>
          ))}
          <Link
            href={withQuery(loc, {
              act: null,
              holder: null,
              entity: null,
              topic: null,
              language: null,
              party: null,
              from: null,
              to: null,
              doc: null,
              _offset: null,
            })}
          >
            Clear all
          </Link>
        </div>
      ) : null}
      {res.error ? <ErrorBox message={res.error} /> : null}
      {!res.error && !data ? <Loading what="Searching" /> : null}
      {data && !res.error ? (
        <div class={`search-grid${res.loading ? ' is-loading' : ''}`}>
          <aside class="facets" aria-label="Refine">
            {FACETS.map((f) => {
              const values: ValueCount[] = data.facets?.[f.key] ?? [];
              if (!values.length) return null;
              return (
                <section key={f.key} class="facet" data-facet={f.key}>
                  <h2>{f.title}</h2>
                  <ul>
                    {values.map((v) => {
                      const on = isOn(f.param, v.value);
                      return (
                        <li key={v.value}>
                          <button
                            type="button"
                            class={`facet-value${on ? ' on' : ''}`}
                            aria-pressed={on}
                            data-value={v.value}
                            title={titleFor(f.param, v.value)}
                            onClick={() => toggle(f.param, v.value)}
                          >
                            {f.chip === 'act' ? <span class={`swatch act-${v.value}`} aria-hidden="true" /> : null}
                            <span class="facet-label">{f.param === 'topic' ? (topicLabel.get(v.value) ?? v.value) : v.value}</span>
                            <span class="count">{v.count}</span>
                          </button>
                        </li>
                      );
                    })}
                  </ul>
                </section>
              );
            })}
          </aside>
          <div class="results">
            <p class="result-count" role="status">
              {data.total === 0 ? 'No provision matches.' : `${data.total} provision${data.total === 1 ? '' : 's'}`}
              {data.query ? ` for “${data.query}”` : ''}
            </p>
            {kwic && data.hits.some((h) => h.kwic.length) ? <KwicTable hits={data.hits} /> : null}
            {kwic && data.hits.length && !data.hits.some((h) => h.kwic.length) ? (
              <p class="muted">Keyword-in-context lines need words to look for; showing the provisions.</p>
            ) : null}
            {!kwic || !data.hits.some((h) => h.kwic.length) ? (
              <ol class="hits" start={offset + 1}>
                {data.hits.map((h) => (
                  <Hit key={h.provisionId} hit={h} titleFor={titleFor} />
                ))}
              </ol>
            ) : null}
            <Pager total={data.total} offset={offset} limit={LIMIT} hrefFor={(o) => withQuery(loc, { _offset: o ? String(o) : null })} />
          </div>
        </div>
      ) : null}
    </section>
  );
}

function Hit({ hit, titleFor }: { hit: SearchHit; titleFor: (param: string, value: string) => string | undefined }) {
  const href = `/documents/${hit.docId}?p=${hit.index}`;
  const acts = hit.codes.acts;
  return (
    <li class={`hit${acts[0] ? ` act-${acts[0]}` : ''}`} data-nav="row" tabIndex={0}>
      <div class="hit-head">
        <Link href={href} class="hit-doc">
          {hit.docTitle ?? hit.docName}
        </Link>
        <span class="muted">
          {' '}
          · {fmtDate(hit.date)} · ¶ {hit.index + 1}
        </span>
      </div>
      <p class="hit-text">
        <Highlighted text={hit.text} spans={hit.highlights} />
      </p>
      <div class="hit-codes">
        {acts.map((a) => (
          <Chip key={a} kind="act" label={a} href={`/search${qs({ act: a })}`} />
        ))}
        {hit.codes.holders.length ? <span class="lead">by</span> : null}
        {hit.codes.holders.map((x) => (
          <Chip key={`h${x}`} kind="holder" label={x} title={titleFor('holder', x)} />
        ))}
        {hit.codes.entities.length ? <span class="lead">mentions</span> : null}
        {hit.codes.entities.map((x) => (
          <Chip key={`e${x}`} kind="entity" label={x} title={titleFor('entity', x)} href={`/entities/${x}`} />
        ))}
        {hit.codes.topics.length ? <span class="lead">on</span> : null}
        {hit.codes.topics.map((x) => (
          <Chip key={`t${x}`} kind="topic" label={x} title={titleFor('topic', x)} />
        ))}
      </div>
    </li>
  );
}

function KwicTable({ hits }: { hits: SearchHit[] }) {
  return (
    <div class="table-wrap">
      <table class="kwic">
        <caption class="visually-hidden">Keywords in context</caption>
        <thead>
          <tr>
            <th scope="col" class="kwic-left">
              Before
            </th>
            <th scope="col">Keyword</th>
            <th scope="col">After</th>
            <th scope="col">Where</th>
          </tr>
        </thead>
        <tbody>
          {hits.flatMap((h) =>
            h.kwic.map((k, i) => (
              <tr key={`${h.provisionId}-${i}`} data-nav="row" tabIndex={0}>
                <td class="kwic-left">{k.left}</td>
                <td class="kwic-key">
                  <mark>{k.keyword}</mark>
                </td>
                <td class="kwic-right">{k.right}</td>
                <td class="nowrap">
                  <Link href={`/documents/${h.docId}?p=${h.index}`} title={h.docTitle ?? h.docName}>
                    {fmtDate(h.date)} ¶ {h.index + 1}
                  </Link>
                </td>
              </tr>
            )),
          )}
        </tbody>
      </table>
    </div>
  );
}
