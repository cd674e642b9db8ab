import { useEffect, useState } from 'preact/hooks';
import { qs, type CompareResult, type DocSummary } from '../api.ts';
import { Link, navigate, withQuery, type Location } from '../router.tsx';
import { Chip, Diff, ErrorBox, JsonLink, Loading, fmtDate, pct, useApi, useFocusHeading, useTitle } from '../ui.tsx';

export function Compare({ loc }: { loc: Location }) {
  useTitle('Compare');
  const heading = useFocusHeading('compare');
  const a = loc.query.get('a') ?? '';
  const b = loc.query.get('b') ?? '';
  const docs = useApi<{ items: DocSummary[] }>('/api/documents?_limit=500');
  const apiPath = a && b ? `/api/compare${qs({ a, b })}` : null;
  const res = useApi<CompareResult>(apiPath);
  const [pa, setPa] = useState(a);
  const [pb, setPb] = useState(b);
  useEffect(() => (setPa(a), setPb(b)), [a, b]);
  const byId = new Map((docs.data?.items ?? []).map((d) => [d.id, d]));
  const option = (d: DocSummary) => (
    <option key={d.id} value={d.id}>
      {fmtDate(d.date)} · {d.language} · {d.title ?? d.name}
    </option>
  );
  return (
    <section class="compare">
      <div class="view-head">
        <h1 ref={heading} tabIndex={-1}>
          Compare
        </h1>
        {apiPath ? <JsonLink path={apiPath} /> : null}
      </div>
      <form
        class="filters compare-pick"
        aria-label="Choose two documents"
        onSubmit={(e) => {
          e.preventDefault();
          if (pa && pb) navigate(withQuery(loc, { a: pa, b: pb }));
        }}
      >
        <label>
          A (earlier)
          <select name="a" value={pa} onChange={(e) => setPa(e.currentTarget.value)}>
            <option value="">choose…</option>
            {docs.data?.items.map(option)}
          </select>
        </label>
        <button type="button" class="swap" aria-label="Swap A and B" onClick={() => (setPa(pb), setPb(pa))}>
          ⇄
        </button>
        <label>
          B (later)
          <select name="b" value={pb} onChange={(e) => setPb(e.currentTarget.value)}>
            <option value="">choose…</option>
            {docs.data?.items.map(option)}
          </select>
        </label>
        <button type="submit" class="primary" disabled={!pa || !pb}>
          Compare
        </button>
      </form>
      {!apiPath ? <p class="empty">Choose two documents. In the library, tick two rows; in a statement, use “Compare with”.</p> : null}
      {res.error ? <ErrorBox message={res.error} /> : null}
      {apiPath && !res.data && !res.error ? <Loading what="Comparing" /> : null}
      {res.data ? <Comparison data={res.data} titleA={byId.get(res.data.comparison.a.id)?.title} titleB={byId.get(res.data.comparison.b.id)?.title} /> : null}
    </section>
  );
}

