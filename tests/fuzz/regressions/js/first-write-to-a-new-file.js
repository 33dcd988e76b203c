// fs and net: readFile/stat callbacks against timers and immediates, a loopback server
const fs = require('fs');
const net = require('net');
fs.readFile(__filename, (err, data) => {
  console.log('readFile', err, typeof data);
  setTimeout(() => console.log('timeout in io'), 0);
  setImmediate(() => console.log('immediate in io'));
});
fs.stat(__filename, (err, st) => console.log('stat', err === null, typeof st));
fs.readFile('/no/such/file', (err) => console.log('missing', err && err.code));
console.log(fs.existsSync(__filename), typeof fs.readFileSync);
try { fs.writeFileSync('x', 'y'); } catch (e) { console.log('refused', e.message); }
const server = net.createServer((sock) => { sock.on('data', (d) => console.log('server got', String(d))); sock.end(); });
server.listen(0, () => {
  const c = net.connect(server.address().port, () => { c.write('hi'); });
  c.on('close', () => { console.log('client closed'); server.close(() => console.log('server closed')); });
});

