import { useEffect, useState } from 'preact/hooks';
import { ACT_ORDER, getMeta, qs, type Meta, type PositionDetail, type PositionSummary } from '../api.ts';
import { Link, navigate, withQuery, type Location } from '../router.tsx';
import { Chip, Diff, ErrorBox, JsonLink, Loading, Pager, Status, fmtDate, useApi, useFocusHeading, useTitle } from '../ui.tsx';

const LIMIT = 30;

/** "entity:un" → "un (entity)"; "term:intern law" → "“intern law” (terms)". */
function Target({ target }: { target: string }) {
  const [kind, ...rest] = target.split(':');
  const value = rest.join(':');
  if (kind === 'entity')
    return (
      <Link href={`/entities/${value}`} class="target">
        {value}
      </Link>
    );
  if (kind === 'term')
    return (
      <span class="target" title="stemmed key terms">
        “{value}”
      </span>
    );
  return <span class="target">{target}</span>;
}

export function PositionList({ loc }: { loc: Location }) {
  useTitle('Positions');
  const heading = useFocusHeading('positions');
  const [meta, setMeta] = useState<Meta | null>(null);
  useEffect(() => void getMeta().then(setMeta, () => undefined), []);
  const f = { act: loc.query.get('act') ?? '', entity: loc.query.get('entity') ?? '', topic: loc.query.get('topic') ?? '' };
  const offset = Number(loc.query.get('_offset') ?? 0) || 0;
  const apiPath = `/api/positions${qs({ ...f, _limit: LIMIT, _offset: offset || undefined })}`;
  const list = useApi<{ total: number; items: PositionSummary[] }>(apiPath);
  const set = (changes: Record<string, string>) => navigate(withQuery(loc, { ...changes, _offset: null }), { replace: true });
  return (
    <section>
      <div class="view-head">
        <h1 ref={heading} tabIndex={-1}>
          Positions
        </h1>
        <JsonLink path={apiPath} />
      </div>
      <p class="lede">Stances that recur across documents: the same act on the same target, with their wording over time.</p>
      <form class="filters" aria-label="Filter positions" onSubmit={(e) => e.preventDefault()}>
        <label>
          Act
          <select value={f.act} onChange={(e) => set({ act: e.currentTarget.value })}>
            <option value="">all</option>
            {ACT_ORDER.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </label>
        <label>
          Topic
          <select value={f.topic} onChange={(e) => set({ topic: e.currentTarget.value })}>
            <option value="">all</option>
            {meta?.topics.map((t) => (
              <option key={t.id} value={t.id}>
                {t.label}
              </option>
            ))}
          </select>
        </label>
        {f.entity ? (
          <span class="filter-pill-static">
            entity: {f.entity}{' '}
            <button type="button" class="linkish" onClick={() => set({ entity: '' })} aria-label="Remove the entity filter">
              ×
            </button>
          </span>
        ) : null}
      </form>
      <Status loaded={list}>
        {(d) => (
          <>
            <p class="result-count">{d.total === 1 ? '1 position' : `${d.total} positions`}</p>
            <div class="table-wrap">
              <table class="positions">
                <thead>
                  <tr>
                    <th scope="col">Act</th>
                    <th scope="col">Position</th>
                    <th scope="col">Target</th>
                    <th scope="col">First seen</th>
                    <th scope="col">Last seen</th>
                    <th scope="col" class="num">
                      Docs
                    </th>
                    <th scope="col" class="num">
                      Provisions
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {d.items.map((p) => (
                    <tr key={p.id} data-nav="row" tabIndex={0}>
                      <td>
                        <Chip kind="act" label={p.act} />
                      </td>
                      <td class="position-label">
                        <Link href={`/positions/${p.id}`}>{p.label}</Link>
                      </td>
                      <td>
                        <Target target={p.target} />
                      </td>
                      <td class="nowrap">{fmtDate(p.firstSeen)}</td>
                      <td class="nowrap">{fmtDate(p.lastSeen)}</td>
                      <td class="num">{p.documents}</td>
                      <td class="num">{p.provisions}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {!d.items.length ? <p class="empty">No position matches.</p> : null}
            <Pager total={d.total} offset={offset} limit={LIMIT} hrefFor={(o) => withQuery(loc, { _offset: o ? String(o) : null })} />
          </>
        )}
      </Status>
    </section>
  );
}

export function PositionPage({ id }: { id: number }) {
  const apiPath = `/api/positions/${id}`;
  const res = useApi<{ position: PositionDetail }>(apiPath);
  useTitle(`Position ${id}`);
  const heading = useFocusHeading(`position:${id}`);
  if (res.error) return <ErrorBox message={res.error} />;
  if (!res.data) return <Loading />;
  const p = res.data.position;
  const members = [...p.members].sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999') || a.docName.localeCompare(b.docName) || a.index - b.index);
  return (
    <section class="position">
      <p class="crumbs">
        <Link href="/positions">Positions</Link> / {id}
      </p>
      <div class="view-head">
        <h1 ref={heading} tabIndex={-1}>
          <Chip kind="act" label={p.act} /> <Target target={p.target} />
        </h1>
        <JsonLink path={apiPath} />
      </div>
      <p class="doc-facts">
        {fmtDate(p.firstSeen)} → {fmtDate(p.lastSeen)} · {p.documents} documents · {p.provisions} provisions
        {p.topics.length ? ' · ' : ''}
        {p.topics.map((t) => (
          <Chip key={t} kind="topic" label={t} href={`/positions${qs({ topic: t })}`} />
        ))}
        {p.entities.map((e) => (
          <Chip key={e} kind="entity" label={e} href={`/entities/${e}`} />
        ))}
      </p>
      <section class="panel">
        <h2>Provisions in date order</h2>
        {p.provisions > members.length && (
          <p class="muted">
            The first {members.length} of {p.provisions} provisions (<JsonLink path={`${apiPath}?_limit=1000`} /> for more).
          </p>
        )}
        <ol class="members">
          {members.map((m) => (
            <li key={m.provisionId} data-nav="row" tabIndex={0} class={`hit act-${p.act}`}>
              <div class="hit-head">
                <span class="date">{fmtDate(m.date)}</span>{' '}
                <Link href={`/documents/${m.docId}?p=${m.index}`} class="hit-doc">
                  {m.docName} ¶ {m.index + 1}
                </Link>
              </div>
              <p class="hit-text">{m.text}</p>
            </li>
          ))}
        </ol>
      </section>
      <section class="panel variants">
        <h2>Wording variants</h2>
        <p class="muted">Each variant against the one before it: deletions struck in red, insertions in green.</p>
        <ol>
          {p.variants.map((v, i) => (
            <li key={i} class="variant">
              <div class="variant-head">
                <strong>Variant {i + 1}</strong> · first seen {fmtDate(v.firstSeen)} · {v.count} provision{v.count === 1 ? '' : 's'}
              </div>
              <p class="diff-text">{i === 0 || !v.diff.length ? v.text : <Diff ops={v.diff} />}</p>
            </li>
          ))}
        </ol>
      </section>
    </section>
  );
}
