/**
 * `scripted:demo`: an offline stand-in for a real model, so `switchboard chat --engine llm` runs
 * with no key and no network. It reads the prompt the engine built and plays each role with a few
 * transparent rules: triage by word overlap with the intents' names and labels, specialists that
 * call the order tool for an order id (or transfer to the agent that has it), and a judge that
 * approves. It is a demo and a smoke test, not a model: real answers need a real provider.
 */
import { reply, ScriptedLanguageModel, type ScriptedReply } from './scripted.js';
import type { LanguageModelV3, ModelCallOptions } from './types.js';

type PromptMessage = ModelCallOptions['prompt'][number];

const STOPWORDS = new Set(['the', 'and', 'for', 'you', 'your', 'with', 'what', 'this', 'that', 'have', 'are', 'was', 'not', 'can', 'about', 'from', 'want', 'would', 'like', 'please', 'hello', 'thanks', 'need', 'help', 'there', 'been', 'just', 'but', 'how', 'why', 'when', 'its', 'my', 'an', 'of', 'or', 'to', 'is', 'it', 'on', 'in', 'me', 'a', 'i']);
const ORDER_ID = /#?W\d{7}\b/i;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/;

const words = (text: string): string[] => (text.toLowerCase().match(/[a-z]{3,}/g) ?? []).filter((word) => !STOPWORDS.has(word));
const related = (left: string, right: string): boolean => left === right || (left.length >= 5 && right.length >= 5 && left.slice(0, 5) === right.slice(0, 5));

function textOf(message: PromptMessage | undefined): string {
  if (message === undefined) return '';
  if (typeof message.content === 'string') return message.content;
  return message.content.map((part) => (part.type === 'text' ? part.text : '')).join(' ');
}

const userTexts = (prompt: ModelCallOptions['prompt']): string[] => prompt.filter((message) => message.role === 'user').map(textOf);

/** Triage: the intent whose name and label share the most words with the message, each word weighted by 1 / (intents using it). */
function triage(call: ModelCallOptions): ScriptedReply {
  const system = textOf(call.prompt.find((message) => message.role === 'system'));
  const text = userTexts(call.prompt).at(-1) ?? '';
  const intents = [...system.matchAll(/^- ([a-z_]+) — ([A-Z_]+)(?: — (.*))?$/gm)].map((match) => ({ intent: match[1] ?? '', tokens: words(`${(match[1] ?? '').replace(/_/g, ' ')} ${match[3] ?? ''}`) }));
  const frequency = new Map<string, number>();
  for (const entry of intents) for (const token of new Set(entry.tokens)) frequency.set(token, (frequency.get(token) ?? 0) + 1);
  const message = words(text);
  let best = { intent: 'none', score: 0 };
  for (const entry of intents) {
    const score = [...new Set(entry.tokens)].filter((token) => message.some((word) => related(word, token))).reduce((sum, token) => sum + 1 / (frequency.get(token) ?? 1), 0);
    if (score > best.score) best = { intent: entry.intent, score };
  }
  const confidence = best.score >= 0.5 ? 0.9 : best.score > 0 ? 0.7 : 0.2;
  const humanRequested = /\b(human|person|real agent)\b/i.test(text);
  return reply.json({
    intent: best.intent,
    confidence,
    urgency: 'normal',
    subtasks: [{ text, intent: best.intent }],
    signals: { humanRequested, legalThreat: /\b(lawyer|sue|legal action)\b/i.test(text), abusive: false, language: 'en' },
    reasoning: best.score > 0 ? `demo model: word overlap ${best.score.toFixed(2)}` : 'demo model: no intent words',
  });
}

interface ToolInfo {
  name: string;
  description: string;
}

