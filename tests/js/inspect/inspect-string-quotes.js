// strings inside objects: single quotes, or double quotes when the string has single quotes,
// or backticks when it has both, else escaped single quotes
console.log(['plain']);
console.log(["it's"]);
console.log(['say "hi"']);
console.log(['it\'s "quoted"']);
console.log(['it\'s "quoted" `tick`']);
console.log(['it\'s "quoted" ${x}']);
console.log(['`backtick` only']);
console.log(['"double" only']);
console.log({ "it's": 1 });
console.log({ 'key"quote': 1 });
console.log({ 'both\'"': 1 });
console.log(['\'']);
console.log(['"']);
console.log(['\'"`']);
