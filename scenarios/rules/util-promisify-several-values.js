// Rule: util.promisify of a function whose callback gets several values resolves an object of
// them, named as the function says (customPromisifyArgs): fs.read { bytesRead, buffer },
// fs.write { bytesWritten, buffer }, dns.lookup { address, family }; another function gives
// its first value only.
// Source: lib/internal/util.js promisify (`argumentNames !== undefined && values.length > 1`);
// lib/fs.js and lib/dns.js: ObjectDefineProperty(read, customPromisifyArgs, ...).
const fs = require('fs');
const dns = require('dns');
const util = require('util');
async function main() {
  const fd = await util.promisify(fs.open)(__filename, 'r');
  console.log('open', typeof fd);
  const r = await util.promisify(fs.read)(fd, Buffer.alloc(5), 0, 5, 3);
  console.log('read', Object.keys(r), r.bytesRead, r.buffer.toString());
  console.log('lookup', await util.promisify(dns.lookup)('127.0.0.1'));
  const out = await util.promisify(fs.open)('loopsim-promisify.txt', 'w');
  console.log('write', await util.promisify(fs.write)(out, 'xyz'));
  fs.closeSync(out);
  fs.unlinkSync('loopsim-promisify.txt');
}
main();
