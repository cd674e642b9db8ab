/** Small helpers shared by the benchmark modules: units, memory readings, timing, formatting. */

/** Every size in the report is in MB = 2^20 bytes (so MB/s figures are slightly conservative). */
export const MB = 1024 * 1024;

export const toMB = (bytes: number): number => bytes / MB;

/** Current resident set size, in MB. */
export const rssMB = (): number => toMB(process.memoryUsage().rss);

/** Peak resident set size of the whole process so far, in MB (`maxRSS` is in KiB). */
export const peakRssMB = (): number => process.resourceUsage().maxRSS / 1024;

export const heapUsedMB = (): number => toMB(process.memoryUsage().heapUsed);

/** Rounds for the JSON output: figures with a sensible number of decimals. */
export const round = (n: number, digits = 2): number => Number(n.toFixed(digits));

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Runs `fn` `runs` times and returns the wall time of each run, in ms. */
export function timeRuns(runs: number, fn: () => void): number[] {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return times;
}

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
