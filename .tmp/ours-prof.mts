import { createOursWorkload } from '../packages/eval/src/bench/orchestration-ours.js';
const w = createOursWorkload();
for (let i = 0; i < 3000; i++) await w.run();
const t = performance.now();
for (let i = 0; i < 10000; i++) await w.run();
console.log('ours', ((performance.now() - t) / 10000).toFixed(3));
