// Rule: crypto.pbkdf2's callback comes from its thread-pool job's completion, in the poll phase,
// in a callback scope of its own: the ticks and promise jobs it queues run right after it,
// before the check phase's immediates; a timer due by then has run in the timers phase first.
// Source: lib/internal/crypto/pbkdf2.js (job.ondone calls the callback; v10, v12: the request's
// ondone is the wrapped callback); src/crypto/crypto_util.h CryptoJob::AfterThreadPoolWork
// (MakeCallback); libuv src/threadpool.c uv__work_done in the poll phase.
const crypto = require('crypto');
crypto.pbkdf2('secret', 'salt', 100000, 64, 'sha512', (err, key) => {
  console.log('pbkdf2', err, key.length);
  process.nextTick(() => console.log('tick from pbkdf2'));
  Promise.resolve().then(() => console.log('promise from pbkdf2'));
  setImmediate(() => console.log('immediate from pbkdf2'));
  setTimeout(() => console.log('timeout from pbkdf2'), 0);
});
setTimeout(() => console.log('timeout 0'), 0);
setImmediate(() => console.log('immediate'));
process.nextTick(() => console.log('tick'));
