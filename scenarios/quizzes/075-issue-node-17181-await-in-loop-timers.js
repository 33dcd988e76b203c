// Source: https://github.com/nodejs/node/issues/17181 ("The order of Task & MicroTask execution is inconsistent with browser", dcy0701, Node 8.1.3)
// Claimed answer: Node 8: loop: 0..4, func1: 0, func2: 0, func1: 1, func1: 2, func1: 3, func1: 4, func2: 1 .. func2: 4; Chrome 62: loop: 0..4 then func1: i, func2: i pairs
function func1(i){
      return new Promise((resolve,reject)=>{
          setTimeout(()=>{
               console.log("func1: ",i)
               resolve(true)
            },1000)
  })
}

async function func2(i){
        await func1(i)
        console.log("func2:",i)
}

function test(){
      for(var i=0; i<5; i++){
          func2(i)
         console.log("loop:",i)
      }
}

test();
