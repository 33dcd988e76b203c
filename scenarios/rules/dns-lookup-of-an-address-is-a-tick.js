// Rule: dns.lookup of an address written as text (isIP is 4 or 6) asks nobody: its callback is
// queued with process.nextTick, so it runs among the ticks, in the order they were queued,
// before the promise jobs and long before any I/O.
// Source: lib/dns.js lookup (@v10.7.0 to @v24.21.0: `if (matchedFamily) { ...
// process.nextTick(callback, null, hostname, matchedFamily); return {}; }`).
const dns = require('dns');
process.nextTick(() => console.log('tick 1'));
dns.lookup('127.0.0.1', (err, address, family) => console.log('lookup', err, address, family));
Promise.resolve().then(() => console.log('promise'));
dns.lookup('::1', { all: true }, (err, list) => console.log('lookup all', err, JSON.stringify(list)));
process.nextTick(() => console.log('tick 2'));
setImmediate(() => console.log('immediate'));
