// Rule: a client request is written to its socket when the socket connects. Before 14.17/15.7 the
// write waits in a 'connect' listener queued before the program's (the request's own 'socket'
// listener, _deferToConnect, runs first), so the request's 'finish' comes first; from then on the
// request is flushed after its 'socket' event, behind the program's 'connect' listener.
// Source: lib/_http_client.js ClientRequest (_deferToConnect), onSocketNT (req._flush());
// lib/net.js Socket.prototype._writeGeneric (a write while connecting waits for 'connect').
const http = require('http');
const server = http.createServer((req, res) => res.end());
server.listen(0, () => {
  const req = http.get({ host: '127.0.0.1', port: server.address().port }, (res) => {
    res.resume();
    res.on('end', () => server.close());
  });
  req.on('socket', (socket) => {
    console.log('socket');
    socket.on('connect', () => console.log('connect'));
  });
  req.on('finish', () => console.log('finish'));
});
