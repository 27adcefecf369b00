// When a play counts: once a track has been listened to for half its length or four minutes,
// whichever comes first (the scrobbling rule Last.fm and OpenSubsonic clients follow), once per
// play. Listening time, not position: a seek forward is not listening. No DOM, no audio: the
// player reports positions and starts of plays.

export const MAX_LISTEN_SECONDS = 240;
// Position steps longer than this between two reports are seeks (timeupdate comes ~4 times a second).
const MAX_STEP_SECONDS = 2;

export class PlayRecorder {
  constructor(onPlayed) {
    this.onPlayed = onPlayed;
    this.begin(null);
  }

  // A new play of `track` (or none) starts: nothing listened yet.
  begin(track) {
    this.track = track;
    this.listened = 0;
    this.last = null;
    this.recorded = false;
  }

  // Seconds of listening after which this play counts; Infinity when the length is unknown.
  threshold(duration) {
    const length = duration || this.track?.duration || 0;
    return length > 0 ? Math.min(length / 2, MAX_LISTEN_SECONDS) : Infinity;
  }

  // The player is at `position` seconds; `playing` says whether the time since the last report
  // was heard. Calls onPlayed(track) the first time the listening time reaches the threshold.
  progress(position, playing, duration = 0) {
    if (!this.track) return;
    if (playing && this.last !== null) {
      const step = position - this.last;
      if (step > 0 && step <= MAX_STEP_SECONDS) this.listened += step;
    }
    this.last = position;
    if (!this.recorded && this.listened >= this.threshold(duration)) {
      this.recorded = true;
      this.onPlayed(this.track);
    }
  }
}