function Comparison({ data, titleA, titleB }: { data: CompareResult; titleA?: string | null; titleB?: string | null }) {
  const c = data.comparison;
  const textA = new Map(data.a.map((p) => [p.index, p]));
  const textB = new Map(data.b.map((p) => [p.index, p]));
  const movedKept = c.kept.filter((k) => k.moved).length;
  const acts = (xs: string[] | undefined) => (xs ?? []).map((x) => <Chip key={x} kind="act" label={x} />);
  return (
    <>
      <div class="compare-docs">
        <div>
          <span class="side-tag">A</span> <Link href={`/documents/${c.a.id}`}>{titleA ?? c.a.name}</Link>
          <div class="sub">
            {fmtDate(c.a.date)} · {c.a.language} · {c.a.provisions} provisions
          </div>
        </div>
        <div>
          <span class="side-tag">B</span> <Link href={`/documents/${c.b.id}`}>{titleB ?? c.b.name}</Link>
          <div class="sub">
            {fmtDate(c.b.date)} · {c.b.language} · {c.b.provisions} provisions
          </div>
        </div>
      </div>
      <ul class="compare-summary" aria-label="Summary">
        <li>
          <a href="#kept">
            <strong>{c.kept.length}</strong> kept{movedKept ? ` (${movedKept} moved)` : ''}
          </a>
        </li>
        <li>
          <a href="#reworded">
            <strong>{c.reworded.length}</strong> reworded
          </a>
        </li>
        <li>
          <a href="#added">
            <strong>{c.added.length}</strong> added
          </a>
        </li>
        <li>
          <a href="#dropped">
            <strong>{c.dropped.length}</strong> dropped
          </a>
        </li>
        <li>
          <a href="#code-changes">code changes</a>
        </li>
      </ul>
      {c.crossLanguage ? (
        <p class="note">The documents are in different languages: provisions were aligned on their codes and numbers, not their words.</p>
      ) : null}

      <section id="reworded" class="panel compare-section" aria-labelledby="h-reworded">
        <h2 id="h-reworded">Reworded ({c.reworded.length})</h2>
        {c.reworded.length ? null : <p class="muted">No provision was reworded.</p>}
        {c.reworded.map((r) => (
          <div key={`${r.a}-${r.b}`} class="pair reworded" data-nav="row" tabIndex={0}>
            <div class="side-a">
              <PairMeta side="A" index={r.a} />
              <p class="diff-text">{r.diff.length ? <Diff ops={r.diff} side="a" /> : textA.get(r.a)?.text}</p>
              <div class="pair-codes">{acts(textA.get(r.a)?.acts)}</div>
            </div>
            <div class="side-b">
              <PairMeta side="B" index={r.b} />
              <p class="diff-text">{r.diff.length ? <Diff ops={r.diff} side="b" /> : textB.get(r.b)?.text}</p>
              <div class="pair-codes">{acts(textB.get(r.b)?.acts)}</div>
            </div>
            <div class="pair-foot">
              {pct(r.similarity)} alike{r.moved ? <span class="badge moved-badge">moved</span> : null}
            </div>
          </div>
        ))}
      </section>

      <div class="two-col">
        <section id="dropped" class="panel compare-section" aria-labelledby="h-dropped">
          <h2 id="h-dropped">Dropped from A ({c.dropped.length})</h2>
          {c.dropped.length ? (
            <ul class="plain-list">
              {c.dropped.map((i) => (
                <li key={i} class="dropped" data-nav="row" tabIndex={0}>
                  <PairMeta side="A" index={i} />
                  <del class="diff-del block">{textA.get(i)?.text}</del>
                  <div class="pair-codes">{acts(textA.get(i)?.acts)}</div>
                </li>
              ))}
            </ul>
          ) : (
            <p class="muted">Nothing was dropped.</p>
          )}
        </section>
        <section id="added" class="panel compare-section" aria-labelledby="h-added">
          <h2 id="h-added">Added in B ({c.added.length})</h2>
          {c.added.length ? (
            <ul class="plain-list">
              {c.added.map((i) => (
                <li key={i} class="added" data-nav="row" tabIndex={0}>
                  <PairMeta side="B" index={i} />
                  <ins class="diff-ins block">{textB.get(i)?.text}</ins>
                  <div class="pair-codes">{acts(textB.get(i)?.acts)}</div>
                </li>
              ))}
            </ul>
          ) : (
            <p class="muted">Nothing was added.</p>
          )}
        </section>
      </div>

      <section id="kept" class="panel compare-section" aria-labelledby="h-kept">
        <h2 id="h-kept">Kept word for word ({c.kept.length})</h2>
        {c.kept.length ? (
          <ul class="plain-list">
            {c.kept.map((k) => (
              <li key={`${k.a}-${k.b}`} class="kept" data-nav="row" tabIndex={0}>
                <span class="muted small">
                  A ¶ {k.a + 1} → B ¶ {k.b + 1}
                </span>
                {k.moved ? <span class="badge moved-badge">moved</span> : null}
                <p>{textA.get(k.a)?.text}</p>
              </li>
            ))}
          </ul>
        ) : (
          <p class="muted">No provision is identical in both.</p>
        )}
      </section>

      <section id="code-changes" class="panel compare-section" aria-labelledby="h-codes">
        <h2 id="h-codes">Code changes</h2>
        <p class="muted">Provisions coded with each label in A and in B.</p>
        <div class="code-tables">
          {(['acts', 'topics', 'entities'] as const).map((k) => (
            <table key={k} class="code-changes">
              <caption>{k}</caption>
              <thead>
                <tr>
                  <th scope="col">Label</th>
                  <th scope="col" class="num">
                    A
                  </th>
                  <th scope="col" class="num">
                    B
                  </th>
                  <th scope="col" class="num">
                    Change
                  </th>
                </tr>
              </thead>
              <tbody>
                {[...c.codeChanges[k]]
                  .sort((x, y) => Math.abs(y.b - y.a) - Math.abs(x.b - x.a) || x.label.localeCompare(y.label))
                  .map((row) => {
                    const delta = row.b - row.a;
                    return (
                      <tr key={row.label}>
                        <td>{k === 'acts' ? <Chip kind="act" label={row.label} /> : row.label}</td>
                        <td class="num">{row.a}</td>
                        <td class="num">{row.b}</td>
                        <td class={`num ${delta > 0 ? 'up' : delta < 0 ? 'down' : ''}`}>{delta > 0 ? `+${delta}` : delta < 0 ? `−${-delta}` : '='}</td>
                      </tr>
                    );
                  })}
              </tbody>
            </table>
          ))}
        </div>
      </section>
    </>
  );
}

function PairMeta({ side, index }: { side: 'A' | 'B'; index: number }) {
  return (
    <span class="pair-meta">
      {side} ¶ {index + 1}
    </span>
  );
}
