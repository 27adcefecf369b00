// Unit tests of the web app's play decision (resources/web/assets/playDecision.js) and its
// queue, in Node with a stubbed canPlayType: no browser needed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decidePlayback, seekStrategy, canPlay } from '../../resources/web/assets/playDecision.js';
import { Queue } from '../../resources/web/assets/queue.js';

// What Chromium answers, roughly: no WavPack, no WMA.
const chromium = (type) => ({
  'audio/mpeg': 'probably', 'audio/ogg': 'maybe', 'audio/ogg; codecs=opus': 'probably', 'audio/flac': 'probably',
  'audio/mp4': 'maybe', 'audio/wav': 'maybe', 'audio/aac': 'probably',
}[type] ?? '');

const presets = [
  { name: 'MP3 192', format: 'mp3', contentType: 'audio/mpeg', seekable: true },
  { name: 'Opus 128', format: 'opus', contentType: 'audio/ogg; codecs=opus', seekable: false },
  { name: 'WAV', format: 'wav', contentType: 'audio/wav', seekable: true },
];

test('a type the browser decodes plays directly', () => {
  assert.deepEqual(decidePlayback({ contentType: 'audio/mpeg' }, chromium, presets), { mode: 'direct' });
  assert.deepEqual(decidePlayback({ contentType: 'audio/ogg' }, chromium, presets), { mode: 'direct' });
});

test('an undecodable type goes through the most suitable playable preset', () => {
  const d = decidePlayback({ contentType: 'audio/x-wavpack' }, chromium, presets);
  assert.equal(d.mode, 'transcode');
  assert.equal(d.preset.name, 'Opus 128');
  assert.equal(seekStrategy(d), 'offset');
});

test("the user's preset wins when the browser plays it; matched case-insensitively", () => {
  const d = decidePlayback({ contentType: 'audio/x-ms-wma' }, chromium, presets, 'mp3 192');
  assert.equal(d.preset.name, 'MP3 192');
  assert.equal(seekStrategy(d), 'native');
});

test('a preferred preset the browser cannot play is ignored', () => {
  const safariLike = (t) => (t === 'audio/mpeg' ? 'maybe' : '');
  const d = decidePlayback({ contentType: 'audio/x-wavpack' }, safariLike, presets, 'Opus 128');
  assert.equal(d.preset.name, 'MP3 192');
});

test('nothing playable: mode none; missing content type never plays directly', () => {
  assert.deepEqual(decidePlayback({ contentType: 'audio/x-ape' }, () => '', presets), { mode: 'none' });
  assert.equal(canPlay(chromium, ''), false);
  assert.equal(decidePlayback({}, chromium, presets).mode, 'transcode');
});

test('queue: move, remove, repeat and the end of the queue', () => {
  const q = new Queue();
  q.replace([{ id: 1 }, { id: 2 }, { id: 3 }], 0);
  assert.equal(q.neighbour(1), 1);
  q.move(0, 2);                       // the current track moves with its index
  assert.equal(q.current.id, 1);
  assert.equal(q.index, 2);
  assert.equal(q.neighbour(1), -1);   // end, repeat off
  q.cycleRepeat();                    // all
  assert.equal(q.neighbour(1), 0);
  q.cycleRepeat();                    // one
  assert.equal(q.neighbour(1, { auto: true }), 2);
  q.remove(0);
  assert.equal(q.current.id, 1);
  assert.deepEqual(q.items.map((t) => t.id), [3, 1]);
  q.clear();
  assert.equal(q.current, null);
});
