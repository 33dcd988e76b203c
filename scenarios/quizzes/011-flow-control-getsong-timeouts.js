// Source: https://nodejs.org/en/learn/asynchronous-work/asynchronous-flow-control (getSong() that fills the song in 100 setTimeout callbacks)
// Repository: nodejs/nodejs.org, path apps/site/pages/en/learn/asynchronous-work/asynchronous-flow-control.md, commit 197b9893fbe62b53e27e142acd07aaebe1a2ce92
// Claimed answer: Uncaught Error: song is '' empty, FEED ME A SONG! (thrown before any timeout runs)
function getSong() {
  let _song = '';
  let i = 100;
  for (i; i > 0; i -= 1) {
    setTimeout(function () {
      _song += `${i} beers on the wall, you take one down and pass it around, ${
        i - 1
      } bottles of beer on the wall\n`;
      if (i === 1) {
        _song += "Hey let's get some more beer";
      }
    }, 0);
  }

  return _song;
}

function singSong(_song) {
  if (!_song) {
    throw new Error("song is '' empty, FEED ME A SONG!");
  }

  console.log(_song);
}

const song = getSong('beer');
// this will not work
singSong(song);
// Uncaught Error: song is '' empty, FEED ME A SONG!
