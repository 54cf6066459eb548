import { reviewReply } from '@switchboard/core';
import { describe, expect, it } from 'vitest';
import { runQaBench, summarizeQaBench } from './bench.js';
import { generateQaDrafts } from './generate.js';
import { QA_PLANTS } from './plants.js';
import { QA_SCENARIOS } from './scenarios.js';

describe('QA benchmark drafts', () => {
  const drafts = generateQaDrafts();

  it('are ≥ 120, half grounded and half with exactly one planted fact, over every scenario and plant kind', () => {
    expect(drafts.length).toBeGreaterThanOrEqual(120);
    expect(drafts.filter((draft) => draft.planted)).toHaveLength(drafts.length / 2);
    expect(new Set(drafts.map((draft) => draft.scenario))).toEqual(new Set(QA_SCENARIOS));
    expect(new Set(drafts.flatMap((draft) => (draft.planted ? [draft.planted.kind] : [])))).toEqual(new Set(QA_PLANTS));
  });

  it('plant a fact that is in the reply and nowhere in the evidence', () => {
    for (const draft of drafts) {
      if (!draft.planted) continue;
      expect(draft.input.reply).toContain(draft.planted.fact);
      // A wrong status is a word found elsewhere in the evidence; what matters is that it differs from the order's record.
      if (draft.planted.kind === 'order_status') continue;
      const evidence = [JSON.stringify(draft.input.evidence.toolOutputs), ...draft.input.evidence.knowledgeTexts, ...draft.input.evidence.conversationTexts].join('\n');
      expect(evidence).not.toContain(draft.planted.fact);
    }
  });

  it('are deterministic for a seed and differ across seeds', () => {
    expect(generateQaDrafts({ seed: 5, count: 40 })).toEqual(generateQaDrafts({ seed: 5, count: 40 }));
    expect(generateQaDrafts({ seed: 6, count: 40 })).not.toEqual(generateQaDrafts({ seed: 5, count: 40 }));
  });

  it('reject an odd or out-of-range count', () => {
    expect(() => generateQaDrafts({ count: 41 })).toThrow(/even integer/);
    expect(() => generateQaDrafts({ count: 10 })).toThrow(/even integer/);
  });
});

describe('runQaBench', () => {
  it('meets the QA gate targets: catch rate ≥ 0.95, false blocks ≤ 0.02', () => {
    const report = runQaBench();
    expect(report.failures.map((failure) => `${failure.id} ${failure.failure}`)).toEqual([]);
    expect(report.catchRate).toBeGreaterThanOrEqual(0.95);
    expect(report.falseBlockRate).toBeLessThanOrEqual(0.02);
    expect(report.falseRevisionRate).toBeLessThanOrEqual(0.05);
    expect(Object.keys(summarizeQaBench(report))).toEqual(['drafts', 'grounded', 'ungrounded', 'catchRate', 'falseBlockRate', 'falseRevisionRate', 'msPerReview']);
  });

  it('counts a miss when the reviewer approves, and a false block when it blocks a grounded draft', () => {
    const [grounded, ungrounded] = [generateQaDrafts({ count: 20 })[0]!, generateQaDrafts({ count: 20 })[10]!];
    const report = runQaBench({ drafts: [grounded, ungrounded], review: { deskEmails: [] } });
    expect(report).toMatchObject({ drafts: 2, grounded: 1, ungrounded: 1, catchRate: 1, falseBlockRate: 0 });
    const swapped = runQaBench({ drafts: [{ ...ungrounded, planted: undefined }, { ...grounded, planted: { kind: 'date', code: 'UNGROUNDED_DATE', fact: 'nothing' } }] });
    expect(swapped.catchRate).toBe(0);
    expect(swapped.failures.map((failure) => failure.failure).sort()).toEqual([reviewReply(ungrounded.input).verdict === 'block' ? 'false_block' : 'false_revision', 'missed'].sort());
  });
});
