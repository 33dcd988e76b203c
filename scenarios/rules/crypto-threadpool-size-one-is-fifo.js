// Rule: crypto's jobs and fs's requests share one thread pool, first queued first; with one
// thread (UV_THREADPOOL_SIZE, read when the first request starts the pool) a long pbkdf2 holds
// it, and the stat and randomBytes queued after it wait, so the callbacks come in call order.
// Source: libuv src/threadpool.c (init_threads reads UV_THREADPOOL_SIZE; one queue, each worker
// takes its head); lib/internal/crypto/pbkdf2.js, random.js (one job each); lib/fs.js stat.
process.env.UV_THREADPOOL_SIZE = 1;
const crypto = require('crypto');
const fs = require('fs');
crypto.pbkdf2('secret', 'salt', 50000, 64, 'sha512', () => console.log('pbkdf2 1'));
fs.stat(__filename, () => console.log('stat'));
crypto.randomBytes(16, (err, buf) => console.log('randomBytes', buf.length));
crypto.pbkdf2('secret', 'salt', 1, 64, 'sha512', () => console.log('pbkdf2 2'));
crypto.scrypt('secret', 'salt', 32, { N: 1024 }, () => console.log('scrypt'));
