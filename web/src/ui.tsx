// Shared pieces: data loading, chips, highlighted text, word diffs, paging, errors.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, ApiError, ACT_ORDER, getToken, setToken, type DiffOp } from './api.ts';
import { Link } from './router.tsx';

export interface Loaded<T> {
  data: T | null;
  error: string | null;
  loading: boolean;
  reload: () => void;
}

/** Fetches an API path; refetches when it changes; keeps the previous data while loading. */
export function useApi<T>(path: string | null): Loaded<T> {
  const [state, setState] = useState<{ data: T | null; error: string | null; loading: boolean; path: string | null }>({
    data: null,
    error: null,
    loading: !!path,
    path: null,
  });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (!path) {
      setState({ data: null, error: null, loading: false, path });
      return;
    }
    const ctl = new AbortController();
    setState((s) => ({ ...s, loading: true }));
    api<T>(path, { signal: ctl.signal }).then(
      (data) => setState({ data, error: null, loading: false, path }),
      (err: Error) => {
        if (err.name === 'AbortError') return;
        setState({ data: null, error: err instanceof ApiError ? err.message : String(err), loading: false, path });
      },
    );
    return () => ctl.abort();
  }, [path, tick]);
  return { data: state.data, error: state.error, loading: state.loading, reload: () => setTick((t) => t + 1) };
}

/** Sets the window title for a view. */
export function useTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · Entente` : 'Entente';
  }, [title]);
}

export function ErrorBox({ message }: { message: string }) {
  const needsToken = /needs a token|unknown token/.test(message);
  return (
    <div class="error" role="alert">
      <p>{message}</p>
      {needsToken ? <TokenPrompt /> : null}
    </div>
  );
}

/** When the server wants a token for reads too (served off loopback): ask once, keep it, retry. */
function TokenPrompt() {
  const [value, setValue] = useState(getToken);
  return (
    <form
      class="inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        setToken(value.trim());
        window.location.reload();
      }}
    >
      <label>
        Token
        <input type="password" name="token" autocomplete="off" value={value} onInput={(e) => setValue(e.currentTarget.value)} placeholder="ent_…" />
      </label>
      <button type="submit">Use this token</button>
    </form>
  );
}

export function Loading({ what = 'Loading' }: { what?: string }) {
  return (
    <p class="loading" role="status">
      {what}…
    </p>
  );
}

/** Wraps a view: error, first load, or the content. */
export function Status<T>({ loaded, children }: { loaded: Loaded<T>; children: (data: T) => ComponentChildren }) {
  if (loaded.error) return <ErrorBox message={loaded.error} />;
  if (!loaded.data) return <Loading />;
  return <>{children(loaded.data)}</>;
}

/** The page's JSON twin. */
export function JsonLink({ path }: { path: string }) {
  return (
    <a class="json-link" href={path} title="The same data as JSON">
      {'{ } JSON'}
    </a>
  );
}

export const isAct = (label: string): boolean => (ACT_ORDER as readonly string[]).includes(label);

/** A code label: acts are coloured; links go to a search filtered by the code. */
export function Chip({
  kind,
  label,
  title,
  human,
  href,
  selected,
  onClick,
}: {
  kind: 'act' | 'holder' | 'entity' | 'topic' | 'party' | 'plain';
  label: string;
  title?: string;
  human?: boolean;
  href?: string;
  selected?: boolean;
  onClick?: () => void;
}) {
  const cls = `chip chip-${kind}${kind === 'act' ? ` act-${label}` : ''}${human ? ' chip-human' : ''}${selected ? ' chip-selected' : ''}`;
  const content = (
    <>
      {label}
      {human ? (
        <span class="human-mark" aria-label="corrected by an analyst" title="corrected by an analyst">
          ✎
        </span>
      ) : null}
    </>
  );
  if (onClick)
    return (
      <button type="button" class={cls} title={title} aria-pressed={selected} onClick={onClick}>
        {content}
      </button>
    );
  if (href)
    return (
      <Link class={cls} href={href} title={title}>
        {content}
      </Link>
    );
  return (
    <span class={cls} title={title}>
      {content}
    </span>
  );
}

/** Text with [start, end) spans wrapped in <mark>; built as DOM text, never as HTML. */
export function Highlighted({ text, spans, markClass }: { text: string; spans: [number, number][]; markClass?: string }) {
  const sorted = spans
    .filter(([s, e]) => e > s && s >= 0 && s < text.length)
    .map(([s, e]) => [s, Math.min(e, text.length)] as [number, number])
    .sort((x, y) => x[0] - y[0]);
  const merged: [number, number][] = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
    else merged.push([...span]);
  }
  const parts: ComponentChildren[] = [];
  let at = 0;
  merged.forEach(([s, e], i) => {
    if (s > at) parts.push(text.slice(at, s));
    parts.push(
      <mark key={i} class={markClass}>
        {text.slice(s, e)}
      </mark>,
    );
    at = e;
  });
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}

/** A word diff: deletions struck in red, insertions in green; `side` shows one side only. */
export function Diff({ ops, side }: { ops: DiffOp[]; side?: 'a' | 'b' }) {
  return (
    <>
      {ops.map((op, i) => {
        if (op.op === 'equal') return <span key={i}>{op.text}</span>;
        if (op.op === 'delete')
          return side === 'b' ? null : (
            <del key={i} class="diff-del">
              {op.text}
            </del>
          );
        return side === 'a' ? null : (
          <ins key={i} class="diff-ins">
            {op.text}
          </ins>
        );
      })}
    </>
  );
}

export function ActLegend() {
  return (
    <ul class="legend" aria-label="Colours of speech acts">
      {ACT_ORDER.map((a) => (
        <li key={a}>
          <span class={`swatch act-${a}`} aria-hidden="true" />
          {a}
        </li>
      ))}
    </ul>
  );
}

/** Previous/next page links for an offset-paged list. */
export function Pager({ total, offset, limit, hrefFor }: { total: number; offset: number; limit: number; hrefFor: (offset: number) => string }) {
  if (total <= limit && offset === 0) return null;
  const last = Math.min(offset + limit, total);
  return (
    <nav class="pager" aria-label="Pages">
      {offset > 0 ? (
        <Link href={hrefFor(Math.max(0, offset - limit))} rel="prev">
          ← Previous
        </Link>
      ) : (
        <span class="disabled">← Previous</span>
      )}
      <span>
        {total ? offset + 1 : 0}–{last} of {total}
      </span>
      {last < total ? (
        <Link href={hrefFor(offset + limit)} rel="next">
          Next →
        </Link>
      ) : (
        <span class="disabled">Next →</span>
      )}
    </nav>
  );
}

export const fmtDate = (d: string | null | undefined): string => d ?? 'undated';
export const fmtTime = (iso: string): string =>
  iso
    .replace('T', ' ')
    .replace(/\.\d+Z$/, ' UTC')
    .replace(/Z$/, ' UTC');
export const pct = (x: number): string => `${Math.round(x * 100)}%`;

/** Focuses the view's heading after navigation, for screen readers and keyboard users. */
export function useFocusHeading(key: string) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (document.activeElement && document.activeElement !== document.body && document.activeElement.closest('main')) return;
    ref.current?.focus({ preventScroll: true });
  }, [key]);
  return ref;
}
