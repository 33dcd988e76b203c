// string escaping: control characters, backslash, newlines, C1 controls, lone surrogates
console.log(['a\nb']);
console.log(['tab\there']);
console.log(['back\\slash']);
console.log(['\0\x01\x07\b\f\v\r\x1b\x1f']);
console.log(['\x7f']);
console.log(['\x80\x9f\xa0']);
console.log(['caf\u00e9 \u4e2d\u6587 \ud83d\ude00']);
console.log(['\ud800 lone high']);
console.log(['lone low \udc00']);
console.log({ 'new\nline': 1 });
console.log({ 'tab\tkey': 'v' });
console.log(['it\'s\n"new"']);
console.log(['mixed \'\n\t\\']);
console.log({ [Symbol('sym\nbol')]: 1 });
