import { qs, type Correction } from '../api.ts';
import { Link, navigate, withQuery, type Location } from '../router.tsx';
import { Chip, JsonLink, Status, fmtTime, useApi, useFocusHeading, useTitle } from '../ui.tsx';

export function Corrections({ loc }: { loc: Location }) {
  useTitle('Corrections');
  const heading = useFocusHeading('corrections');
  const doc = loc.query.get('doc') ?? '';
  const showAll = loc.query.get('all') === '1';
  const apiPath = `/api/corrections${qs({ doc })}`;
  const list = useApi<{ items: Correction[] }>(apiPath);
  return (
    <section>
      <div class="view-head">
        <h1 ref={heading} tabIndex={-1}>
          Corrections
        </h1>
        <JsonLink path={apiPath} />
      </div>
      <p class="lede">
        Who changed which codes, when, and what the machine had said. Corrections survive re-analysis.
        {doc ? (
          <>
            {' '}
            Showing one document · <Link href={withQuery(loc, { doc: null })}>all documents</Link>
          </>
        ) : null}
      </p>
      <label class="switch">
        <input type="checkbox" checked={showAll} onChange={(e) => navigate(withQuery(loc, { all: e.currentTarget.checked ? '1' : null }), { replace: true })} />
        <span>Include superseded corrections</span>
      </label>
      <Status loaded={list}>
        {(d) => {
          const items = showAll ? d.items : d.items.filter((c) => c.active);
          return items.length ? (
            <div class="table-wrap">
              <table class="corrections">
                <thead>
                  <tr>
                    <th scope="col">When</th>
                    <th scope="col">Who</th>
                    <th scope="col">Provision</th>
                    <th scope="col">What</th>
                    <th scope="col">Machine said</th>
                    <th scope="col">Now</th>
                    <th scope="col">Note</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((c) => (
                    <tr key={c.id} data-nav="row" tabIndex={0} class={c.active ? '' : 'superseded'}>
                      <td class="nowrap">
                        {fmtTime(c.createdAt)}
                        {c.active ? null : <div class="muted small">superseded</div>}
                      </td>
                      <td>{c.author}</td>
                      <td class="corr-prov">
                        <Link href={`/documents/${c.docId}?p=${c.provisionIndex}`}>
                          {c.docName} ¶ {c.provisionIndex + 1}
                        </Link>
                        <div class="sub clamp">{c.provisionText}</div>
                      </td>
                      <td>{c.kind}</td>
                      <td>
                        {c.machineLabels.map((l) => (
                          <Chip key={l} kind={c.kind === 'act' ? 'act' : 'plain'} label={l} />
                        ))}
                      </td>
                      <td>
                        {c.labels.length ? (
                          c.labels.map((l) => <Chip key={l} kind={c.kind === 'act' ? 'act' : 'plain'} label={l} human />)
                        ) : (
                          <span class="muted">(none)</span>
                        )}
                      </td>
                      <td>{c.note ?? ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <p class="empty">No correction yet. Open a statement, choose a provision and use “Correct the codes”.</p>
          );
        }}
      </Status>
    </section>
  );
}
