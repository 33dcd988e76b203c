// what loopsim refuses: modules it does not model, a second file, at run time
console.log('before');
try { require('http'); } catch (e) { console.log('caught', e.message); }
try { require('./other.js'); } catch (e) { console.log('caught', e.message); }
setTimeout(() => require('crypto').randomBytes(4), 0);

