// autocannon ships no types; the benchmark uses this much of it.
declare module 'autocannon' {
  interface Histogram {
    average: number;
    p50: number;
    p90: number;
    p97_5: number;
    p99: number;
    total: number;
  }
  interface Result {
    requests: Histogram;
    latency: Histogram;
    errors: number;
    non2xx: number;
  }
  interface Options {
    headers?: Record<string, string>;
    url: string;
    connections?: number;
    duration?: number;
    requests?: { method: 'GET' | 'POST'; path: string }[];
  }
  export default function autocannon(options: Options): Promise<Result>;
}
