import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import JSZip from 'jszip';
import { readStatementFile } from '../src/ingest/read-file.ts';
import { EntenteError } from '../src/core/types.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'entente-readers-'));
const file = (name: string, content: string | Uint8Array) => {
  const p = path.join(dir, name);
  writeFileSync(p, content);
  return p;
};

async function rejects(p: string, pattern: RegExp) {
  await assert.rejects(readStatementFile(p), (err: unknown) => {
    assert.ok(err instanceof EntenteError, 'a user-facing error');
    assert.match(err.describe(), pattern);
    assert.ok(err.describe().includes(p), 'the message names the file');
    return true;
  });
}

test('UTF-8 with a byte-order mark is decoded without the mark', async () => {
  const r = await readStatementFile(file('bom.txt', '\uFEFFLes deux parties coopèrent.'));
  assert.equal(r.text, 'Les deux parties coopèrent.');
  assert.equal(r.source.encoding, 'utf-8');
});

test('Windows-1252 text is detected and decoded', async () => {
  const r = await readStatementFile(file('latin.txt', iconv.encode('Les deux États coopèrent « étroitement » – œuvre.', 'windows-1252')));
  assert.equal(r.text, 'Les deux États coopèrent « étroitement » – œuvre.');
  assert.equal(r.source.encoding, 'windows-1252');
});

test('line endings, no-break spaces and invisible characters are normalised', async () => {
  const r = await readStatementFile(file('crlf.txt', 'Titre\r\nLes\u00A0parties\u200B se\u202Fconsultent\u00AD.\r\n'));
  assert.equal(r.text, 'Titre\nLes parties se consultent.\n');
});

test('missing, empty, binary and unsupported files are refused with a reason', async () => {
  await rejects(path.join(dir, 'absent.txt'), /no such file/);
  await rejects(file('empty.txt', ''), /empty/);
  await rejects(file('binary.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2, 3])), /binary/);
  await rejects(file('image.png', 'not really'), /unsupported file type/);
});

test('an HTML news page is reduced to its main text, paragraphs kept, furniture dropped', async () => {
  const paragraph = (n: number) =>
    `<p>Paragraph ${n} of the report says that the two sides agreed to deepen their cooperation in many fields, according to the statement released on Friday.</p>`;
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>Site | Leaders meet</title><meta property="article:published_time" content="2022-02-04T10:00:00Z"></head>
  <body><header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav></header>
  <article><h1>Leaders meet in Beijing</h1>${[1, 2, 3, 4, 5].map(paragraph).join('')}
  <figure><img src="x.jpg"><figcaption>The two leaders shake hands.</figcaption></figure>
  <div class="share"><a href="#">Share on Facebook</a></div></article>
  <aside>Read also: another story</aside><form><textarea>Your comment</textarea></form><footer>© News site</footer></body></html>`;
  const r = await readStatementFile(file('page.html', html));
  assert.equal(r.source.format, 'html');
  assert.equal(r.source.hints.date, '2022-02-04T10:00:00Z');
  assert.ok(r.text.startsWith('Leaders meet in Beijing\n'));
  assert.match(r.text, /Paragraph 1 of the report[^\n]+\n\nParagraph 2/);
  for (const furniture of ['Home', 'Sport', 'shake hands', 'Read also', 'Your comment', '©']) assert.ok(!r.text.includes(furniture), `dropped: ${furniture}`);
});

test('Markdown headings and emphasis are reduced to plain lines', async () => {
  const r = await readStatementFile(file('s.md', '# Joint Statement\n\n## I. Relations\n\nThe **two sides** will [cooperate](http://x).\n'));
  assert.equal(r.text, 'Joint Statement\n\nI. Relations\n\nThe two sides will cooperate.\n');
});

/** A one-page PDF with the given lines of text (Helvetica, WinAnsi). */
function makePdf(lines: string[]): Buffer {
  const content = `BT /F1 12 Tf 72 720 Td ${lines.map((l, i) => `${i ? '0 -16 Td ' : ''}(${l}) Tj`).join(' ')} ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

test('text is extracted from a PDF file', async () => {
  const r = await readStatementFile(file('s.pdf', makePdf(['Joint Statement', 'The two sides agreed to cooperate.'])));
  assert.equal(r.source.format, 'pdf');
  assert.match(r.text, /Joint Statement/);
  assert.match(r.text, /The two sides agreed to cooperate\./);
});

test('a broken PDF is refused with a reason', async () => {
  await rejects(file('broken.pdf', '%PDF-1.4 nothing else'), /cannot read the PDF/);
});

test('paragraphs are extracted from a Word file', async () => {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  zip.file(
    'word/document.xml',
    '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Déclaration conjointe</w:t></w:r></w:p><w:p><w:r><w:t>Les deux parties coopéreront.</w:t></w:r></w:p></w:body></w:document>',
  );
  const r = await readStatementFile(file('s.docx', await zip.generateAsync({ type: 'nodebuffer' })));
  assert.equal(r.source.format, 'docx');
  assert.match(r.text, /Déclaration conjointe\n+Les deux parties coopéreront\./);
});
