import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

describe('@switchboard/core package boundary', () => {
  it('has zod as its only runtime dependency (DESIGN.md §2)', () => {
    const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { dependencies?: Record<string, string> };
    expect(Object.keys(manifest.dependencies ?? {})).toEqual(['zod']);
  });
});
