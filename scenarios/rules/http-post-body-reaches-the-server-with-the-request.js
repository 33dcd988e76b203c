// Rule: a request's body written with end() in the same tick goes out with its head in one write
// once the socket connects, so the server reads both in one poll phase: 'request', then the
// body's 'data' and 'end' from the ticks after that read.
// Source: lib/_http_client.js (req.end, onSocketNT or _deferToConnect, _flush);
// lib/_http_outgoing.js _flushOutput (cork, the writes, uncork); lib/_http_common.js
// parserOnBody, parserOnMessageComplete.
const http = require('http');
const server = http.createServer((req, res) => {
  console.log('request', req.method, req.headers['content-length']);
  req.on('data', (d) => console.log('req data', String(d)));
  req.on('end', () => { console.log('req end'); res.end('ok'); });
});
server.listen(0, () => {
  const req = http.request({ host: '127.0.0.1', port: server.address().port, method: 'POST',
                             headers: { 'Content-Length': 4 } }, (res) => {
    console.log('response', res.statusCode);
    res.resume();
    res.on('end', () => { console.log('end'); server.close(); });
  });
  req.on('finish', () => console.log('req finish'));
  req.end('body');
  console.log('after req.end');
});
