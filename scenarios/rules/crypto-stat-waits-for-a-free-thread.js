// Rule: crypto's jobs hold a thread of the pool for their whole work; with two threads, a short
// and a long pbkdf2 take them both, and an fs.stat queued after them waits for a free thread:
// it comes right after the short job, long before the long one, though by itself it takes a
// fraction of a millisecond.  (Two threads, not the default four: with more CPU-bound jobs
// than this 2-core machine has cores, real-time priority, as the recordings run node, keeps
// the main thread from waking until a job ends.)
// Source: libuv src/threadpool.c (init_threads reads UV_THREADPOOL_SIZE; a request waits in the
// queue for a free worker); lib/internal/crypto/pbkdf2.js (one job per call); lib/fs.js stat.
process.env.UV_THREADPOOL_SIZE = 2;
const crypto = require('crypto');
const fs = require('fs');
crypto.pbkdf2('secret', 'salt', 20000, 64, 'sha512', () => console.log('short pbkdf2 done'));
crypto.pbkdf2('secret', 'salt', 200000, 64, 'sha512', () => console.log('long pbkdf2 done'));
fs.stat(__filename, () => console.log('stat'));
