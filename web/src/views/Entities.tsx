import { useState } from 'preact/hooks';
import { ACT_ORDER, qs, type EntityCount, type EntityDetail, type SearchHit, type SearchResult, type TimelineRow } from '../api.ts';
import { Link, navigate, withQuery, type Location } from '../router.tsx';
import { ActLegend, Chip, ErrorBox, Highlighted, JsonLink, Loading, Status, fmtDate, useApi, useFocusHeading, useTitle } from '../ui.tsx';

export function EntityIndex({ loc }: { loc: Location }) {
  useTitle('Entities');
  const heading = useFocusHeading('entities');
  const apiPath = '/api/entities?_limit=2000';
  const list = useApi<{ total: number; items: EntityCount[] }>(apiPath);
  const filter = loc.query.get('q') ?? '';
  const type = loc.query.get('type') ?? '';
  const [text, setText] = useState(filter);
  return (
    <section>
      <div class="view-head">
        <h1 ref={heading} tabIndex={-1}>
          Entities
        </h1>
        <JsonLink path={apiPath} />
      </div>
      <Status loaded={list}>
        {(d) => {
          const types = [...new Set(d.items.map((e) => e.type))].sort();
          const needle = filter.toLowerCase();
          const shown = d.items.filter(
            (e) => (!type || e.type === type) && (!needle || e.id.toLowerCase().includes(needle) || e.name.toLowerCase().includes(needle)),
          );
          return (
            <>
              <form class="filters" aria-label="Filter entities" onSubmit={(e) => e.preventDefault()}>
                <label>
                  Name or id
                  <input
                    type="search"
                    value={text}
                    onInput={(e) => {
                      setText(e.currentTarget.value);
                      navigate(withQuery(loc, { q: e.currentTarget.value }), { replace: true });
                    }}
                  />
                </label>
                <label>
                  Type
                  <select value={type} onChange={(e) => navigate(withQuery(loc, { type: e.currentTarget.value }), { replace: true })}>
                    <option value="">all</option>
                    {types.map((t) => (
                      <option key={t} value={t}>
                        {t}
                      </option>
                    ))}
                  </select>
                </label>
              </form>
              <p class="result-count">
                {shown.length} of {d.total} entities mentioned
              </p>
              <div class="table-wrap">
                <table class="entities">
                  <thead>
                    <tr>
                      <th scope="col">Name</th>
                      <th scope="col">Id</th>
                      <th scope="col">Type</th>
                      <th scope="col" class="num">
                        Mentions
                      </th>
                      <th scope="col" class="num">
                        Provisions
                      </th>
                      <th scope="col" class="num">
                        Documents
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {shown.map((e) => (
                      <tr key={e.id} data-nav="row" tabIndex={0}>
                        <td>
                          <Link href={`/entities/${e.id}`}>{e.name}</Link>
                        </td>
                        <td>
                          <code>{e.id}</code>
                        </td>
                        <td>{e.type}</td>
                        <td class="num">{e.mentions}</td>
                        <td class="num">{e.provisions}</td>
                        <td class="num">{e.documents}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          );
        }}
      </Status>
    </section>
  );
}

const MENTIONS = 20;

export function EntityPage({ id }: { id: string }) {
  const apiPath = `/api/entities/${encodeURIComponent(id)}?_limit=${MENTIONS}`;
  const detail = useApi<EntityDetail>(apiPath);
  const total = detail.data?.mentions.total ?? 0;
  // The API lists mentions oldest first: fetch the last page for the latest ones.
  const tail = useApi<EntityDetail>(total > MENTIONS ? `/api/entities/${encodeURIComponent(id)}?_limit=${MENTIONS}&_offset=${total - MENTIONS}` : null);
  const name = detail.data ? (detail.data.entity.names.en ?? Object.values(detail.data.entity.names)[0] ?? id) : id;
  useTitle(name);
  const heading = useFocusHeading(`entity:${id}`);
  if (detail.error) return <ErrorBox message={detail.error} />;
  if (!detail.data) return <Loading />;
  const d = detail.data;
  const mentions: SearchResult = tail.data?.mentions ?? d.mentions;
  const latest = [...mentions.hits].sort((x, y) =>
    x.date === y.date ? y.index - x.index : x.date === null ? 1 : y.date === null ? -1 : y.date.localeCompare(x.date),
  );
  const otherNames = Object.entries(d.entity.names).filter(([, n]) => n !== name);
  const facets = d.mentions.facets ?? {};
  return (
    <section class="entity">
      <p class="crumbs">
        <Link href="/entities">Entities</Link> / {id}
      </p>
      <div class="view-head">
        <h1 ref={heading} tabIndex={-1}>
          {name}
        </h1>
        <JsonLink path={apiPath} />
      </div>
      <p class="doc-facts">
        <code>{d.entity.id}</code> · {d.entity.type}
        {d.entity.state ? <> · state {d.entity.state}</> : null}
        {otherNames.map(([lang, n]) => (
          <span key={lang}>
            {' '}
            · {lang}: {n}
          </span>
        ))}{' '}
        · {d.mentions.total} provision{d.mentions.total === 1 ? '' : 's'} in {d.timeline.length} document{d.timeline.length === 1 ? '' : 's'}
      </p>
      <section class="panel">
        <h2>Mentions by act, per document date</h2>
        <ActLegend />
        <TimelineChart rows={d.timeline} entity={id} label={name} />
      </section>
      <div class="two-col">
        <section class="panel">
          <h2>Latest mentions</h2>
          {latest.length ? (
            <ol class="hits compact">
              {latest.map((h) => (
                <MentionItem key={h.provisionId} hit={h} />
              ))}
            </ol>
          ) : (
            <p class="muted">No mention.</p>
          )}
          <p>
            <Link href={`/search${qs({ entity: id })}`}>All {d.mentions.total} mentions in search →</Link>
          </p>
        </section>
        <section class="panel">
          <h2>Found with</h2>
          {(['acts', 'entities', 'topics', 'holders'] as const).map((k) =>
            facets[k]?.filter((v) => v.value !== id).length ? (
              <div key={k} class="with-group">
                <h3>{k}</h3>
                {facets[k]
                  .filter((v) => v.value !== id)
                  .map((v) => (
                    <Chip
                      key={v.value}
                      kind={k === 'acts' ? 'act' : k === 'entities' ? 'entity' : k === 'topics' ? 'topic' : 'holder'}
                      label={`${v.value} ${v.count}`}
                      href={`/search${qs({ entity: id, [k === 'acts' ? 'act' : k === 'entities' ? 'entity' : k === 'topics' ? 'topic' : 'holder']: k === 'entities' ? `${id},${v.value}` : v.value })}`}
                    />
                  ))}
              </div>
            ) : null,
          )}
          <p>
            <Link href={`/positions${qs({ entity: id })}`}>Positions about {name} →</Link>
          </p>
        </section>
      </div>
    </section>
  );
}

function MentionItem({ hit }: { hit: SearchHit }) {
  return (
    <li class={`hit${hit.codes.acts[0] ? ` act-${hit.codes.acts[0]}` : ''}`} data-nav="row" tabIndex={0}>
      <div class="hit-head">
        <Link href={`/documents/${hit.docId}?p=${hit.index}`} class="hit-doc">
          {hit.docTitle ?? hit.docName}
        </Link>
        <span class="muted"> · {fmtDate(hit.date)}</span>
      </div>
      <p class="hit-text">
        <Highlighted text={hit.text} spans={hit.highlights} />
      </p>
      <div class="hit-codes">
        {hit.codes.acts.map((a) => (
          <Chip key={a} kind="act" label={a} />
        ))}
      </div>
    </li>
  );
}

/** Stacked bars: one per document (in date order), one segment per act. Hand-made SVG. */
export function TimelineChart({ rows, entity, label }: { rows: TimelineRow[]; entity: string; label: string }) {
  if (!rows.length) return <p class="muted">No dated mention to chart.</p>;
  const W = 760;
  const H = 240;
  const m = { top: 12, right: 12, bottom: 58, left: 34 };
  const innerW = W - m.left - m.right;
  const innerH = H - m.top - m.bottom;
  const totals = rows.map((r) => Object.values(r.counts).reduce((s, n) => s + n, 0));
  const max = Math.max(1, ...totals);
  const band = innerW / rows.length;
  const barW = Math.min(56, band * 0.62);
  const y = (n: number) => m.top + innerH - (n / max) * innerH;
  const ticks = max <= 5 ? Array.from({ length: max + 1 }, (_, i) => i) : [0, Math.round(max / 2), max];
  return (
    <figure class="chart">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={`Mentions of ${label} by act in ${rows.length} documents, from ${fmtDate(rows[0].date)} to ${fmtDate(rows[rows.length - 1].date)}`}
        class="timeline-chart"
      >
        {ticks.map((t) => (
          <g key={t} class="tick">
            <line x1={m.left} x2={W - m.right} y1={y(t)} y2={y(t)} />
            <text x={m.left - 6} y={y(t)} dy="0.32em" text-anchor="end">
              {t}
            </text>
          </g>
        ))}
        {rows.map((r, i) => {
          const x = m.left + band * i + (band - barW) / 2;
          let acc = 0;
          const href = `/search${qs({ entity, doc: r.docId })}`;
          return (
            <a
              key={r.docId}
              href={href}
              class="bar-group"
              onClick={(e) => {
                e.preventDefault();
                navigate(href);
              }}
            >
              <title>{`${fmtDate(r.date)} — ${r.title ?? r.name}: ${Object.entries(r.counts)
                .map(([a, n]) => `${a} ${n}`)
                .join(', ')}`}</title>
              {ACT_ORDER.filter((a) => r.counts[a]).map((a) => {
                const n = r.counts[a];
                const rect = (
                  <rect key={a} class={`bar act-${a}`} data-act={a} x={x} width={barW} y={y(acc + n)} height={Math.max(0, y(acc) - y(acc + n) - 1)} rx={2} />
                );
                acc += n;
                return rect;
              })}
              <text class="bar-label" x={x + barW / 2} y={H - m.bottom + 16} text-anchor="middle">
                {r.date ?? 'undated'}
              </text>
              <text class="bar-sub" x={x + barW / 2} y={H - m.bottom + 30} text-anchor="middle">
                {r.name.length > 18 ? r.name.slice(0, 17) + '…' : r.name}
              </text>
            </a>
          );
        })}
        <line class="axis" x1={m.left} x2={W - m.right} y1={y(0)} y2={y(0)} />
      </svg>
      <details class="chart-data">
        <summary>Data table</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Document</th>
              {ACT_ORDER.map((a) => (
                <th key={a} scope="col" class="num">
                  {a}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.docId}>
                <td>{fmtDate(r.date)}</td>
                <td>
                  <Link href={`/documents/${r.docId}`}>{r.title ?? r.name}</Link>
                </td>
                {ACT_ORDER.map((a) => (
                  <td key={a} class="num">
                    {r.counts[a] ?? ''}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
