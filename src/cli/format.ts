import type { Doc } from '../core/types.ts';

/** A readable view of an analysed document for the terminal. */
export function formatRecord(doc: Doc, options: { explain: boolean }): string {
  const out: string[] = [];
  out.push(`${doc.title ?? '(untitled)'}`);
  out.push(`  file ${doc.source.path} · ${doc.language} · ${doc.docType} · date ${doc.date ?? '—'} · parties ${doc.parties.join(', ') || '—'}`);
  if (options.explain) for (const [field, why] of Object.entries(doc.fieldEvidence)) out.push(`  ${field}: ${why}`);
  const byProvision = new Map<number, Doc['annotations']>();
  for (const a of doc.annotations) (byProvision.get(a.provision) ?? byProvision.set(a.provision, []).get(a.provision)!).push(a);
  for (const p of doc.provisions) {
    const codes = byProvision.get(p.index) ?? [];
    const list = (kind: string) => [...new Set(codes.filter((a) => a.kind === kind).map((a) => a.label))].join(',');
    out.push('');
    out.push(`[${p.index}]${p.section ? ` §${p.section}` : ''} ${p.text}`);
    out.push(`     acts ${list('act') || '—'} | holders ${list('holder') || '—'} | entities ${list('entity') || '—'} | topics ${list('topic') || '—'}`);
    if (options.explain)
      for (const a of codes) out.push(`       ${a.kind} ${a.label} ← "${doc.text.slice(a.start, a.end)}" (${a.rule}${a.detail ? `; ${a.detail}` : ''})`);
  }
  return out.join('\n');
}
