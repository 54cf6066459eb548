import { definePrompt } from './module.js';

/** `prompts/repair@1`: asks the model again after its final answer failed the JSON schema. */
export const repairPrompt = definePrompt<{ problem: string }>({
  name: 'prompts/repair',
  version: 1,
  render: ({ problem }) => `Your last answer was not the JSON object asked for (${problem}). Answer again with only that JSON object and nothing else.`,
});

/** `prompts/revise@1`: feeds the QA issues back so the agent rewrites its reply. */
export const revisePrompt = definePrompt<{ issues: readonly { code: string; message: string }[] }>({
  name: 'prompts/revise',
  version: 1,
  render: ({ issues }) =>
    `Quality review of your reply found:\n${issues.map((issue) => `- ${issue.code}: ${issue.message}`).join('\n')}\nRewrite the reply so it fixes every issue, using only facts from tool results, knowledge passages and the conversation. Answer with only the JSON object.`,
});
