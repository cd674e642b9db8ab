import iconv from 'iconv-lite';
import { EntenteError } from '../core/types.ts';

export interface Decoded {
  text: string;
  encoding: string;
}

/**
 * Decodes the bytes of a text file: UTF-8 (with or without BOM), UTF-16 with BOM,
 * and, when the bytes are not valid UTF-8, Windows-1252 (a superset of Latin-1 for
 * printable text). Rejects binary content with a message that says so.
 */
export function decodeBytes(bytes: Uint8Array, where: string): Decoded {
  if (bytes.length === 0) throw new EntenteError('the file is empty', where, 'give a file with some text');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  if (looksBinary(bytes)) throw new EntenteError('the file looks binary, not text', where, 'convert it to .txt, .html, .pdf or .docx first');
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(hasBom ? bytes.subarray(3) : bytes);
    return { text, encoding: 'utf-8' };
  } catch {
    const text = iconv.decode(Buffer.from(bytes), 'windows-1252');
    if (/[\u0080-\u009f]/.test(text)) throw new EntenteError('the text is neither UTF-8 nor Windows-1252', where, 're-save the file as UTF-8');
    return { text, encoding: 'windows-1252' };
  }
}

/** NUL bytes, or many control characters in the first 8 KB, mean this is not a text file. */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return control > n * 0.05;
}
