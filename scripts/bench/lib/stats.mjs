// Order statistics for samples (nearest-rank percentiles; medians interpolate an even count).
export function percentile(samples, p) {
  if (samples.length === 0) return null;
  const s = [...samples].sort((a, b) => a - b);
  if (p === 50 && s.length % 2 === 0) return (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

/** Raw samples are kept with a summary up to this many (a spread can be computed again from results.json). */
const KEEP_SAMPLES = 5000;

/** { n, median, p95, p99, min, max } rounded to `digits`, with the samples themselves when there are not too many. */
export function summary(samples, digits = 3) {
  const r = (v) => (v === null ? null : Number(v.toFixed(digits)));
  return {
    n: samples.length,
    median: r(percentile(samples, 50)),
    p95: r(percentile(samples, 95)),
    p99: r(percentile(samples, 99)),
    min: r(Math.min(...samples)),
    max: r(Math.max(...samples)),
    ...(samples.length <= KEEP_SAMPLES ? { samples: samples.map(r) } : {}),
  };
}

export const ratio = (a, b) => (b > 0 ? Number((a / b).toFixed(3)) : null);

/**
 * A p-th percentile robust to bursts of other work on a shared machine: the samples are cut into `blocks`
 * consecutive runs, each gets its own percentile, and the median of those is returned.
 */
export function blockPercentile(samples, p, blocks, digits = 3) {
  const size = Math.ceil(samples.length / blocks);
  const per = [];
  for (let i = 0; i < samples.length; i += size) per.push(percentile(samples.slice(i, i + size), p));
  return Number(percentile(per, 50).toFixed(digits));
}
