import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import {
  api,
  ApiError,
  getEntities,
  getMeta,
  getToken,
  onTokenChange,
  setToken,
  qs,
  ACT_ORDER,
  GROUP_OF,
  type Code,
  type CodeGroup,
  type DocumentDetail,
  type DocSummary,
  type EntityCount,
  type Kind,
  type Meta,
  type Provision,
  type WhatIsNew,
} from '../api.ts';
import { Link, navigate, withQuery, type Location } from '../router.tsx';
import { ActLegend, Chip, ErrorBox, Highlighted, JsonLink, Loading, fmtDate, fmtTime, pct, useApi, useFocusHeading, useTitle } from '../ui.tsx';

const GROUPS: { group: CodeGroup; kind: Kind; title: string; lead: string }[] = [
  { group: 'acts', kind: 'act', title: 'Acts', lead: '' },
  { group: 'holders', kind: 'holder', title: 'Holders', lead: 'by' },
  { group: 'entities', kind: 'entity', title: 'Entities', lead: 'mentions' },
  { group: 'topics', kind: 'topic', title: 'Topics', lead: 'on' },
];

/** Which code's evidence is shown: all codes of a label, or one code. */
interface Focus {
  group: CodeGroup;
  label: string;
  i?: number;
}

/** Side panels start open on wide screens, closed on narrow ones (where they sit above the text). */
const isWide = () => window.matchMedia('(min-width: 1001px)').matches;

const uniq = (codes: Code[]) => [...new Set(codes.map((c) => c.label))];

export function Reader({ id, loc }: { id: string; loc: Location }) {
  const path = `/api/documents/${encodeURIComponent(id)}`;
  const doc = useApi<DocumentDetail>(path);
  const showNew = loc.query.get('new') === '1';
  const news = useApi<WhatIsNew>(showNew ? `${path}/new` : null);
  const selected = loc.query.has('p') ? Number(loc.query.get('p')) : null;
  const [meta, setMeta] = useState<Meta | null>(null);
  const [entities, setEntities] = useState<EntityCount[]>([]);
  const heading = useFocusHeading(`doc:${id}`);
  useTitle(doc.data?.document.title ?? doc.data?.document.name ?? 'Document');
  useEffect(() => {
    getMeta().then(setMeta, () => undefined);
    getEntities().then(setEntities, () => undefined);
  }, []);

  // Bring a deep-linked provision into view once the document is there.
  const scrolled = useRef<string | null>(null);
  useEffect(() => {
    if (!doc.data || selected === null || scrolled.current === id) return;
    scrolled.current = id;
    document.getElementById(`p${selected}`)?.scrollIntoView({ block: 'start' });
  }, [doc.data, id]);

  const select = (index: number | null) => navigate(withQuery(loc, { p: index === null ? null : String(index) }), { replace: true });

  if (doc.error) return <ErrorBox message={doc.error} />;
  if (!doc.data) return <Loading what="Loading the document" />;
  const d = doc.data.document;
  const provisions = doc.data.provisions;
  const newByIndex = new Map((news.data?.provisions ?? []).map((p) => [p.index, p]));
  const entityName = new Map(entities.map((e) => [e.id, e.name]));
  const topicLabel = new Map((meta?.topics ?? []).map((t) => [t.id, t.label]));
  const corrected = provisions.filter((p) => p.corrected.length).length;

  return (
    <article class="reader" aria-labelledby="doc-title">
      <header class="doc-head">
        <p class="crumbs">
          <Link href="/">Library</Link> / {d.name}
        </p>
        <h1 id="doc-title" ref={heading} tabIndex={-1}>
          {d.title ?? d.name}
        </h1>
        <p class="doc-facts">
          <span>{fmtDate(d.date)}</span> · <span>{d.parties.join(', ') || 'no parties found'}</span> · <span>{d.doc_type.replace(/_/g, ' ')}</span> ·{' '}
          <span>{d.language}</span> · <span>{provisions.length} provisions</span>
          {corrected ? <span class="badge corrected-badge"> {corrected} corrected</span> : null} <JsonLink path={path} />
        </p>
      </header>
      <div class="reader-grid">
        <aside class="doc-side" aria-label="About this document">
          <section class="side-block">
            <h2>Acts</h2>
            <ActLegend />
          </section>
          <section class="side-block">
            <h2>What is new</h2>
            <label class="switch">
              <input
                type="checkbox"
                name="what-is-new"
                checked={showNew}
                onChange={(e) => navigate(withQuery(loc, { new: e.currentTarget.checked ? '1' : null }), { replace: true })}
              />
              <span>Mark provisions new since earlier statements of the same parties</span>
            </label>
            {showNew && news.error ? <ErrorBox message={news.error} /> : null}
            {showNew && news.loading ? <Loading what="Comparing" /> : null}
            {showNew && news.data ? (
              <p class="new-summary" role="status">
                {news.data.earlier === 0
                  ? 'No earlier document of the same parties and language: everything is new.'
                  : `${news.data.provisions.length} of ${provisions.length} provisions are new compared with ${news.data.earlier} earlier document${news.data.earlier > 1 ? 's' : ''}.`}
              </p>
            ) : null}
          </section>
          <DocMeta doc={d} />
          <DocActions doc={d} onReanalyzed={doc.reload} />
        </aside>
        <div class="provisions" role="list" aria-label="Provisions">
          {provisions.map((p) => (
            <ProvisionView
              key={p.index}
              p={p}
              selected={selected === p.index}
              onSelect={() => select(selected === p.index ? null : p.index)}
              newInfo={showNew && news.data ? (newByIndex.get(p.index) ?? false) : undefined}
              meta={meta}
              entities={entities}
              entityName={entityName}
              topicLabel={topicLabel}
              onSaved={doc.reload}
            />
          ))}
        </div>
      </div>
    </article>
  );
}

