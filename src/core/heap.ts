import v8 from 'node:v8';

/**
 * Keeps memory flat during long runs. An ingest makes much short-lived garbage, and V8 lets the
 * old generation grow to several times the live heap between full collections, so peak memory
 * rose with the corpus although what is kept does not. Growing by at most half the live heap
 * keeps the peak bounded; the extra collections cost no measurable time (see docs/benchmarks.md).
 */
export function boundHeapGrowth(): void {
  v8.setFlagsFromString('--heap-growing-percent=50');
}
