import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportJsonSchemas, HandoffPayloadV1Schema } from '@switchboard/core';

const directory = new URL('../../../schemas/', import.meta.url);

describe('committed JSON Schemas', () => {
  it('match the zod contracts (run `npm run switchboard -- schemas` after changing them)', () => {
    const generated = exportJsonSchemas();
    expect(readdirSync(directory).filter((name) => name.endsWith('.json')).sort()).toEqual(Object.keys(generated).sort());
    for (const [name, schema] of Object.entries(generated)) expect(JSON.parse(readFileSync(new URL(name, directory), 'utf8'))).toEqual(schema);
  });

  it('describe the HandoffPayload v1 fields a receiving system relies on', () => {
    const schema = JSON.parse(readFileSync(new URL('handoff-payload-v1.schema.json', directory), 'utf8')) as { required: string[] };
    expect(schema.required).toEqual(expect.arrayContaining(['version', 'handoffId', 'fromAgent', 'toAgent', 'summary', 'entities', 'resolutionState', 'handoffReason']));
    expect(Object.keys(HandoffPayloadV1Schema.shape)).toEqual(expect.arrayContaining(schema.required));
  });
});
