import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import './styles.css';
import { Link, navigate, useLocation, type Location } from './router.tsx';
import { Library } from './views/Library.tsx';
import { Reader } from './views/Reader.tsx';
import { Search } from './views/Search.tsx';
import { EntityIndex, EntityPage } from './views/Entities.tsx';
import { PositionList, PositionPage } from './views/Positions.tsx';
import { Compare } from './views/Compare.tsx';
import { Corrections } from './views/Corrections.tsx';

function route(loc: Location) {
  const p = loc.path.replace(/\/+$/, '') || '/';
  let m: RegExpExecArray | null;
  if (p === '/') return <Library loc={loc} />;
  if ((m = /^\/documents\/([^/]+)$/.exec(p))) return <Reader key={m[1]} id={decodeURIComponent(m[1])} loc={loc} />;
  if (p === '/search') return <Search loc={loc} />;
  if (p === '/entities') return <EntityIndex loc={loc} />;
  if ((m = /^\/entities\/([^/]+)$/.exec(p))) return <EntityPage key={m[1]} id={decodeURIComponent(m[1])} />;
  if (p === '/positions') return <PositionList loc={loc} />;
  if ((m = /^\/positions\/(\d+)$/.exec(p))) return <PositionPage key={m[1]} id={Number(m[1])} />;
  if (p === '/compare') return <Compare loc={loc} />;
  if (p === '/corrections') return <Corrections loc={loc} />;
  return (
    <section>
      <h1>Not found</h1>
      <p>
        There is no page at <code>{loc.path}</code>. <Link href="/">Go to the library</Link>.
      </p>
    </section>
  );
}

const NAV: [string, string][] = [
  ['/', 'Library'],
  ['/search', 'Search'],
  ['/entities', 'Entities'],
  ['/positions', 'Positions'],
  ['/compare', 'Compare'],
  ['/corrections', 'Corrections'],
];

const isTyping = (el: Element | null): boolean =>
  !!el && (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement || (el as HTMLElement).isContentEditable);

/** Keyboard: "/" focuses search; j/k (arrows in the reader) move between items; Enter opens. */
function onKey(e: KeyboardEvent): void {
  if (e.ctrlKey || e.metaKey || e.altKey) return;
  const active = document.activeElement;
  if (isTyping(active)) {
    if (e.key === 'Escape') (active as HTMLElement).blur();
    return;
  }
  if (e.key === '/') {
    const box = document.querySelector<HTMLInputElement>('main [data-search-input]') ?? document.querySelector<HTMLInputElement>('#global-search');
    if (box) {
      e.preventDefault();
      box.focus();
      box.select();
    }
    return;
  }
  const items = [...document.querySelectorAll<HTMLElement>('main [data-nav]')];
  if (!items.length) return;
  const arrowsToo = items[0].dataset.nav === 'provision';
  const down = e.key === 'j' || (arrowsToo && e.key === 'ArrowDown');
  const up = e.key === 'k' || (arrowsToo && e.key === 'ArrowUp');
  const here = active instanceof HTMLElement ? active.closest<HTMLElement>('[data-nav]') : null;
  const at = here ? items.indexOf(here) : -1;
  if (down || up) {
    e.preventDefault();
    const next = at < 0 ? (down ? 0 : items.length - 1) : Math.max(0, Math.min(items.length - 1, at + (down ? 1 : -1)));
    items[next].focus();
    items[next].scrollIntoView({ block: 'nearest' });
    return;
  }
  if (e.key === 'Enter' && here && here === active && here.dataset.nav !== 'provision') {
    const link = here.querySelector<HTMLAnchorElement>('a[href]');
    if (link) {
      e.preventDefault();
      link.click();
    }
  }
}

function GlobalSearch({ loc }: { loc: Location }) {
  const [q, setQ] = useState(loc.path === '/search' ? (loc.query.get('q') ?? '') : '');
  useEffect(() => {
    if (loc.path === '/search') setQ(loc.query.get('q') ?? '');
  }, [loc.path, loc.query.get('q')]);
  return (
    <form
      role="search"
      class="global-search"
      onSubmit={(e) => {
        e.preventDefault();
        navigate(`/search${q.trim() ? `?q=${encodeURIComponent(q.trim())}` : ''}`);
      }}
    >
      <label for="global-search" class="visually-hidden">
        Search provisions
      </label>
      <input
        id="global-search"
        type="search"
        placeholder="Search provisions  ( / )"
        value={q}
        onInput={(e) => setQ(e.currentTarget.value)}
        autocomplete="off"
      />
    </form>
  );
}

function App() {
  const loc = useLocation();
  useEffect(() => {
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
  const section = '/' + (loc.path.split('/')[1] ?? '');
  const activeNav = section === '/documents' ? '/' : section;
  return (
    <>
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <header class="top">
        <Link href="/" class="brand" aria-label="Entente, the library">
          Entente
        </Link>
        <nav aria-label="Main">
          <ul>
            {NAV.map(([href, label]) => (
              <li key={href}>
                <Link href={href} aria-current={activeNav === href ? 'page' : undefined}>
                  {label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <GlobalSearch loc={loc} />
      </header>
      <main id="main">{route(loc)}</main>
      <footer class="bottom">
        <span>
          Keys: <kbd>/</kbd> search · <kbd>j</kbd>/<kbd>k</kbd> next/previous · <kbd>Enter</kbd> open · <kbd>Esc</kbd> close
        </span>
        <a href="/api/openapi.json">API</a>
      </footer>
    </>
  );
}

render(<App />, document.getElementById('app')!);
