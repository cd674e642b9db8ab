/**
 * Compiles a regular expression from a data file or a generated pattern. The `u` flag is kept
 * only when the pattern needs it (`\p{…}`, `\u{…}`, characters outside the BMP): V8 runs
 * case-insensitive patterns with `u` about ten times slower, and without `\p` or astral
 * characters the two flags match the same text (`\b` is ASCII in both; `i` folds é/É either way).
 */
export function compilePattern(source: string, flags: string): RegExp {
  const needsUnicode = /\\[pP]\{|\\u\{|[\u{10000}-\u{10FFFF}]/u.test(source);
  const wanted = needsUnicode ? (flags.includes('u') ? flags : flags + 'u') : flags.replace('u', '');
  // Validate with `u` as well: it rejects sloppy escapes the data file should not contain.
  new RegExp(source, flags.includes('u') ? flags : flags + 'u');
  return new RegExp(source, wanted);
}
