import { readFileSync } from 'node:fs';
import { createDeskRuntime } from '../../../cli/src/runtime.js';
const runtime = await createDeskRuntime({ inMemory: true });
const conv = await runtime.startConversation();
const conversation = (await runtime.database.conversations.get(conv.id))!;
for (const text of readFileSync(process.argv[2]!, 'utf8').split('\n').filter(Boolean)) {
  const d = await runtime.ports.triager.triage({ text, conversation });
  const agent = (i: string) => runtime.desk.routing.intentToAgent[i];
  console.log(d.reasoning.slice(0,80)); console.log(`${d.intent}(${agent(d.intent)})@${d.confidence.toFixed(2)} | ${d.alternatives.slice(0, 2).map((a) => `${a.intent}(${agent(a.intent)})@${a.confidence.toFixed(2)}`).join(' ')} | urg=${d.urgency} fr=${d.sentiment.frustration.toFixed(2)} subtasks=${d.subtasks.map((s) => s.intent).join('+')} :: ${text}`);
}
await runtime.close();
