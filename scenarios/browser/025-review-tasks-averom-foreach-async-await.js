// Source: https://github.com/Hecatxncheir/review-tasks/blob/master/js/async/@averom/it-one.js
// Repository: Hecatxncheir/review-tasks, path js/async/@averom/it-one.js, commit 709da4a389022d3ebf1895db7e7e332f338aeb12
// Claimed answer: "[] 2 1 4 2 8 4" (comment at the end)
const asyncMethod = (el) => {
    return new Promise((resolve) => setTimeout(() => resolve((el*2)),0));
}

const someMethod = (data) => {
    const results = [];

    data.forEach(async (el) => {
        let r = await asyncMethod(el);
        console.log(r, el)
        results.push(r);
    })
    return results;
}

const start = () => {
    const results = someMethod([1, 2, 4]);
    
    if(results instanceof Promise) {
        results.then(res => console.log(res))
    } else {
        console.log(results);
    }
}

start();



// [] 2 1 4 2 8 4
