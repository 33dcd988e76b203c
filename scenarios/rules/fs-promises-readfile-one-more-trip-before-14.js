// Rule: fs.promises.readFile reads until a read gives nothing before Node 14 (open, fstat, read,
// read, close: 5 trips for a small file), and only up to the size fstat gave from 14 (4 trips,
// as the callback form); with one pool thread the two readFiles take turns, trip by trip, so
// the promise one, made first, finishes first from 14 and second before.
// Source: lib/internal/fs/promises.js readFileHandle (@v12.22.12: `endOfFile = bytesRead === 0`,
// kReadFileMaxChunkSize 16 KiB; @v16.20.2, @v20.20.2: stops at `totalRead === size`); lib/fs.js
// readFile (ReadFileContext: open, fstat, read, close); libuv src/threadpool.c (one queue).
process.env.UV_THREADPOOL_SIZE = 1;
const fs = require('fs');
fs.promises.readFile(__filename).then((data) => console.log('promises readFile', data.length));
fs.readFile(__filename, (err, data) => console.log('callback readFile', data.length));
