/**
 * `switchboard bench qa`: how well the QA gate's rules reviewer catches one planted ungrounded
 * fact, and how rarely it blocks or revises a grounded reply.
 */
import { reviewReply, type QualityReview, type ReviewReplyOptions } from '@switchboard/core';
import { percentile } from '../stats.js';
import { generateQaDrafts, type GenerateQaDraftsOptions, type QaDraft } from './generate.js';

/** The numbers `switchboard bench qa --json` prints. Rates are shares in [0, 1], rounded to 4 decimals. */
export interface QaBenchSummary {
  drafts: number;
  grounded: number;
  ungrounded: number;
  /** Ungrounded drafts not approved (revise or block) whose issues name the planted fact. */
  catchRate: number;
  /** Grounded drafts blocked. */
  falseBlockRate: number;
  /** Grounded drafts revised. */
  falseRevisionRate: number;
  /** Time per `reviewReply` call, in milliseconds (0.001 ms resolution). */
  msPerReview: { p50: number; p99: number };
}

/** One draft the reviewer got wrong, for reading the misses. */
export interface QaBenchFailure {
  id: string;
  scenario: string;
  /** `missed` (ungrounded and approved, or the planted fact not named), `false_block`, `false_revision`. */
  failure: 'missed' | 'false_block' | 'false_revision';
  planted?: { kind: string; code: string; fact: string };
  review: QualityReview;
  reply: string;
}

/** The summary plus every failure and the catch rate per planted kind. */
export interface QaBenchReport extends QaBenchSummary {
  failures: QaBenchFailure[];
  catchRateByPlant: Record<string, number>;
}

/** Options of {@link runQaBench}: the drafts' seed and count, and the reviewer's options. */
export interface RunQaBenchOptions extends GenerateQaDraftsOptions {
  review?: ReviewReplyOptions;
  /** Drafts to review instead of generating them. */
  drafts?: readonly QaDraft[];
}

const normalize = (text: string): string => text.toLowerCase().replace(/[^a-z0-9@.]/g, '').replace(/\.$/, '');
const round = (value: number): number => Math.round(value * 10_000) / 10_000;

/** Whether the review names the planted fact (the issue's `fact` and the planted text agree after normalization). */
function names(review: QualityReview, fact: string): boolean {
  const planted = normalize(fact);
  return review.issues.some((issue) => {
    const found = normalize(issue.fact ?? '');
    return found !== '' && (found.includes(planted) || planted.includes(found));
  });
}

/**
 * Reviews every draft with `reviewReply` and scores it: catch rate on ungrounded drafts, false
 * blocks and false revisions on grounded ones, and the review time.
 *
 * @returns the report; `failures` lists each miss, false block and false revision.
 * @throws InvalidInputError `INVALID_INPUT` for an invalid `count` (see {@link generateQaDrafts}).
 */
export function runQaBench(options: RunQaBenchOptions = {}): QaBenchReport {
  const drafts = options.drafts ?? generateQaDrafts(options);
  const timings: number[] = [];
  const failures: QaBenchFailure[] = [];
  const plants = new Map<string, { total: number; caught: number }>();
  let caught = 0;
  let blocked = 0;
  let revised = 0;
  for (const draft of drafts) {
    const started = performance.now();
    const review = reviewReply(draft.input, options.review);
    timings.push(performance.now() - started);
    const base = { id: draft.id, scenario: draft.scenario, review, reply: draft.input.reply };
    if (draft.planted) {
      const hit = review.verdict !== 'approve' && names(review, draft.planted.fact);
      const tally = plants.get(draft.planted.kind) ?? { total: 0, caught: 0 };
      plants.set(draft.planted.kind, { total: tally.total + 1, caught: tally.caught + (hit ? 1 : 0) });
      if (hit) caught += 1;
      else failures.push({ ...base, failure: 'missed', planted: draft.planted });
    } else if (review.verdict === 'block') {
      blocked += 1;
      failures.push({ ...base, failure: 'false_block' });
    } else if (review.verdict === 'revise') {
      revised += 1;
      failures.push({ ...base, failure: 'false_revision' });
    }
  }
  const ungrounded = drafts.filter((draft) => draft.planted).length;
  const grounded = drafts.length - ungrounded;
  const rate = (part: number, whole: number): number => (whole === 0 ? 0 : round(part / whole));
  const ms = (value: number): number => Math.round(value * 1000) / 1000;
  return {
    drafts: drafts.length,
    grounded,
    ungrounded,
    catchRate: rate(caught, ungrounded),
    falseBlockRate: rate(blocked, grounded),
    falseRevisionRate: rate(revised, grounded),
    msPerReview: { p50: ms(percentile(timings, 50)), p99: ms(percentile(timings, 99)) },
    failures,
    catchRateByPlant: Object.fromEntries([...plants].map(([kind, tally]) => [kind, rate(tally.caught, tally.total)])),
  };
}

/** The report without its details: exactly what `bench qa --json` prints. */
export function summarizeQaBench(report: QaBenchReport): QaBenchSummary {
  const { drafts, grounded, ungrounded, catchRate, falseBlockRate, falseRevisionRate, msPerReview } = report;
  return { drafts, grounded, ungrounded, catchRate, falseBlockRate, falseRevisionRate, msPerReview };
}
