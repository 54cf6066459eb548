/**
 * Replays of public datasets through the offline desk (issue 2's "Done when"). They read
 * `$SWITCHBOARD_DATA_DIR` in place; when the variable is set and a file is missing the test fails.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runReplay } from './commands/replay.js';
import { createDeskRuntime, type DeskRuntime } from './runtime.js';

const dataDir = process.env.SWITCHBOARD_DATA_DIR;

describe.skipIf(dataDir === undefined)('dataset replays (SWITCHBOARD_DATA_DIR)', () => {
  let runtime: DeskRuntime;
  const file = (path: string): string => {
    const full = join(dataDir!, path);
    expect(existsSync(full), `${full} is missing from SWITCHBOARD_DATA_DIR`).toBe(true);
    return full;
  };

  beforeAll(async () => {
    runtime = await createDeskRuntime({ inMemory: true });
  });
  afterAll(async () => {
    await runtime.close();
  });

  it('routes the Bitext test set at ≥ 0.95 category accuracy with no errors, every message answered', async () => {
    const report = await runReplay({ runtime, data: file('bitext-customer-support/Bitext_Sample_Customer_Service_Testing_Dataset.csv'), text: 'utterance', label: 'category' });
    expect(report.errors).toBe(0);
    expect(report.replied + report.escalated + report.clarified).toBe(report.n);
    expect(report.routeLabeled).toBe(report.n);
    expect(report.routeAccuracy).toBeGreaterThanOrEqual(0.95);
  });

  it.each(['sofmattress', 'curekart', 'powerplay11'])('replays the real HINT3 %s messages with no errors', async (bot) => {
    const report = await runReplay({ runtime, data: file(`hint3/dataset/v1/train/${bot}_train.csv`), text: 'sentence' });
    expect(report.errors).toBe(0);
    expect(report.replied + report.escalated + report.clarified).toBe(report.n);
  });

  it('replays real customer tweets with no errors', async () => {
    const report = await runReplay({ runtime, data: file('twcs-sample/sample.csv'), text: 'text' });
    expect(report.errors).toBe(0);
    expect(report.replied + report.escalated + report.clarified).toBe(report.n);
  });
});
