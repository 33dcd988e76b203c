// an ES module: imports, top-level await, import.meta, exports, dynamic import of a builtin
import { EventEmitter, once } from 'node:events';
import * as timers from 'node:timers/promises';
import process from 'node:process';
export const value = 1;
export default function named() { return 'default'; }
console.log(typeof import.meta.url, typeof EventEmitter, this);
setTimeout(() => console.log('timeout'), 0);
await timers.setImmediate();
console.log('after immediate');
const e = new EventEmitter();
queueMicrotask(() => e.emit('go', 'went'));
console.log(await once(e, 'go'));
const util = await import('node:util');
console.log(typeof util.promisify, process.argv.length > 0);
await new Promise(() => {}); // never settles: Node warns about the unsettled top-level await
