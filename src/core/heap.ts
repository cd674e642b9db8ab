import v8 from 'node:v8';

/**
 * Keeps memory flat during long runs. An ingest makes much short-lived garbage, and V8 lets the
 * old generation grow to several times the live heap between full collections, so peak memory
 * rose with the corpus although what is kept does not. Growing by a bounded share of the live heap
 * keeps the peak bounded; the extra collections cost no measurable time (see docs/benchmarks.md).
 * A third rather than a half: the heap overshoots the limit while a collection is under way, and
 * at a half the peak of a 50 MB ingest sometimes passed 300 MB.
 */
export function boundHeapGrowth(): void {
  v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}

export const HEAP_GROWING_PERCENT = 30;
