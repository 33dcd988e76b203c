// Rule: every event of one http.get to the program's own server, in Node's order. The server's
// request and response end within the request's read (its ticks); the client's response comes in
// the next poll phase. What closes when is the version's: the request's 'close' is emitted by
// resOnFinish before 'finish' (10, 11), by clearIncoming after 'end' (12.17 to 15), by the
// request's autoDestroy (16+); from 19 the global agent keeps the connection alive, so the client
// request's 'close' comes from a tick at the response's end (emitFreeNT) and server.close() closes
// the idle connection; before, both ends shut down and the client's sockets close in a later
// iteration's close phase.
// Source: lib/_http_server.js resOnFinish, clearIncoming, httpServerPreClose; lib/_http_client.js
// responseOnEnd, responseKeepAlive, emitFreeNT, socketCloseListener; lib/_http_agent.js
// globalAgent; lib/_http_incoming.js (autoDestroy from 16); lib/net.js afterConnect, destroySoon.
const http = require('http');
const server = http.createServer((req, res) => {
  console.log('request', req.method, req.url);
  req.on('data', () => console.log('req data'));
  req.on('end', () => console.log('req end'));
  req.on('close', () => console.log('req close'));
  res.on('finish', () => console.log('res finish'));
  res.on('close', () => console.log('res close'));
  res.end('hello');
  console.log('after res.end');
});
server.on('connection', () => console.log('connection'));
server.on('close', () => console.log('server close'));
server.listen(0, () => {
  console.log('listening');
  const creq = http.get({ port: server.address().port, path: '/x' }, (cres) => {
    console.log('response', cres.statusCode);
    cres.on('data', (d) => console.log('data', String(d)));
    cres.on('end', () => { console.log('end'); server.close(); });
    cres.on('close', () => console.log('cres close'));
  });
  creq.on('socket', () => console.log('creq socket'));
  creq.on('finish', () => console.log('creq finish'));
  creq.on('close', () => console.log('creq close'));
  setImmediate(() => console.log('immediate'));
  process.nextTick(() => console.log('tick'));
});
console.log('sync end');