/** A final answer from the last tool result, or the next tool call it enables. */
function afterTool(call: ModelCallOptions, tools: readonly ToolInfo[]): ScriptedReply {
  const last = call.prompt.at(-1);
  const part = last?.role === 'tool' ? last.content.find((entry) => entry.type === 'tool-result') : undefined;
  const value = part?.output.type === 'json' ? (part.output.value as { ok?: boolean; output?: unknown; error?: { code?: string } } | null) : null;
  if (value?.ok !== true) {
    return reply.json({ reply: `I could not look that up (${value?.error?.code ?? 'error'}). Could you share the email address on your account?`, status: 'needs_info', confidence: 0.8, sources: [], awaiting: 'email' });
  }
  const output = value.output;
  if (typeof output === 'string') {
    const orderId = userTexts(call.prompt).join(' ').match(ORDER_ID)?.[0];
    if (orderId && tools.some((tool) => tool.name === 'get_order_details')) return reply.toolCall('get_order_details', { order_id: orderId.startsWith('#') ? orderId : `#${orderId}` });
    return reply.json({ reply: 'Thanks, you are verified. How can I help with your orders?', status: 'needs_info', confidence: 0.8, sources: [], awaiting: 'request' });
  }
  const order = output as { order_id?: string; status?: string; fulfillments?: { tracking_id?: string[] }[] };
  if (order.order_id && order.status) {
    const tracking = (order.fulfillments ?? []).flatMap((fulfillment) => fulfillment.tracking_id ?? []);
    const trackingLine = tracking.length > 0 ? ` Tracking number${tracking.length > 1 ? 's' : ''}: ${tracking.join(', ')}.` : '';
    return reply.json({ reply: `Order ${order.order_id} is ${order.status}.${trackingLine}`, status: 'resolved', confidence: 0.9, sources: [], awaiting: null });
  }
  return reply.json({ reply: 'Done. Is there anything else I can help with?', status: 'resolved', confidence: 0.8, sources: [], awaiting: null });
}

/** A specialist's step: act on an order id or email in the message, transfer, escalate, answer from knowledge, or ask. */
function specialist(call: ModelCallOptions): ScriptedReply {
  const tools: ToolInfo[] = (call.tools ?? []).flatMap((tool) => (tool.type === 'function' ? [{ name: tool.name, description: tool.description ?? '' }] : []));
  if (call.prompt.at(-1)?.role === 'tool') return afterTool(call, tools);
  const text = userTexts(call.prompt).at(-1) ?? '';
  const has = (name: string): boolean => tools.some((tool) => tool.name === name);
  const orderId = text.match(ORDER_ID)?.[0];
  if (/\b(human|person|real agent)\b/i.test(text) && has('escalate_to_human')) {
    return reply.toolCall('escalate_to_human', { reason: 'The customer asked for a person', priority: 'normal', reply: 'I am bringing in a colleague who will continue with you here.' });
  }
  const email = text.match(EMAIL)?.[0];
  if (email && has('find_user_id_by_email')) return reply.toolCall('find_user_id_by_email', { email });
  if (orderId) {
    if (has('get_order_details')) return reply.toolCall('get_order_details', { order_id: orderId.startsWith('#') ? orderId : `#${orderId}` });
    const transfer = tools.find((tool) => tool.name.startsWith('transfer_to_') && /\border/i.test(tool.description));
    if (transfer) return reply.toolCall(transfer.name, { reason: 'Order questions belong to the orders team', summary: `The customer asks about order ${orderId}.`, suggestedAction: 'Look up the order and tell the customer its status.' });
  }
  const system = textOf(call.prompt.find((message) => message.role === 'system'));
  const passage = system.match(/^\[([^\]]+)\] ([^:\n]+): (.+)$/m);
  if (passage) return reply.json({ reply: `${passage[3] ?? ''} (from our help article "${passage[2] ?? ''}")`, status: 'resolved', confidence: 0.8, sources: [passage[1] ?? ''], awaiting: null });
  return reply.json({ reply: 'Could you tell me a bit more, for example your order number (like #W1234567)?', status: 'needs_info', confidence: 0.8, sources: [], awaiting: 'details' });
}

/** The role of a call, from the structured output it asks for. */
function respond(call: ModelCallOptions): ScriptedReply {
  const format = call.responseFormat?.type === 'json' ? call.responseFormat.name : undefined;
  if (format === 'triage_decision') return triage(call);
  if (format === 'quality_review') return reply.json({ verdict: 'approve', issues: [], revisedReply: null });
  return specialist(call);
}

/** Creates the `scripted:demo` model (stateless; every call is answered from its prompt). */
export function createDemoModel(): LanguageModelV3 {
  return new ScriptedLanguageModel([respond], { provider: 'scripted', modelId: 'demo', loop: true, recordCalls: false });
}
