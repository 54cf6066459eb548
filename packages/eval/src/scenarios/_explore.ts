import { readFileSync } from 'node:fs';
import { claimTicket, replyAsOperator, returnToBot, resolveTicket } from '@switchboard/core';
import { createDeskRuntime } from '../../../cli/src/runtime.js';
const t0 = performance.now();
const runtime = await createDeskRuntime({ inMemory: true });
console.log('startup ms', Math.round(performance.now() - t0));
const ids = await runtime.database.commerce.listUserIds({ limit: 1000 });
const users = [];
for (const id of ids) { const u = (await runtime.database.commerce.getUser(id))!; users.push({ u, flags: await runtime.ports.accounts!.flagsFor(id) }); }
const multi = users.filter((x) => x.u.orders.length >= 2 && x.flags.length === 0);
const c = multi[0]!.u; const o = multi[1]!.u;
const vip = users.find((x) => x.flags.includes('vip') && !x.flags.includes('at_risk'))!.u;
const risk = users.find((x) => x.flags.join() === 'at_risk')!.u;
const one = users.find((x) => x.u.orders.length === 1 && x.flags.length === 0)!.u;
const fill = (s: string) => s.replaceAll('{{email}}', c.email).replaceAll('{{o0}}', c.orders[0]!).replaceAll('{{o1}}', c.orders[1]!).replaceAll('{{other}}', o.orders[0]!).replaceAll('{{vip}}', vip.email).replaceAll('{{risk}}', risk.email).replaceAll('{{one}}', one.email).replaceAll('{{name}}', `${c.name.first_name} ${c.name.last_name}`).replaceAll('{{zip}}', c.address.zip);
const convs = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as (string | { op: string })[][];
const ports = { conversations: runtime.ports.conversations, tickets: runtime.ports.tickets, events: runtime.ports.events, clock: runtime.ports.clock, ids: runtime.ports.ids };
for (const steps of convs) {
  const conv = await runtime.startConversation();
  console.log('\n==========');
  let ticketId: string | undefined;
  let seen = 0;
  for (const step of steps) {
    if (typeof step !== 'string') {
      if (step.op === 'claim') await claimTicket({ ports, ticketId: ticketId!, operatorId: 'op' });
      if (step.op === 'reply') await replyAsOperator({ ports, ticketId: ticketId!, operatorId: 'op', text: 'hi from op' });
      if (step.op === 'resolve') await resolveTicket({ ports, ticketId: ticketId!, operatorId: 'op' });
      if (step.op === 'return') await returnToBot({ ports, ticketId: ticketId!, operatorId: 'op', note: 'n', verifiedCustomerId: c.user_id, resumeIntent: { intent: 'track_order', agentId: 'orders' } });
      console.log('OP', step.op); continue;
    }
    const text = fill(step);
    const s = performance.now();
    const out = await runtime.runTurn({ conversationId: conv.id, text });
    if (out.ticket) ticketId = out.ticket.id;
    const events = (await runtime.database.events.list(conv.id)).slice(seen); seen += events.length;
    console.log(`> ${text}   [${Math.round(performance.now() - s)}ms]`);
    console.log(`  outcome=${out.outcome} intent=${out.triage?.intent}@${out.triage?.confidence.toFixed(2)} alts=${JSON.stringify(out.triage?.alternatives.slice(0,2).map(a=>[a.intent,+a.confidence.toFixed(2)]))} urg=${out.triage?.urgency} sent=${out.triage?.sentiment.label}/${out.triage?.sentiment.frustration.toFixed(2)} sig=${JSON.stringify(out.triage?.signals)}`);
    for (const e of events) if (e.type !== 'triage' && e.type !== 'resolution') console.log(`  ${e.type} ${e.agentId ?? ''} ${JSON.stringify(e.type === 'handoff' ? { from: (e.data.payload as {fromAgent:string}).fromAgent, to: (e.data.payload as {toAgent:string}).toAgent } : e.data).slice(0, 200)}`);
    for (const r of out.replies) console.log(`  [${r.author}] ${r.text.replace(/\n/g, ' ⏎ ').slice(0, 400)}`);
  }
}
await runtime.close();
