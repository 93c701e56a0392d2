/**
 * Bounded distributions for the insights aggregates: percentiles of days and deal values without
 * keeping one entry per lead. Pure.
 *
 * Days (time in stage, sales cycle) go into a dense day histogram: an array indexed by bucket,
 * trailing zeros trimmed. Buckets 0..30 are exact whole days; from 31 days on each bucket spans an
 * eighth of an octave (whole days from ⌊31 · 2^(k/8)⌋), so a percentile read back is the bucket's
 * middle day: exact up to 30 days, then within 5.2 % of the true whole-day value (whole-day edges
 * make the worst case 2 days off at 39); 3,968 days (about 11 years) or more read back as 3,968.
 * A dense array of small integers is what the aggregates record holds hundreds of, and it is much
 * cheaper for IndexedDB's structured clone than an object keyed by bucket.
 *
 * Deal values go into a value histogram: buckets a sixteenth of an octave wide (4.4 %), each with
 * its count and the sum of its values, so a percentile reads back the mean of its bucket — the
 * exact value when the deals there share a price. Sparse triples, at most ~16 per doubling of
 * the range of values, however many won leads a slice holds.
 */

/** Whole days from which each exact bucket starts: 0..30, then eighth-octave steps up to 10 years. */
export const DAY_BUCKET_FLOORS: readonly number[] = (() => {
  const floors = Array.from({ length: 31 }, (_, d) => d);
  for (let k = 0; ; k++) {
    const floor = Math.floor(31 * 2 ** (k / 8));
    floors.push(floor);
    if (floor >= 3650) return floors;
  }
})();

/** The bucket of a stay of `days` (fractional days; counted as whole days elapsed). */
export function dayBucket(days: number): number {
  const whole = Math.max(0, Math.floor(days));
  if (whole <= 30) return whole;
  let lo = 31;
  let hi = DAY_BUCKET_FLOORS.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (DAY_BUCKET_FLOORS[mid]! <= whole) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The day a bucket stands for: the exact day below 31, else the middle whole day of its span (rounded down). */
export function bucketDays(bucket: number): number {
  const floor = DAY_BUCKET_FLOORS[bucket]!;
  const next = DAY_BUCKET_FLOORS[bucket + 1];
  if (bucket <= 30 || next === undefined) return floor;
  return Math.floor((floor + next - 1) / 2);
}

/** Adds `sign` to one bucket of a dense histogram, keeping it trimmed (no trailing zeros). Mutates. */
export function bumpHistogram(histogram: number[], bucket: number, sign: number): void {
  while (histogram.length <= bucket) histogram.push(0);
  histogram[bucket]! += sign;
  while (histogram.length > 0 && histogram[histogram.length - 1] === 0) histogram.pop();
}

/** Adds every bucket of `from` into `into`. Mutates `into`. */
export function addHistogram(into: number[], from: readonly number[]): void {
  while (into.length < from.length) into.push(0);
  from.forEach((n, i) => (into[i]! += n));
}

/** How many entries a day histogram holds. */
export function histogramCount(histogram: readonly number[]): number {
  return histogram.reduce((a, b) => a + b, 0);
}

/**
 * The nearest-rank `p` percentile (0 < p ≤ 1) of a day histogram: the smallest bucket at or below
 * which at least p of the entries lie, as days; null when it is empty.
 */
export function histogramPercentile(histogram: readonly number[], p: number): number | null {
  const count = histogramCount(histogram);
  if (count === 0) return null;
  const rank = Math.max(1, Math.ceil(p * count));
  let seen = 0;
  for (let i = 0; i < histogram.length; i++) {
    seen += histogram[i]!;
    if (seen >= rank) return bucketDays(i);
  }
  return null;
}

/** Value buckets per octave: a bucket spans a factor of 2^(1/16), about 4.4 %. */
const VALUE_STEPS = 16;

/** The bucket of a deal value: 0 below 1, then sixteenths of an octave. */
export function valueBucket(value: number): number {
  return value < 1 ? 0 : 1 + Math.floor(VALUE_STEPS * Math.log2(value));
}

/**
 * Adds (sign 1) or removes (sign -1) a deal value in a value histogram: sorted
 * `[bucket, count, Σ value in integer thousandths, …]` triples. Mutates.
 */
export function bumpValues(histogram: number[], value: number, sign: 1 | -1): void {
  addToBucket(histogram, valueBucket(value), sign, sign * Math.round(value * 1000));
}

function addToBucket(histogram: number[], bucket: number, count: number, milli: number): void {
  let i = 0;
  while (i < histogram.length && histogram[i]! < bucket) i += 3;
  if (histogram[i] === bucket) {
    histogram[i + 1]! += count;
    histogram[i + 2]! += milli;
    if (histogram[i + 1] === 0) histogram.splice(i, 3);
  } else if (count !== 0) {
    histogram.splice(i, 0, bucket, count, milli);
  }
}

/** Adds every bucket of `from` into `into`. Mutates `into`. */
export function addValues(into: number[], from: readonly number[]): void {
  for (let i = 0; i < from.length; i += 3) addToBucket(into, from[i]!, from[i + 1]!, from[i + 2]!);
}

/**
 * The nearest-rank `p` percentile of a value histogram, read as the mean of the bucket it falls
 * in: exact when that bucket's values are all the same (deals at a list price), else within the
 * bucket's 4.4 %. Null when it is empty.
 */
export function valuesPercentile(histogram: readonly number[], p: number): number | null {
  let count = 0;
  for (let i = 1; i < histogram.length; i += 3) count += histogram[i]!;
  if (count === 0) return null;
  const rank = Math.max(1, Math.ceil(p * count));
  let seen = 0;
  for (let i = 0; i < histogram.length; i += 3) {
    seen += histogram[i + 1]!;
    if (seen >= rank) return histogram[i + 2]! / histogram[i + 1]! / 1000;
  }
  return null;
}
