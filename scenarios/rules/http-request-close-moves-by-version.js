// Rule: where a server's request emits 'close' depends on the version: in resOnFinish, before the
// program's 'finish' listeners (10, 11, 12.16); from clearIncoming, a listener of 'end' after the
// program's (12.17 to 15); from the request's own autoDestroy, a tick after the response's
// 'close' (16+). The client's response emits 'close' after the request's from the socket's close
// (before 16), or from its autoDestroy right after 'end' (16+).
// Source: lib/_http_server.js resOnFinish, clearIncoming; lib/_http_incoming.js IncomingMessage
// (autoDestroy), _destroy; lib/_http_client.js socketCloseListener.
const http = require('http');
const server = http.createServer((req, res) => {
  req.on('end', () => console.log('req end'));
  req.on('close', () => console.log('req close'));
  res.on('finish', () => console.log('res finish'));
  res.on('close', () => console.log('res close'));
  req.resume();
  res.end();
});
server.listen(0, () => {
  http.get({ host: '127.0.0.1', port: server.address().port }, (res) => {
    res.resume();
    res.on('end', () => { console.log('end'); server.close(); });
    res.on('close', () => console.log('res close (client)'));
  }).on('close', () => console.log('req close (client)'));
  server.on('close', () => console.log('server close'));
});
