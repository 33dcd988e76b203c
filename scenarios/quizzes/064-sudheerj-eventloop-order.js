// Source: https://github.com/sudheerj/javascript-interview-questions/blob/master/coding-exercise/eventloop-order.js
// Repository: sudheerj/javascript-interview-questions, path coding-exercise/eventloop-order.js, commit 997037d44b45d5320626ade1d765eb4341b4ad3f; author Sudheer Jonna
// Claimed answer: A,C and B
function main(){
    console.log('A');
    setTimeout(
        function print(){ console.log('B'); }
        ,0);
    console.log('C');
}
main(); // A,C and B