/**
 * Text normalisation applied once, by the readers, before any offset is taken:
 * Unicode NFC, LF line endings, exotic spaces to plain spaces, invisible
 * formatting characters removed. Everything downstream indexes this text.
 */

// Soft hyphen, zero-width space/joiners, word joiner, BOM, variation selectors.
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF\uFE00-\uFE0F]/g;
// No-break, narrow no-break, figure, thin and other fixed-width spaces, ideographic space.
const ODD_SPACE = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;

export function normalizeText(raw: string): string {
  return raw
    .normalize('NFC')
    .replace(/\r\n?|\u2028|\u2029|\u0085/g, '\n')
    .replace(INVISIBLE, '')
    .replace(ODD_SPACE, ' ')
    .replace(/\t/g, ' ')
    .replace(/[ ]+\n/g, '\n');
}

/** Normalisation used to compare provision texts (gold-format.md, "Alignment"). */
export function normalizeForAlignment(text: string): string {
  return text
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(?:(?:[-*•]|—{1,2}|-{2})\s*|(?:\d{1,3}|[IVXLC]{1,6}|[a-z])[.)]\s+)/u, '')
    .trim();
}

const foldCache = new Map<string, string>();

/** Lower-case and strip diacritics: the key used by matchers that ignore accents. */
export function foldAccents(text: string): string {
  const cached = foldCache.get(text);
  if (cached !== undefined) return cached;
  const lower = text.toLowerCase();
  // Plain ASCII words (most of them) need no decomposition.
  const folded = isAscii(lower)
    ? lower
    : lower
        .normalize('NFD')
        .replace(/\p{M}+/gu, '')
        .replace(/[’ʼ‘`´]/g, "'")
        .replace(/œ/g, 'oe')
        .replace(/æ/g, 'ae');
  if (text.length < 40) {
    if (foldCache.size > 100_000) foldCache.clear();
    foldCache.set(text, folded);
  }
  return folded;
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}
