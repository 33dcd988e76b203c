// dns.lookup as quizzes call it: an address given as text comes back as it is, with its family
// (a list with { all: true }); a missing callback throws as each version words it (lib/dns.js
// lookup: validateFunction from 18, ERR_INVALID_CALLBACK before).
const dns = require('dns');
dns.lookup('10.0.0.1', (err, address, family) => console.log(err, address, family));
dns.lookup('2001:db8::1', 0, (err, address, family) => console.log(err, address, family));
dns.lookup('192.168.1.1', { all: true }, (err, list) => console.log(err, list));
dns.lookup('localhost', { all: true }, (err, list) => console.log(err, list));
try {
  dns.lookup('127.0.0.1');
} catch (err) {
  console.log(err.name, err.code, err.message);
}
console.log(typeof dns.lookup('127.0.0.1', () => {}));
