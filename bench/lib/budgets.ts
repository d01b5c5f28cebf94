/**
 * The performance budgets of DESIGN §6, by kind of endpoint. A ratio is the endpoint's
 * requests per second divided by its bare baseline's, measured in the same run.
 */

export type Baseline = 'json' | 'html';
export type EndpointKind = 'baseline' | 'single' | 'list' | 'page';

export interface Budget {
  baseline: Baseline;
  /** Lowest acceptable ratio to the baseline's requests per second. */
  minRatio: number;
  /** Highest acceptable p99 latency in milliseconds, when the design sets one. */
  maxP99Ms: number | null;
  text: string;
}

export const BUDGETS: Record<Exclude<EndpointKind, 'baseline'>, Budget> = {
  single: {
    baseline: 'json',
    minRatio: 0.5,
    maxP99Ms: 15,
    text: 'single read: ≥ 50% of bare JSON, p99 ≤ 15 ms',
  },
  list: {
    baseline: 'json',
    minRatio: 0.2,
    maxP99Ms: 60,
    text: 'list with joins: ≥ 20% of bare JSON, p99 ≤ 60 ms',
  },
  page: {
    baseline: 'html',
    minRatio: 0.5,
    maxP99Ms: null,
    text: 'public page: ≥ 50% of bare HTML',
  },
};

/** Server RSS after the run, in bytes. */
export const RSS_BUDGET_BYTES = 300 * 1024 * 1024;

export interface Verdict {
  pass: boolean;
  /** Why it failed, e.g. "ratio 31% < 50%". */
  failures: string[];
}

export function judge(budget: Budget, ratio: number, p99: number): Verdict {
  const failures: string[] = [];
  if (!(ratio >= budget.minRatio)) {
    failures.push(
      `ratio ${(ratio * 100).toFixed(1)}% < ${(budget.minRatio * 100).toFixed(0)}% of bare ${budget.baseline.toUpperCase()}`,
    );
  }
  if (budget.maxP99Ms !== null && !(p99 <= budget.maxP99Ms)) {
    failures.push(`p99 ${p99.toFixed(2)} ms > ${budget.maxP99Ms} ms`);
  }
  return { pass: failures.length === 0, failures };
}
