// Unit tests of when the web player records a play (resources/web/assets/playRecorder.js): half
// the length or four minutes of listening, whichever comes first, once per play. In Node.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PlayRecorder } from '../../resources/web/assets/playRecorder.js';

// Reports positions from `from` to `to` seconds in steps of 0.25 s, as timeupdate would.
function listen(recorder, from, to, playing = true, duration = 0) {
  for (let t = from; t <= to + 1e-9; t += 0.25) recorder.progress(t, playing, duration);
}

function recorder() {
  const played = [];
  return { played, r: new PlayRecorder((track) => played.push(track.id)) };
}

test('a play counts at half the length, once', () => {
  const { played, r } = recorder();
  r.begin({ id: 1, duration: 20 });
  listen(r, 0, 9.5);
  assert.deepEqual(played, []);
  listen(r, 9.75, 10.25);
  assert.deepEqual(played, [1]);
  listen(r, 10.5, 20);
  assert.deepEqual(played, [1], 'once per play');
});

test('a long track counts after four minutes', () => {
  const { played, r } = recorder();
  r.begin({ id: 2, duration: 3600 });
  listen(r, 0, 239.5);
  assert.deepEqual(played, []);
  listen(r, 239.75, 240.25);
  assert.deepEqual(played, [2]);
});

test('seeking forward is not listening; paused time is not either', () => {
  const { played, r } = recorder();
  r.begin({ id: 3, duration: 20 });
  listen(r, 0, 2);
  listen(r, 16, 19);       // jumped from 2 to 16: only 5 s heard in all
  assert.deepEqual(played, []);
  listen(r, 19, 19.75, false);
  assert.deepEqual(played, []);
  r.begin({ id: 3, duration: 20 });
  listen(r, 0, 5);
  listen(r, 5, 10, false);
  assert.deepEqual(played, []);
});

test('a new play starts from nothing and counts again; the length may come from the media', () => {
  const { played, r } = recorder();
  r.begin({ id: 4, duration: 4 });
  listen(r, 0, 4);
  r.begin({ id: 4, duration: 4 });     // repeat one
  listen(r, 0, 1.75);
  assert.deepEqual(played, [4]);
  listen(r, 2, 4);
  assert.deepEqual(played, [4, 4]);
  r.begin({ id: 5 });                  // no duration in the JSON: the element's is used
  listen(r, 0, 3, true, 6);
  assert.deepEqual(played, [4, 4, 5]);
  r.begin({ id: 6 });                  // unknown length: never
  listen(r, 0, 30);
  assert.deepEqual(played, [4, 4, 5]);
  r.begin(null);
  listen(r, 0, 30);
  assert.deepEqual(played, [4, 4, 5]);
});
