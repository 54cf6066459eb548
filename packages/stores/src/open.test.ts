import { describe, expect, it } from 'vitest';
import { openDatabase } from './index.js';
import type { OpenDatabaseOptions } from './index.js';

describe('openDatabase options', () => {
  const invalid: [string, OpenDatabaseOptions, string][] = [
    ['a url that is not PostgreSQL', { url: 'mysql://localhost/test' }, 'url'],
    ['an empty url', { url: '' }, 'url'],
    ['url with inMemory', { url: 'postgres://localhost/test', inMemory: true }, 'inMemory'],
    ['dataDir with inMemory', { dataDir: '/tmp/x', inMemory: true }, 'dataDir'],
    ['schema without url', { schema: 'tenant_a', inMemory: true }, 'schema'],
    ['a schema that is not a plain identifier', { url: 'postgres://localhost/test', schema: 'a"; drop table x; --' }, 'schema'],
  ];
  it.each(invalid)('rejects %s with CONFIG_INVALID naming the field', async (_label, options, field) => {
    await expect(openDatabase(options)).rejects.toMatchObject({ code: 'CONFIG_INVALID', details: { field } });
  });

  it('reports an unreachable server as a retryable STORE_FAILED without the URL credentials', async () => {
    const error: unknown = await openDatabase({ url: 'postgres://alice:s3cret@127.0.0.1:1/test' }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'STORE_FAILED', isRetryable: true, details: { operation: 'database.open' } });
    expect(JSON.stringify(error) + String((error as Error).message)).not.toContain('s3cret');
  });
});