function DocMeta({ doc }: { doc: DocumentDetail['document'] }) {
  const ev = doc.fieldEvidence ?? {};
  const row = (label: string, value: string, field?: string) => (
    <>
      <dt>{label}</dt>
      <dd>
        {value}
        {field && ev[field] ? <div class="evidence-note">{ev[field]}</div> : null}
      </dd>
    </>
  );
  const [wide] = useState(isWide);
  const lines = (doc.lines ?? []).filter((l) => l.kind !== 'title' || l.text !== doc.title);
  return (
    <details class="side-block collapsible doc-meta" open={wide}>
      <summary>
        <h2>Document</h2>
      </summary>
      <dl>
        {row('Title', doc.title ?? '—', 'title')}
        {row('Date', fmtDate(doc.date), 'date')}
        {row('Parties', doc.parties.join(', ') || '—', 'parties')}
        {row('Type', doc.doc_type.replace(/_/g, ' '), 'doc_type')}
        {row('Language', doc.language, 'language')}
        {row('File', `${doc.name} (${doc.format})`)}
        {row('Analysed', `${fmtTime(doc.analyzed_at)} · v${doc.analyzer_version}`)}
      </dl>
      {lines.length ? (
        <>
          <h3>Other lines</h3>
          <ul class="lines">
            {lines.map((l, i) => (
              <li key={i} title={l.rule}>
                <span class="line-kind">{l.kind.replace(/_/g, ' ')}</span> {l.text}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </details>
  );
}

function DocActions({ doc, onReanalyzed }: { doc: DocSummary; onReanalyzed: () => void }) {
  const others = useApi<{ items: DocSummary[] }>('/api/documents?_limit=500');
  const [wide] = useState(isWide);
  const [other, setOther] = useState('');
  const [token, setTok] = useToken();
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const reanalyze = async () => {
    setBusy(true);
    setStatus(null);
    try {
      const r = await api<{ reanchored: number; orphaned: number }>(`/api/documents/${encodeURIComponent(doc.id)}/reanalyze`, {
        method: 'POST',
        token: token.trim(),
      });
      setStatus({
        ok: r.orphaned === 0,
        text: `Re-analysed. Corrections kept: ${r.reanchored} followed their provision to a new place, ${r.orphaned} orphaned (their text is gone).`,
      });
      onReanalyzed();
    } catch (err) {
      setStatus({ ok: false, text: err instanceof ApiError ? err.message : String(err) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <details class="side-block collapsible" open={wide}>
      <summary>
        <h2>Actions</h2>
      </summary>
      <form
        class="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (other) navigate(`/compare${qs({ a: doc.id, b: other })}`);
        }}
      >
        <label>
          Compare with
          <select value={other} onChange={(e) => setOther(e.currentTarget.value)}>
            <option value="">choose a document…</option>
            {(others.data?.items ?? [])
              .filter((x) => x.id !== doc.id)
              .map((x) => (
                <option key={x.id} value={x.id}>
                  {fmtDate(x.date)} · {x.title ?? x.name}
                </option>
              ))}
          </select>
        </label>
        <button type="submit" disabled={!other}>
          Compare
        </button>
      </form>
      <p>
        <Link href={`/corrections${qs({ doc: doc.id })}`}>Corrections of this document</Link> · <Link href={`/search${qs({ doc: doc.id })}`}>Search in it</Link>
      </p>
      <form
        class="inline-form reanalyze-form"
        onSubmit={(e) => {
          e.preventDefault();
          void reanalyze();
        }}
      >
        <TokenField id="reanalyze-token" value={token} onInput={setTok} />
        <button type="submit" disabled={busy || !token.trim()} title="Run the current analysis again; corrections are kept">
          {busy ? 'Re-analysing…' : 'Re-analyse'}
        </button>
      </form>
      {status ? (
        <p class={status.ok ? 'ok-note' : 'error'} role={status.ok ? 'status' : 'alert'}>
          {status.text}
        </p>
      ) : null}
    </details>
  );
}

/** The analyst's write token, shared by every form and kept in localStorage. */
function useToken(): [string, (t: string) => void] {
  const [token, set] = useState(getToken);
  useEffect(() => onTokenChange(set), []);
  return [token, (t: string) => setToken(t.trim())];
}

export function TokenField({ id, value, onInput }: { id: string; value: string; onInput: (v: string) => void }) {
  return (
    <label for={id} class="token-field">
      Token
      <input id={id} name="token" type="password" autocomplete="off" placeholder="ent_…" value={value} onInput={(e) => onInput(e.currentTarget.value)} />
    </label>
  );
}

interface ProvisionProps {
  p: Provision;
  selected: boolean;
  onSelect: () => void;
  /** undefined: "what is new" is off; false: not new; otherwise the new provision's closest earlier wording. */
  newInfo: WhatIsNew['provisions'][number] | false | undefined;
  meta: Meta | null;
  entities: EntityCount[];
  entityName: Map<string, string>;
  topicLabel: Map<string, string>;
  onSaved: () => void;
}

function ProvisionView({ p, selected, onSelect, newInfo, meta, entities, entityName, topicLabel, onSaved }: ProvisionProps) {
  const [focus, setFocus] = useState<Focus | null>(null);
  useEffect(() => {
    if (!selected) setFocus(null);
  }, [selected]);
  const acts = uniq(p.codes.acts).sort((a, b) => ACT_ORDER.indexOf(a as never) - ACT_ORDER.indexOf(b as never));
  const spans = useMemo((): [number, number][] => {
    if (!selected && !focus) return [];
    const f = focus ?? { group: 'acts' as CodeGroup, label: '' };
    return p.codes[f.group]
      .map((c, i) => ({ c, i }))
      .filter(({ c, i }) => (f.label === '' || c.label === f.label) && (f.i === undefined || f.i === i))
      .map(({ c }) => [c.evidence.start, c.evidence.end] as [number, number]);
  }, [p, selected, focus]);
  const title = (kind: Kind, label: string) =>
    kind === 'entity' || kind === 'holder' ? entityName.get(label) : kind === 'topic' ? topicLabel.get(label) : undefined;
  const human = (group: CodeGroup, label: string) => p.codes[group].some((c) => c.label === label && c.origin === 'human');
  const pick = (f: Focus) => {
    if (!selected) onSelect();
    setFocus((cur) => (cur && cur.group === f.group && cur.label === f.label && cur.i === f.i ? null : f));
  };
  const classes = [
    'provision',
    acts[0] ? `act-${acts[0]}` : 'act-none',
    selected ? 'selected' : '',
    p.corrected.length ? 'corrected' : '',
    newInfo === false ? 'not-new' : newInfo ? 'is-new' : '',
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <div
      id={`p${p.index}`}
      class={classes}
      role="listitem"
      data-nav="provision"
      data-index={p.index}
      data-acts={acts.join(' ')}
      tabIndex={0}
      onKeyDown={(e) => {
        if (e.target !== e.currentTarget) return;
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          onSelect();
        } else if (e.key === 'Escape' && selected) onSelect();
      }}
    >
      <div class="act-bar" aria-hidden="true">
        {acts.map((a) => (
          <span key={a} class={`act-${a}`} />
        ))}
      </div>
      <div class="prov-body">
        <div class="prov-head">
          <button
            type="button"
            class="prov-num"
            aria-expanded={selected}
            aria-controls={`pd${p.index}`}
            onClick={onSelect}
            title={selected ? 'Close the evidence' : 'Show the evidence behind each code'}
          >
            ¶ {p.index + 1}
          </button>
          {acts.map((a) => (
            <Chip
              key={a}
              kind="act"
              label={a}
              human={human('acts', a)}
              selected={focus?.group === 'acts' && focus.label === a && focus.i === undefined}
              onClick={() => pick({ group: 'acts', label: a })}
            />
          ))}
          {p.corrected.length ? <span class="badge corrected-badge">corrected: {p.corrected.join(', ')}</span> : null}
          {newInfo ? <span class="badge new-badge">new</span> : null}
        </div>
        <p class="prov-text" onClick={() => (window.getSelection()?.isCollapsed ?? true) && onSelect()}>
          <Highlighted text={p.text} spans={spans} markClass="evidence" />
        </p>
        <div class="prov-codes">
          {GROUPS.filter((g) => g.group !== 'acts').map((g) =>
            p.codes[g.group].length ? (
              <span class="code-group" key={g.group}>
                <span class="lead">{g.lead}</span>
                {uniq(p.codes[g.group]).map((label) => (
                  <Chip
                    key={label}
                    kind={g.kind}
                    label={label}
                    title={title(g.kind, label)}
                    human={human(g.group, label)}
                    selected={focus?.group === g.group && focus.label === label && focus.i === undefined}
                    onClick={() => pick({ group: g.group, label })}
                  />
                ))}
              </span>
            ) : null,
          )}
        </div>
        {newInfo && newInfo.closest ? (
          <p class="closest">
            Nearest earlier wording ({pct(newInfo.closest.similarity)} alike, {newInfo.closest.docName}, {fmtDate(newInfo.closest.date)}): “
            {newInfo.closest.text}”
          </p>
        ) : null}
        {selected ? (
          <div class="prov-detail" id={`pd${p.index}`}>
            <Evidence p={p} focus={focus} onFocus={pick} title={title} />
            <CorrectionForm p={p} meta={meta} entities={entities} onSaved={onSaved} />
          </div>
        ) : null}
      </div>
    </div>
  );
}

function Evidence({
  p,
  focus,
  onFocus,
  title,
}: {
  p: Provision;
  focus: Focus | null;
  onFocus: (f: Focus) => void;
  title: (kind: Kind, label: string) => string | undefined;
}) {
  return (
    <section class="evidence-panel" aria-label={`Evidence for provision ${p.index + 1}`}>
      <h3>
        Evidence <span class="muted">— choose a code to highlight its words</span>
      </h3>
      {GROUPS.map((g) => (
        <div key={g.group} class="evidence-group">
          <h4>
            {g.title}
            {p.corrected.includes(g.kind) ? <span class="badge corrected-badge">corrected</span> : null}
          </h4>
          {p.codes[g.group].length ? (
            <ul>
              {p.codes[g.group].map((c, i) => {
                const on = !!focus && focus.group === g.group && focus.label === c.label && (focus.i === undefined || focus.i === i);
                return (
                  <li key={i} class={on ? 'on' : ''}>
                    <button type="button" class="evidence-row" aria-pressed={on} onClick={() => onFocus({ group: g.group, label: c.label, i })}>
                      <Chip kind={g.kind} label={c.label} title={title(g.kind, c.label)} human={c.origin === 'human'} />
                      {c.origin === 'human' ? <span class="ev-text muted">the whole provision</span> : <span class="ev-text">“{c.evidence.text}”</span>}
                    </button>
                    <div class="ev-meta">
                      <span class={`origin origin-${c.origin}`}>{c.origin}</span> <code class="rule">{c.rule}</code>
                      {c.detail ? <span class="detail"> · {c.detail}</span> : null}
                    </div>
                  </li>
                );
              })}
            </ul>
          ) : (
            <p class="muted">none</p>
          )}
        </div>
      ))}
      <p class="muted small">
        <a href={`/api/provisions/${p.id}`}>Provision {p.id} as JSON, with its correction history</a>
      </p>
    </section>
  );
}

function CorrectionForm({ p, meta, entities, onSaved }: { p: Provision; meta: Meta | null; entities: EntityCount[]; onSaved: () => void }) {
  const [kind, setKind] = useState<Kind>('act');
  const current = (k: Kind) => uniq(p.codes[GROUP_OF[k]]);
  const [labels, setLabels] = useState<string[]>(() => current('act'));
  const [free, setFree] = useState('');
  const [note, setNote] = useState('');
  const [token, setTok] = useToken();
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const base = `c${p.index}`;
  const switchKind = (k: Kind) => {
    setKind(k);
    setLabels(current(k));
    setFree(current(k).join(', '));
    setStatus(null);
  };
  const options = kind === 'act' ? (meta?.acts ?? [...ACT_ORDER]).map((a) => ({ id: a, label: a })) : kind === 'topic' ? (meta?.topics ?? []) : null;
  const submit = async () => {
    const chosen = options
      ? labels
      : free
          .split(/[\s,;]+/)
          .map((s) => s.trim())
          .filter(Boolean);
    setBusy(true);
    setStatus(null);
    try {
      const r = await api<{ correction: { labels: string[]; kind: string } }>(`/api/provisions/${p.id}/corrections`, {
        method: 'POST',
        token: token.trim(),
        body: { kind, labels: chosen, ...(note.trim() ? { note: note.trim() } : {}) },
      });
      setStatus({ ok: true, text: `Saved: ${r.correction.kind} → ${r.correction.labels.join(', ') || '(none)'}` });
      setNote('');
      onSaved();
    } catch (err) {
      setStatus({ ok: false, text: err instanceof ApiError ? err.message : String(err) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      class="correction-form"
      aria-label={`Correct provision ${p.index + 1}`}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h3>Correct the codes</h3>
      <div class="form-row">
        <label for={`${base}-kind`}>What</label>
        <select id={`${base}-kind`} name="kind" value={kind} onChange={(e) => switchKind(e.currentTarget.value as Kind)}>
          <option value="act">acts</option>
          <option value="holder">holders</option>
          <option value="entity">entities</option>
          <option value="topic">topics</option>
        </select>
      </div>
      {options ? (
        <fieldset class="label-choices">
          <legend>{kind === 'act' ? 'Acts' : 'Topics'}</legend>
          {options.map((o) => (
            <label key={o.id} class={kind === 'act' ? `choice act-choice act-${o.id}` : 'choice'}>
              <input
                type="checkbox"
                name="label"
                value={o.id}
                checked={labels.includes(o.id)}
                onChange={(e) => setLabels((ls) => (e.currentTarget.checked ? [...ls, o.id] : ls.filter((x) => x !== o.id)))}
              />
              {o.label}
            </label>
          ))}
        </fieldset>
      ) : (
        <div class="form-row">
          <label for={`${base}-labels`}>{kind === 'holder' ? 'Holders' : 'Entities'} (identifiers, comma-separated)</label>
          <input
            id={`${base}-labels`}
            name="labels"
            type="text"
            list={`${base}-ids`}
            value={free}
            onInput={(e) => setFree(e.currentTarget.value)}
            placeholder="e.g. CHN, RUS, nato"
            autocomplete="off"
          />
          <datalist id={`${base}-ids`}>
            {entities.map((e) => (
              <option key={e.id} value={e.id}>
                {e.name}
              </option>
            ))}
          </datalist>
        </div>
      )}
      <div class="form-row">
        <label for={`${base}-note`}>Note (optional)</label>
        <textarea id={`${base}-note`} name="note" rows={2} maxLength={2000} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
      </div>
      <div class="form-row form-actions">
        <TokenField id={`${base}-token`} value={token} onInput={setTok} />
        <button type="submit" class="primary" disabled={busy}>
          {busy ? 'Saving…' : 'Save correction'}
        </button>
      </div>
      {status ? (
        <p class={status.ok ? 'ok-note' : 'error'} role={status.ok ? 'status' : 'alert'}>
          {status.text}
        </p>
      ) : null}
    </form>
  );
}
