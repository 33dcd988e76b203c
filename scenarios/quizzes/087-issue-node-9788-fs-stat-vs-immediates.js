// Source: https://github.com/nodejs/node/issues/9788 ("Questions about setImmediate&I/O callback order", buluslidlink, node v6.6.0)
// (the program is the issue body up to console.log("normal"); the result listing after it is not code; the asker's file was test.js)
// Claimed answer: normal, nextTick1, nextTick2, setImmediate1, setImmediate2, force insert, file callback
let fs=require('fs');
fs.stat('test.js',()=>{ 
	console.log('file callback');
}
);

process.nextTick(function(){
    console.log("nextTick1");
});

process.nextTick(function(){
    console.log("nextTick2");
});

setImmediate(function(){
    console.log("setImmediate1");
    process.nextTick(function(){
        console.log("force insert");
    });
});

setImmediate(function(){
    console.log("setImmediate2");
});

console.log("normal");
