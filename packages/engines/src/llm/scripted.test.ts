/** The public scripted model double. */
import { generateText, streamText } from 'ai';
import { describe, expect, it } from 'vitest';
import { EngineError } from '@switchboard/core';
import { reply, ScriptedLanguageModel } from './scripted.js';

describe('ScriptedLanguageModel', () => {
  it('answers from its queue, records calls, and throws UNEXPECTED_ENGINE_CALL when it runs out', async () => {
    const model = new ScriptedLanguageModel([reply.text('one'), (call) => reply.text(`saw ${call.prompt.length} messages`)]);
    expect((await generateText({ model, prompt: 'a' })).text).toBe('one');
    expect((await generateText({ model, prompt: 'b' })).text).toBe('saw 1 messages');
    expect(model.calls).toHaveLength(2);
    const error: unknown = await generateText({ model, prompt: 'c', maxRetries: 0 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(EngineError);
    expect((error as EngineError).code).toBe('UNEXPECTED_ENGINE_CALL');
  });

  it('streams the same script, and loops when asked', async () => {
    const model = new ScriptedLanguageModel([reply.text('streamed text here')], { loop: true });
    for (let run = 0; run < 2; run += 1) expect(await streamText({ model, prompt: 'x' }).text).toBe('streamed text here');
  });
});
