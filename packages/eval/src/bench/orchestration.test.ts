/** The orchestration benchmark runs both sides on the same workload and checks every run's reply. */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DOCUMENTED_AGENTS_BASELINE_MS, runOrchestrationBench } from './orchestration.js';

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

describe('runOrchestrationBench when a side process fails', () => {
  const sideEntry = fileURLToPath(new URL('./orchestration-side.fixture.ts', import.meta.url));
  let pids: string;

  beforeEach(() => {
    pids = mkdtempSync(join(tmpdir(), 'bench-pids-'));
    process.env.SWITCHBOARD_BENCH_PIDS = pids;
  });
  afterEach(() => {
    delete process.env.SWITCHBOARD_BENCH_FAULT;
    delete process.env.SWITCHBOARD_BENCH_PIDS;
    rmSync(pids, { recursive: true, force: true });
  });

  /** Whether every side process the fixture started has exited (waits up to 5 s). */
  async function allExited(): Promise<boolean> {
    const started = readdirSync(pids).map((file) => Number(readFileSync(join(pids, file), 'utf8')));
    expect(started.length).toBeGreaterThan(0);
    for (let waited = 0; waited < 5000; waited += 50) {
      if (started.every((pid) => !isRunning(pid))) return true;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return false;
  }

  it('rejects naming the side whose process exited, and stops the others', async () => {
    process.env.SWITCHBOARD_BENCH_FAULT = 'agents-exits';
    await expect(runOrchestrationBench({ runs: 4, warmup: 2, rounds: 2, sideEntry })).rejects.toThrow('bench side agents exited (code 3)');
    expect(await allExited()).toBe(true);
  });

  it('rejects when a run of ours produced the wrong reply, and stops every side', async () => {
    process.env.SWITCHBOARD_BENCH_FAULT = 'ours-wrong-reply';
    await expect(runOrchestrationBench({ runs: 4, warmup: 2, rounds: 2, sideEntry })).rejects.toThrow(/unexpected reply/);
    expect(await allExited()).toBe(true);
  });

  it('reports ours against the documented baseline when @openai/agents cannot load', async () => {
    process.env.SWITCHBOARD_BENCH_FAULT = 'agents-missing';
    const report = await runOrchestrationBench({ runs: 4, warmup: 2, rounds: 2, sideEntry });
    expect(report.openaiAgents).toBeNull();
    expect(report.agentsError).toContain('@openai/agents');
    expect(report.ours.msPerRun).toBe(0.01);
    expect(report.ratio).toBe(Math.round((0.01 / DOCUMENTED_AGENTS_BASELINE_MS) * 100) / 100);
    expect(await allExited()).toBe(true);
  });
});

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
