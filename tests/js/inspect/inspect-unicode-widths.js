// wide characters: grouped columns are aligned by display width
console.log(['中文', '日本語', '한국어', 'abc', 'de', 'f', 'ghij']);
console.log(['😀', '😀😀', 'a', 'bb', 'ccc', 'dddd', 'e']);
console.log({ 'clé': 'valeur', 'ключ': 'значение', '鍵': '値' });
console.log(['café', 'naïve', 'über', 'ñ', 'ø', 'å', 'æ', 'œ']);
console.log('top: 中文 😀');
console.log(['\u00e9', '\u0065\u0301', 'x', 'y', 'z', 'w', 'v']);
