// crypto's key derivations check their arguments before the thread pool sees them, as each
// version words it: a missing callback (ERR_INVALID_CALLBACK, then validateFunction from 18), a
// digest left out (checked before the callback), randomBytes without a callback being
// synchronous, and randomBytes(0, cb) calling back at once from 15 (lib/internal/crypto/
// pbkdf2.js, scrypt.js, random.js).
const crypto = require('crypto');
const attempts = [
  ['pbkdf2 without a callback', () => crypto.pbkdf2('pw', 'salt', 1, 8, 'sha256')],
  ['pbkdf2 without a digest', () => crypto.pbkdf2('pw', 'salt', 1, 8, () => {})],
  ['scrypt without a callback', () => crypto.scrypt('pw', 'salt', 8)],
  ['randomBytes with a number as callback', () => crypto.randomBytes(4, 5)],
];
for (const [what, attempt] of attempts) {
  try {
    attempt();
    console.log(what, 'returned');
  } catch (err) {
    console.log(what, 'threw', err.name, err.code, err.message);
  }
}
const bytes = crypto.randomBytes(16);
console.log('randomBytes(16) gives', bytes.length, 'bytes at once');
console.log('pbkdf2Sync gives', crypto.pbkdf2Sync('pw', 'salt', 10, 100, 'sha512').length, 'bytes');
console.log('scryptSync gives', crypto.scryptSync('pw', 'salt', 24).length, 'bytes');
let returned = false;
crypto.randomBytes(0, (err, buf) => {
  console.log('randomBytes(0) called back', returned ? 'later' : 'before returning', err, buf.length);
});
returned = true;
console.log('randomBytes(0) returned');
