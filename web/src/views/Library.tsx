import { useEffect, useState } from 'preact/hooks';
import { getMeta, qs, type DocSummary, type Meta } from '../api.ts';
import { Link, navigate, withQuery, type Location } from '../router.tsx';
import { ErrorBox, JsonLink, Pager, Status, fmtDate, useApi, useFocusHeading, useTitle } from '../ui.tsx';

const LIMIT = 50;
const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

export function Library({ loc }: { loc: Location }) {
  useTitle('Library');
  const heading = useFocusHeading('library');
  const [meta, setMeta] = useState<Meta | null>(null);
  const [metaError, setMetaError] = useState<string | null>(null);
  useEffect(() => {
    getMeta(true).then(setMeta, (e: Error) => setMetaError(e.message));
  }, []);
  const f = {
    language: loc.query.get('language') ?? '',
    party: loc.query.get('party') ?? '',
    from: loc.query.get('from') ?? '',
    to: loc.query.get('to') ?? '',
  };
  const offset = Number(loc.query.get('_offset') ?? 0) || 0;
  const apiPath = `/api/documents${qs({ ...f, _limit: LIMIT, _offset: offset || undefined })}`;
  const docs = useApi<{ total: number; items: DocSummary[] }>(apiPath);
  const [picked, setPicked] = useState<string[]>([]);
  const [from, setFrom] = useState(f.from);
  const [to, setTo] = useState(f.to);
  useEffect(() => (setFrom(f.from), setTo(f.to)), [f.from, f.to]);

  const set = (changes: Record<string, string>) => navigate(withQuery(loc, { ...changes, _offset: null }), { replace: true });
  const toggle = (id: string) => setPicked((p) => (p.includes(id) ? p.filter((x) => x !== id) : [...p, id].slice(-2)));

  return (
    <section class="library">
      <div class="view-head">
        <h1 ref={heading} tabIndex={-1}>
          Library
        </h1>
        <JsonLink path={apiPath} />
      </div>
      {metaError && !docs.error ? <ErrorBox message={metaError} /> : null}
      {meta ? (
        <p class="counts" aria-label="Corpus counts">
          <strong>{meta.counts.documents}</strong> documents · <strong>{meta.counts.provisions}</strong> provisions ·{' '}
          <Link href="/corrections">
            <strong>{meta.counts.corrections}</strong> corrections
          </Link>{' '}
          · analyser {meta.version}
        </p>
      ) : null}
      <form
        class="filters"
        aria-label="Filter documents"
        onSubmit={(e) => {
          e.preventDefault();
          set({ from: DATE.test(from) ? from : '', to: DATE.test(to) ? to : '' });
        }}
      >
        <label>
          Language
          <select value={f.language} onChange={(e) => set({ language: e.currentTarget.value })}>
            <option value="">all</option>
            {meta?.languages.map((l) => (
              <option key={l.value} value={l.value}>
                {l.value} ({l.count})
              </option>
            ))}
          </select>
        </label>
        <label>
          Party
          <select value={f.party} onChange={(e) => set({ party: e.currentTarget.value })}>
            <option value="">all</option>
            {meta?.parties.map((p) => (
              <option key={p.value} value={p.value}>
                {p.value} ({p.count})
              </option>
            ))}
          </select>
        </label>
        <label>
          From
          <input
            type="text"
            inputMode="numeric"
            placeholder="YYYY[-MM[-DD]]"
            pattern="\d{4}(-\d{2}(-\d{2})?)?"
            value={from}
            onInput={(e) => setFrom(e.currentTarget.value)}
            size={12}
          />
        </label>
        <label>
          To
          <input
            type="text"
            inputMode="numeric"
            placeholder="YYYY[-MM[-DD]]"
            pattern="\d{4}(-\d{2}(-\d{2})?)?"
            value={to}
            onInput={(e) => setTo(e.currentTarget.value)}
            size={12}
          />
        </label>
        <button type="submit">Apply dates</button>
        {f.language || f.party || f.from || f.to ? (
          <Link href="/" class="button-link">
            Clear filters
          </Link>
        ) : null}
      </form>
      <div class="pick-bar" aria-live="polite">
        {picked.length === 2 ? (
          <Link class="button-link primary" href={`/compare${qs({ a: picked[0], b: picked[1] })}`}>
            Compare the two selected documents
          </Link>
        ) : (
          <span class="hint">Tick two documents to compare them.</span>
        )}
      </div>
      <Status loaded={docs}>
        {(d) => (
          <>
            <p class="result-count">{d.total === 1 ? '1 document' : `${d.total} documents`}</p>
            <div class="table-wrap">
              <table class="docs">
                <thead>
                  <tr>
                    <th scope="col">
                      <span class="visually-hidden">Select to compare</span>
                    </th>
                    <th scope="col">Date</th>
                    <th scope="col">Title</th>
                    <th scope="col">Lang.</th>
                    <th scope="col">Type</th>
                    <th scope="col">Parties</th>
                    <th scope="col" class="num">
                      Provisions
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {d.items.map((doc) => (
                    <tr key={doc.id} data-nav="row" tabIndex={0} class="doc-row">
                      <td>
                        <input
                          type="checkbox"
                          aria-label={`Select ${doc.title ?? doc.name} to compare`}
                          checked={picked.includes(doc.id)}
                          onChange={() => toggle(doc.id)}
                        />
                      </td>
                      <td class="nowrap">{fmtDate(doc.date)}</td>
                      <td>
                        <Link href={`/documents/${doc.id}`} class="doc-title">
                          {doc.title ?? doc.name}
                        </Link>
                        <div class="sub">{doc.name}</div>
                      </td>
                      <td>{doc.language}</td>
                      <td class="nowrap">{doc.doc_type.replace(/_/g, ' ')}</td>
                      <td>{doc.parties.join(', ')}</td>
                      <td class="num">{doc.provisions}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {!d.items.length ? <p class="empty">No document matches these filters.</p> : null}
            <Pager total={d.total} offset={offset} limit={LIMIT} hrefFor={(o) => withQuery(loc, { _offset: o ? String(o) : null })} />
          </>
        )}
      </Status>
    </section>
  );
}
