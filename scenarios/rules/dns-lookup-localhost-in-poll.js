// Rule: dns.lookup of a name is a getaddrinfo request of libuv's thread pool; its callback
// comes from the request's completion in the poll phase, in a callback scope of its own: the
// tick it queues runs right after it, its immediate in that iteration's check phase, before a
// timer due later.
// Source: lib/dns.js lookup (cares.getaddrinfo with req.oncomplete = onlookup); src/cares_wrap.cc
// GetAddrInfo (uv_getaddrinfo), AfterGetAddrInfo (MakeCallback); libuv src/unix/getaddrinfo.c
// (uv__work_submit, UV__WORK_SLOW_IO).
const dns = require('dns');
dns.lookup('localhost', (err, address, family) => {
  console.log('lookup', err, address, family);
  setImmediate(() => console.log('immediate from lookup'));
  process.nextTick(() => console.log('tick from lookup'));
});
setTimeout(() => console.log('timeout 40'), 40);
process.nextTick(() => console.log('tick'));
