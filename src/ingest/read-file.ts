import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { EntenteError, type SourceInfo } from '../core/types.ts';
import { normalizeText } from '../core/normalize.ts';
import { decodeBytes } from './decode.ts';
import { extractHtml } from './html.ts';

export interface ReadResult {
  text: string;
  source: SourceInfo;
}

const FORMATS: Record<string, SourceInfo['format']> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.pdf': 'pdf',
  '.docx': 'docx',
};

export const SUPPORTED_EXTENSIONS = Object.keys(FORMATS);

export function formatOf(file: string): SourceInfo['format'] | undefined {
  return FORMATS[path.extname(file).toLowerCase()];
}

/**
 * Reads one statement file into normalised text. Throws an EntenteError naming the
 * file and the reason (missing, empty, binary, unsupported, undecodable).
 */
export async function readStatementFile(file: string): Promise<ReadResult> {
  const format = formatOf(file);
  if (!format) throw new EntenteError(`unsupported file type "${path.extname(file) || '(none)'}"`, file, `use one of ${SUPPORTED_EXTENSIONS.join(' ')}`);
  let bytes: Buffer;
  try {
    if (!statSync(file).isFile()) throw new EntenteError('not a regular file', file);
    bytes = readFileSync(file);
  } catch (err) {
    if (err instanceof EntenteError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new EntenteError(code === 'ENOENT' ? 'no such file' : `cannot read the file (${code ?? String(err)})`, file, 'check the path');
  }
  return readStatementBytes(bytes, file, format);
}

export async function readStatementBytes(bytes: Uint8Array, label: string, format: SourceInfo['format']): Promise<ReadResult> {
  if (bytes.length === 0) throw new EntenteError('the file is empty', label, 'give a file with some text');
  let raw: string;
  let encoding = 'utf-8';
  const hints: SourceInfo['hints'] = {};
  switch (format) {
    case 'pdf':
      raw = await readPdf(bytes, label);
      break;
    case 'docx':
      raw = await readDocx(bytes, label);
      break;
    case 'html': {
      const decoded = decodeBytes(bytes, label);
      encoding = decoded.encoding;
      const html = extractHtml(decoded.text);
      raw = html.text;
      Object.assign(hints, { title: html.title, date: html.date, byline: html.byline });
      break;
    }
    case 'markdown': {
      const decoded = decodeBytes(bytes, label);
      encoding = decoded.encoding;
      raw = stripMarkdown(decoded.text);
      break;
    }
    default: {
      const decoded = decodeBytes(bytes, label);
      encoding = decoded.encoding;
      raw = decoded.text;
    }
  }
  const text = normalizeText(raw);
  if (!text.trim()) throw new EntenteError('no text found in the file', label, 'check that the file has readable text (a scanned PDF needs OCR first)');
  return { text, source: { path: label, format, encoding, hints } };
}

/**
 * Markdown syntax that is not part of the statement's wording is blanked out with
 * spaces (headings' `#`, emphasis markers, link targets), so a heading stays a line of its own.
 */
export function stripMarkdown(md: string): string {
  return md
    .split(/\r?\n/)
    .map((line) =>
      line
        .replace(/^\s{0,3}#{1,6}\s+/, '')
        .replace(/^\s{0,3}>\s?/, '')
        .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
        .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
        .replace(/(\*\*|__)(.+?)\1/g, '$2')
        .replace(/(^|[^\w*])\*(?!\s)([^*]+?)\*(?!\w)/g, '$1$2')
        .replace(/`([^`]+)`/g, '$1')
        .replace(/^\s{0,3}(?:-{3,}|\*{3,}|_{3,})\s*$/, ''),
    )
    .join('\n');
}

async function readPdf(bytes: Uint8Array, where: string): Promise<string> {
  try {
    const { extractText, getDocumentProxy } = await import('unpdf');
    const pdf = await getDocumentProxy(new Uint8Array(bytes));
    const { text } = await extractText(pdf, { mergePages: false });
    return (Array.isArray(text) ? text : [text]).join('\n\n');
  } catch (err) {
    throw new EntenteError(`cannot read the PDF (${(err as Error).message})`, where, 'check that the file is a valid, unencrypted PDF');
  }
}

async function readDocx(bytes: Uint8Array, where: string): Promise<string> {
  try {
    const mammoth = await import('mammoth');
    const { value } = await mammoth.default.extractRawText({ buffer: Buffer.from(bytes) });
    return value;
  } catch (err) {
    throw new EntenteError(
      `cannot read the Word file (${(err as Error).message})`,
      where,
      'check that the file is a valid .docx (old .doc files must be converted)',
    );
  }
}
