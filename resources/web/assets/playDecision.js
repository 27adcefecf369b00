// How the browser plays an audio track: the file itself when the browser says it can decode
// its type, else a transcode through a preset it can decode. Pure (canPlayType is passed in),
// so it is unit-tested in Node (tests/web/play-decision.test.mjs).

// Presets tried in this order when the user chose none: small, seekable where possible.
const FORMAT_PREFERENCE = ['opus', 'mp3', 'ogg', 'm4a', 'aac', 'flac', 'wav'];

export function canPlay(canPlayType, contentType) {
  if (!contentType) return false;
  const answer = canPlayType(contentType);
  return answer === 'probably' || answer === 'maybe';
}

// track: {contentType}; presets: [{name, format, contentType, seekable}];
// preferred: a preset name or ''. → {mode:'direct'} | {mode:'transcode', preset} | {mode:'none'}
export function decidePlayback(track, canPlayType, presets = [], preferred = '') {
  if (canPlay(canPlayType, track?.contentType)) return { mode: 'direct' };
  const playable = presets.filter((p) => canPlay(canPlayType, p.contentType));
  const chosen = playable.find((p) => preferred && p.name.toLowerCase() === preferred.toLowerCase())
    ?? [...playable].sort((a, b) => rank(a) - rank(b))[0];
  return chosen ? { mode: 'transcode', preset: chosen } : { mode: 'none' };
}

function rank(preset) {
  const i = FORMAT_PREFERENCE.indexOf(String(preset.format || '').toLowerCase());
  return i < 0 ? FORMAT_PREFERENCE.length : i;
}

// Seeking inside a transcode: constant-bitrate outputs (seekable) take byte ranges, so the
// element seeks itself; the others restart FFmpeg at the time with offset=.
export function seekStrategy(decision) {
  if (decision.mode === 'transcode' && !decision.preset.seekable) return 'offset';
  return 'native';
}
