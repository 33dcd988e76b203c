// Rule: pbkdf2Sync and scryptSync do their work on the main thread: the loop starts only after
// them, so a setTimeout(0) made before is due by the first timers phase and runs before the
// setImmediate (without them this is the timeout-vs-immediate race).
// Source: lib/internal/crypto/pbkdf2.js pbkdf2Sync, scrypt.js scryptSync (kCryptoJobSync: the
// job runs in the calling thread); libuv src/unix/core.c uv_run (timers before check).
const crypto = require('crypto');
setTimeout(() => console.log('timeout'), 0);
setImmediate(() => console.log('immediate'));
const key = crypto.pbkdf2Sync('secret', 'salt', 20000, 64, 'sha512');
const other = crypto.scryptSync('secret', 'salt', 32);
console.log('derived', key.length, other.length);
