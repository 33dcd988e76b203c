// Source: https://nodejs.org/docs/latest-v16.x/api/process.html#when-to-use-queuemicrotask-vs-processnexttick (mjs example as
//   published in the v16-v22 docs; reported wrong in https://github.com/nodejs/node/issues/46914, corrected by
//   nodejs/node PR #56659, commit e1e1200b79); text as in the nodejs.cn copy https://nodejs.cn/api/v16/process/queuemicrotask_process_nexttick.html
// Claimed answer: 1 2 3 (the issue reports 2 3 1)
import { nextTick } from 'node:process';

Promise.resolve().then(() => console.log(2));
queueMicrotask(() => console.log(3));
nextTick(() => console.log(1));
// Output:
// 1
// 2
// 3
