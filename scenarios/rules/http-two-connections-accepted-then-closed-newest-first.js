// Rule: two connects made in one tick are both ready in the next poll phase: the listening
// socket, in epoll first, is accepted before the clients' connects complete; libuv before 1.45
// accepts every waiting connection at once, from 1.45 (Node 20.3) one per poll phase, the next in
// the poll after. Sockets closed in one iteration run their close callbacks newest first (libuv's
// closing list is a stack): before 19 the second connection's 'close' comes first.
// Source: libuv src/unix/stream.c uv__server_io (the accept loop until v1.44, removed in 6c692ad1c),
// src/unix/core.c uv__make_close_pending, uv__run_closing_handles.
const http = require('http');
const server = http.createServer((req, res) => res.end(req.url));
server.on('connection', () => console.log('connection'));
server.listen(0, () => {
  let n = 0;
  for (const p of ['/1', '/2']) {
    const r = http.get({ host: '127.0.0.1', port: server.address().port, path: p }, (res) => {
      res.resume();
      res.on('end', () => { if (++n === 2) server.close(); });
    });
    r.on('socket', (s) => s.on('connect', () => console.log('connect ' + p)));
    r.on('close', () => console.log('close ' + p));
  }
});
