// The play queue: the tracks, which one plays, shuffle and repeat. No DOM, no audio: the player
// asks it what comes next and listens to "change".

export class Queue extends EventTarget {
  constructor() {
    super();
    this.items = [];          // tracks
    this.index = -1;
    this.shuffle = false;
    this.repeat = 'off';      // off | all | one
    this.order = [];          // play order of item indexes when shuffling
  }

  get current() { return this.items[this.index] ?? null; }

  changed() { this.dispatchEvent(new Event('change')); }

  replace(tracks, start = 0) {
    this.items = [...tracks];
    this.index = this.items.length ? start : -1;
    this.reshuffle();
    this.changed();
  }

  add(tracks) {
    this.items.push(...tracks);
    if (this.index < 0 && this.items.length) this.index = 0;
    this.reshuffle();
    this.changed();
  }

  remove(i) {
    if (i < 0 || i >= this.items.length) return;
    this.items.splice(i, 1);
    if (i < this.index) this.index--;
    else if (i === this.index && this.index >= this.items.length) this.index = this.items.length - 1;
    this.reshuffle();
    this.changed();
  }

  move(from, to) {
    if (from === to || from < 0 || to < 0 || from >= this.items.length || to >= this.items.length) return;
    const [track] = this.items.splice(from, 1);
    this.items.splice(to, 0, track);
    if (this.index === from) this.index = to;
    else if (from < this.index && to >= this.index) this.index--;
    else if (from > this.index && to <= this.index) this.index++;
    this.reshuffle();
    this.changed();
  }

  clear() { this.replace([]); }

  setShuffle(on) { this.shuffle = on; this.reshuffle(); this.changed(); }
  cycleRepeat() {
    this.repeat = { off: 'all', all: 'one', one: 'off' }[this.repeat];
    this.changed();
  }

  reshuffle() {
    const rest = this.items.map((_, i) => i).filter((i) => i !== this.index);
    for (let i = rest.length - 1; i > 0; i--) {
      const j = Math.floor(Math.random() * (i + 1));
      [rest[i], rest[j]] = [rest[j], rest[i]];
    }
    this.order = this.index >= 0 ? [this.index, ...rest] : rest;
  }

  // The item index after (step 1) or before (-1) the current one; -1 at the end without repeat.
  neighbour(step, { auto = false } = {}) {
    if (!this.items.length) return -1;
    if (auto && this.repeat === 'one') return this.index;
    const sequence = this.shuffle ? this.order : this.items.map((_, i) => i);
    let pos = sequence.indexOf(this.index) + step;
    if (pos >= sequence.length || pos < 0) {
      if (this.repeat === 'off') return -1;
      pos = (pos + sequence.length) % sequence.length;
    }
    return sequence[pos];
  }

  go(i) {
    if (i < 0 || i >= this.items.length) return false;
    this.index = i;
    this.changed();
    return true;
  }
}
