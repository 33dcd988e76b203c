// fs.promises as the callback forms' twins: what each function resolves to, errors as
// rejections (uvException's fields; a bad argument rejects rather than throws), a FileHandle
// (fd, stat, readFile, close; fd -1 once closed from 12.17 and 13.9), require('fs/promises')
// from 14 (lib/internal/fs/promises.js, lib/fs/promises.js).
const fs = require('fs');
const fsp = fs.promises;
let viaModule;
try {
  viaModule = require('fs/promises');
  console.log('fs/promises is fs.promises:', viaModule === fsp);
} catch (err) {
  console.log('fs/promises:', err.code);
}
const name = 'loopsim-fs-promises-api.txt';
(async () => {
  console.log('writeFile', await fsp.writeFile(name, 'abc'));
  console.log('appendFile', await fsp.appendFile(name, 'def'));
  console.log('readFile', await fsp.readFile(name, 'utf8'), (await fsp.readFile(name)).length);
  const st = await fsp.stat(name);
  console.log('stat', st.size, st.isFile(), st.isDirectory());
  console.log('lstat', (await fsp.lstat(name)).size);
  console.log('access', await fsp.access(name));
  console.log('readdir has it', (await fsp.readdir('.')).includes(name));
  const fh = await fsp.open(name, 'r');
  console.log('FileHandle fd', typeof fh.fd, (await fh.stat()).size, await fh.readFile('utf8'));
  console.log('read again at the end', JSON.stringify(await fh.readFile('utf8')));
  await fh.close();
  console.log('closed fd', fh.fd === -1 ? -1 : 'kept');
  await fsp.rename(name, name + '2');
  await fsp.unlink(name + '2');
  for (const what of ['stat', 'readFile', 'unlink', 'open']) {
    try {
      await fsp[what](name);
    } catch (err) {
      console.log(what, 'rejected', err.code, err.errno, err.syscall, err.message);
    }
  }
  await fsp.mkdir('loopsim-fs-promises-dir');
  await fsp.rmdir('loopsim-fs-promises-dir');
  const bad = fsp.readFile(42);
  console.log('a bad path returns a promise', bad instanceof Promise);
  await bad.catch((err) => console.log('rejected', err.name, err.code));
})();
