import { reviewReply, checkOutput, type User } from '@switchboard/core';
import { KNOWLEDGE_ARTICLES } from '@switchboard/demo-store';
import { createDeskRuntime } from './runtime.js';
const runtime = await createDeskRuntime({ inMemory: true });
const ids = await runtime.database.commerce.listUserIds({ limit: 60 });
const users = (await Promise.all(ids.map((id) => runtime.database.commerce.getUser(id)))).filter((u): u is User => !!u && u.orders.length > 0);
const questions = (u: User) => [
  ['where is my order?', u.email, u.orders[0]!],
  [`I need the invoice for order ${u.orders[0]}`, u.email],
  [`where is my refund for ${u.orders.at(-1)}?`, u.email],
  ['how much is the espresso machine?'],
  ['what is your return policy?'], ['how long does delivery take?'], ['do you ship internationally?'], ['how do I reset my password?'],
  ['what is the warranty?'], ['how can I contact you?'], ['I want to talk to a human'], ['my package arrived damaged', u.email],
];
let total = 0; const bad: string[] = [];
for (const u of users.slice(0, 12)) {
  for (const q of questions(u)) {
    const conv = await runtime.startConversation();
    const texts: string[] = [];
    for (const text of q) {
      texts.push(text);
      const outcome = await runtime.runTurn({ conversationId: conv.id, text });
      const reply = outcome.replies.map((r) => r.text).join('\n');
      const orders = await Promise.all(u.orders.map((id) => runtime.database.commerce.getOrder(id)));
      const products = await Promise.all(Object.keys((await runtime.database.commerce.counts()) ? {} : {}).map(() => undefined));
      const allProducts = [];
      for (const name of ['Espresso Machine']) { /* product tool outputs */ }
      const tickets = conv.id ? await runtime.database.tickets?.list?.({}) : [];
      const review = reviewReply({ reply, evidence: { toolOutputs: [u, ...orders, ...(tickets ?? [])], knowledgeTexts: KNOWLEDGE_ARTICLES.map((a) => a.body), conversationTexts: texts }, customerEmails: [u.email], sentiment: { label: 'neutral', frustration: 0 }, subtasks: [], answeredIntents: [] });
      const out = checkOutput(reply, { customerEmails: [u.email] });
      total++;
      if (review.verdict !== 'approve' || out.action !== 'allow') bad.push(`${review.verdict}/${out.action} ${JSON.stringify(review.issues.map(i=>[i.code,i.fact]))} ${out.reasons} :: ${reply.replace(/\n/g,' | ')}`);
      texts.push(reply);
    }
  }
}
console.log(total, bad.length); for (const b of bad) console.log(b);
await runtime.close();
