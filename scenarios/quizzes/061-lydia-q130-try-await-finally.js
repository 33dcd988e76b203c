// Source: https://github.com/lydiahallie/javascript-questions#readme (question 130. What's the output?)
// Repository: lydiahallie/javascript-questions, path README.md, commit a8b427b9f7f94f1a2965144ba544b475c5f65829; author Lydia Hallie
// Claimed answer: C: Woah some cool data, Oh finally!
const myPromise = Promise.resolve('Woah some cool data');

(async () => {
  try {
    console.log(await myPromise);
  } catch {
    throw new Error(`Oops didn't work`);
  } finally {
    console.log('Oh finally!');
  }
})();
