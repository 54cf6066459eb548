/** The orchestration benchmark runs both sides on the same workload and checks every run's reply. */
import { describe, expect, it } from 'vitest';
import { runOrchestrationBench } from './orchestration.js';

describe('runOrchestrationBench', () => {
  it('measures ours, the orchestrator alone and @openai/agents on the same scripted workload', async () => {
    const report = await runOrchestrationBench({ runs: 20, warmup: 5, rounds: 2 });
    expect(report.ours).toMatchObject({ modelCallsPerRun: 4 });
    expect(report.ours.msPerRun).toBeGreaterThan(0);
    expect(report.oursOrchestratorOnly.msPerRun).toBeGreaterThan(0);
    expect(report.openaiAgents).toMatchObject({ modelCallsPerRun: 3, version: expect.stringMatching(/^\d+\.\d+\.\d+/) as unknown });
    expect(report.ratio).toBeCloseTo(report.ours.msPerRun / report.openaiAgents!.msPerRun, 1);
    expect(report.target).toBe(0.5);
    expect(report.isolation).toBe('process');
    expect(report.rounds).toBe(2);
  });

  it('can run every side in this process instead (isolation: shared)', async () => {
    const report = await runOrchestrationBench({ runs: 10, warmup: 2, rounds: 50, isolation: 'shared' });
    expect(report.isolation).toBe('shared');
    expect(report.rounds).toBe(10);
    expect(report.ours).toMatchObject({ modelCallsPerRun: 4 });
    expect(report.openaiAgents).toMatchObject({ modelCallsPerRun: 3 });
    expect(report.ours.msPerRun).toBeGreaterThan(0);
  });
});
