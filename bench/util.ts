/** Small helpers shared by the benchmark modules: units, memory readings, timing, formatting. */
import v8 from 'node:v8';
import vm from 'node:vm';

/** Every size in the report is in MB = 2^20 bytes (so MB/s figures are slightly conservative). */
export const MB = 1024 * 1024;

export const toMB = (bytes: number): number => bytes / MB;

/** Current resident set size, in MB. */
export const rssMB = (): number => toMB(process.memoryUsage().rss);

/** Peak resident set size of the whole process so far, in MB (`maxRSS` is in KiB). */
export const peakRssMB = (): number => process.resourceUsage().maxRSS / 1024;

export const heapUsedMB = (): number => toMB(process.memoryUsage().heapUsed);

/**
 * A full garbage collection, for readings of the heap that is really retained. `--expose-gc`
 * cannot be passed through `npm run bench`, so it is switched on at run time; null if refused.
 */
export const forceGc: (() => void) | null = (() => {
  try {
    v8.setFlagsFromString('--expose-gc');
    const gc: unknown = vm.runInNewContext('gc');
    return typeof gc === 'function' ? (gc as () => void) : null;
  } catch {
    return null;
  }
})();

/** Heap in use after a full collection, in MB (null when collections cannot be forced). */
export function retainedHeapMB(): number | null {
  if (!forceGc) return null;
  forceGc();
  return heapUsedMB();
}

/** Wall time of one call, in ms, after a full collection so that earlier garbage is not billed to it. */
export function timeOnce(fn: () => void): number {
  forceGc?.();
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Rounds for the JSON output: figures with a sensible number of decimals. */
export const round = (n: number, digits = 2): number => Number(n.toFixed(digits));

/** Deterministic PRNG (mulberry32), so synthetic data is the same from run to run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const fmt = (n: number, digits = 2): string => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** Progress on stderr, so that the report on stdout stays clean when redirected. */
export const progress = (message: string): void => void process.stderr.write(`  … ${message}\n`);
