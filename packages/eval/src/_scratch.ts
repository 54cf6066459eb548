import { runQaBench } from './qa/index.js';
const r = runQaBench();
const { failures, ...rest } = r;
console.log(JSON.stringify(rest));
for (const f of failures) console.log('---', f.id, f.scenario, f.failure, JSON.stringify(f.planted), f.review.verdict, JSON.stringify(f.review.issues.map(i => [i.code, i.fact]))), console.log(f.reply);
