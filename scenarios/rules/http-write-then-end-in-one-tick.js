// Rule: res.write() corks the socket until a tick (connectionCorkNT); end() in the same tick
// uncorks it fully (12.16+, 13.3+), so both chunks go out in one write and 'finish' comes with its
// afterWriteTick; before, end() uncorks only once and everything waits for that tick, so the
// request's 'end' comes first. Each chunk of the chunked body is a 'data' event of its own.
// Source: lib/_http_outgoing.js write_ (connectionCorkNT), end; lib/internal/streams/writable.js
// uncork, clearBuffer, afterWriteTick.
const http = require('http');
const server = http.createServer((req, res) => {
  req.on('end', () => console.log('req end'));
  res.on('finish', () => console.log('res finish'));
  res.write('a');
  res.end('b');
  req.resume();
  console.log('after end');
});
server.listen(0, () => {
  http.get({ host: '127.0.0.1', port: server.address().port }, (res) => {
    res.on('data', (d) => console.log('data', String(d)));
    res.on('end', () => { console.log('end'); server.close(); });
  });
});
