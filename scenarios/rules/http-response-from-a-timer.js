// Rule: a response sent from a timer goes out in that timers phase; the client reads it in the
// poll phase that follows, in the same iteration. The request has ended meanwhile (its resume_
// and endReadableNT ticks ran after the read).
// Source: lib/_http_server.js parserOnIncoming; lib/internal/streams/readable.js resume_,
// endReadableNT; libuv src/unix/core.c uv_run (timers, then poll).
const http = require('http');
const server = http.createServer((req, res) => {
  console.log('request');
  req.on('end', () => console.log('req end'));
  req.resume();
  setTimeout(() => {
    console.log('timer');
    res.end('late');
  }, 5);
  setImmediate(() => console.log('immediate after request'));
});
server.listen(0, () => {
  http.get({ host: '127.0.0.1', port: server.address().port }, (res) => {
    console.log('response');
    res.on('data', (d) => console.log('data', String(d)));
    res.on('end', () => { console.log('end'); server.close(); });
  });
});
