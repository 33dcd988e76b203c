// util.callbackify: the callback is called from a process.nextTick queued by a .then on the
// function's promise; a falsy rejection becomes ERR_FALSY_VALUE_REJECTION.
'use strict';
const util = require('util');
const log = (s) => console.log(s);
function chain(tag, n) {
  let p = Promise.resolve();
  for (let i = 1; i <= n; i++) p = p.then(() => log(tag + ' ' + i));
}
async function ok(v) { return v + '!'; }
async function bad() { throw new Error('bad'); }
function nullReject() { return Promise.reject(null); }
const cbOk = util.callbackify(ok);
log('name ' + cbOk.name + ' length ' + cbOk.length);
cbOk('a', (err, v) => {
  log('ok cb ' + err + ' ' + v);
  process.nextTick(() => log('tick from ok cb'));
});
util.callbackify(bad)((err) => log('bad cb ' + err.message));
util.callbackify(nullReject)((err) => log('null cb ' + err.code + ' ' + err.message + ' ' + err.reason));
process.nextTick(() => log('tick'));
chain('c', 4);
try {
  cbOk('a');
} catch (e) {
  log('no callback: ' + e.code);
}
