// Source: https://github.com/Dinclaise/for_interview_frontend/blob/master/other/async/easy_ex.js (first program, up to the line "// #2")
// Repository: Dinclaise/for_interview_frontend, path other/async/easy_ex.js, commit e4f15e5b68a6d4d83db59667a9f8f19d6b7d2e3d
// Claimed answer: browser: "1 5 7 12 3 10 8 2 6 4 13 9 11"; node: "1 5 7 12 3 10 8 2 4 6 13 9 11" (comments in the file)
// Cut: the file holds two programs; this is the first one, with its answer comments.
const func1 = async () => {
    console.log('1', '?');

    setTimeout(() => console.log('2', '?'), 0);

    Promise.resolve().then(() => console.log('3', '?'));

    const func2 = async () => {
        setTimeout(() => console.log('4', '?'), 1);
        console.log('5', '?');
        Promise.resolve().then(() =>
            setTimeout(() => console.log('6', '?'), 0)
        );

        const importValue = new Promise((res) => {
            console.log('7', '?');
            Promise.resolve().then(() => console.log('8', '?'));

            setTimeout(() => {
                console.log('13', '?');
                res();
            }, 5);
        });

        await importValue;

        console.log('9', '?');
    };

    Promise.resolve().then(() => console.log('10', '?'));

    await func2();

    console.log('11', '?');
};

func1();

console.log('12', '?');

// 1 5 7 12 3 10 8 2 4 6 13 9 11 - node
// 1 5 7 12 3 10 8 2 6 4 13 9 11 - browser

// s | mi | ma
//   |    |
