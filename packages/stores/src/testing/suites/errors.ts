/**
 * Conformance: driver failures become `StoreError` (`STORE_FAILED`) without customer data.
 */
import { describe, expect, it } from 'vitest';
import { message } from '../fixtures.js';
import { expectCode } from '../context.js';
import type { SuiteContext } from '../context.js';

export function describeErrors(context: SuiteContext): void {
  describe('driver failures', () => {
    it('wrap as STORE_FAILED and never carry the customer text', async () => {
      const secret = 'ada.secret@example.com';
      // PostgreSQL text cannot hold NUL, so the driver rejects this row.
      const item = message({ id: context.id('msg'), conversationId: context.id('conv'), text: `${secret}\u0000` });
      const error = await expectCode(context.database().conversations.appendMessage(item), 'STORE_FAILED');
      const visible = JSON.stringify({ message: error.message, wire: error.toJSON(), details: error.details, cause: error.cause }) + String(error.cause);
      expect(visible).not.toContain(secret);
      expect(error.details.operation).toBe('conversations.appendMessage');
      expect(error.details.errorCode, 'the SQLSTATE of the driver error').toMatch(/^[0-9A-Z]{5}$/);
      expect(error.isRetryable).toBe(false);
    });
  });
}
