// Rule: each hop of a loopback HTTP exchange is read by the next poll phase: the accept and the
// connect (the poll after the connect, made from a tick for an address), the request (the
// accepted socket is read from the poll after: epoll is told of it at that poll's start), the
// response (the poll after the server wrote it). The client's 'close' is in the close phase of the
// poll that read the server's FIN (a short read leaves it to the next poll: 16 and before), of the
// same iteration when its own shutdown runs from the pending queue (libuv 1.44.2: 18.13, 19.1),
// or comes from a tick at the response's end (keep-alive: 19+).
// Source: libuv src/unix/linux.c uv__io_poll (the watcher queue at the poll's start),
// src/unix/stream.c uv__read (a short read ends the reading), uv_shutdown (uv__io_feed, v1.44.2),
// src/unix/core.c uv_run; Node lib/net.js lookupAndConnect (an address: a tick).
const http = require('http');
let it = 0;
const mark = () => { it++; if (it < 6) setImmediate(mark); };
mark();
const server = http.createServer((req, res) => { console.log('request@' + it); res.end('x'); });
server.on('connection', () => console.log('connection@' + it));
server.listen(0, '127.0.0.1', () => {
  http.get({ host: '127.0.0.1', port: server.address().port }, (res) => {
    console.log('response@' + it);
    res.on('data', () => console.log('data@' + it));
    res.on('end', () => { console.log('end@' + it); server.close(); });
  }).on('close', () => console.log('close@' + it));
});
