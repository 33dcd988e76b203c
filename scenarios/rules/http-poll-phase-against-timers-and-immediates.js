// Rule: the server's request callback runs in the poll phase, each read in a callback scope of
// its own: the ticks and promise jobs it queues run right after it, its immediate in that
// iteration's check phase, and a timer of 0 ms it sets after that immediate, whether the timers
// run at the next iteration's start (before 20.3) or at this one's end.
// Source: libuv src/unix/core.c uv_run (poll, check, then timers); Node src/api/callback.cc
// InternalCallbackScope::Close (ticks, then microtasks).
const http = require('http');
const server = http.createServer((req, res) => {
  console.log('request');
  setTimeout(() => console.log('timeout from request'), 0);
  setImmediate(() => console.log('immediate from request'));
  process.nextTick(() => console.log('tick from request'));
  Promise.resolve().then(() => console.log('promise from request'));
  res.end('x');
});
server.listen(0, () => {
  http.get({ host: '127.0.0.1', port: server.address().port }, (res) => {
    res.resume();
    res.on('end', () => server.close());
  });
});
