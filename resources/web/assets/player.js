// The audio player that stays while browsing: one <audio> element, the queue, the bar at the
// bottom (transport, seek, volume, queue panel), keyboard shortcuts, the Media Session, the
// plays it records for the user (playRecorder.js says when one counts) and the queue it keeps on
// the server (queueSync.js).

import { h, clear, formatDuration } from './dom.js';
import { Queue } from './queue.js';
import { audioSource } from './media.js';
import { coverBlobUrl } from './art.js';
import { icon } from './icons.js';
import { PlayRecorder } from './playRecorder.js';
import { recordPlay } from './state.js';
import { addToPlaylist } from './playlistPicker.js';
import { t } from './i18n.js';
import { startQueueSync, stopQueueSync, saveQueueSoon, cancelQueueSave, queuePlaying, savedQueue } from './queueSync.js';

export const queue = new Queue();
const audio = h('audio', { id: 'audio', preload: 'auto' });
let source = null;           // what audio.src holds (see media.js)
let loadSerial = 0;
let seeking = false;
const recorder = new PlayRecorder((track) => recordPlay(track));
// A queue taken from the server is shown paused without loading anything (no stream starts
// before the user asks): where to start once they press play, in seconds; null otherwise.
let pendingOffset = null;

const ui = {};

export function trackLine(track) {
  return [track.artist || track.albumArtist, track.album].filter(Boolean).join(' — ');
}

// Position and length of the track, counting a transcode started at an offset.
export function position() {
  if (pendingOffset !== null) return pendingOffset;
  return (source?.offset || 0) + (audio.currentTime || 0);
}
export function duration() {
  const track = queue.current;
  if (track?.duration) return track.duration;
  return Number.isFinite(audio.duration) ? audio.duration : 0;
}

export function playTracks(tracks, start = 0) {
  queue.replace(tracks, start);
  return load(0, true);
}

export function enqueue(tracks) {
  const wasEmpty = !queue.current;
  queue.add(tracks);
  if (wasEmpty) load(0, true);
}

// `newPlay` false: the same play goes on from `offset` (a seek that needs a new source).
async function load(offset, autoplay, { newPlay = true } = {}) {
  const track = queue.current;
  const serial = ++loadSerial;
  pendingOffset = null;
  if (newPlay) recorder.begin(track);
  source?.revoke();
  source = null;
  if (!track) {
    audio.removeAttribute('src');
    audio.load();
    render();
    return;
  }
  render();
  setStatus('');
  try {
    const next = await audioSource(track, audio, offset);
    if (serial !== loadSerial) return next.revoke();
    source = next;
    audio.src = next.src;
    audio.dataset.mode = next.decision.mode;
    if (offset > 0 && next.offset === 0) audio.currentTime = offset;
    if (autoplay) await audio.play().catch((e) => setStatus(e.message));
    updateMediaSession(track);
  } catch (e) {
    if (serial === loadSerial) setStatus(e.message);
  }
}

export function seek(seconds) {
  const at = Math.max(0, Math.min(seconds, duration() - 0.25));
  if (pendingOffset !== null) {
    pendingOffset = at;
    renderTime();
    saveQueueSoon();
    return;
  }
  if (source?.strategy === 'offset') load(at, !audio.paused || audio.ended, { newPlay: false });
  else audio.currentTime = at;
}

export function toggle() {
  if (!queue.current) return;
  if (pendingOffset !== null) load(pendingOffset, true, { newPlay: true });
  else if (audio.paused) audio.play().catch((e) => setStatus(e.message));
  else audio.pause();
}

export function next({ auto = false } = {}) {
  const i = queue.neighbour(1, { auto });
  if (i < 0) { audio.pause(); return; }
  if (i === queue.index) { recorder.begin(queue.current); seek(0); audio.play(); return; }
  queue.go(i);
  load(0, true);
}

export function previous() {
  if (position() > 3) return seek(0);
  const i = queue.neighbour(-1);
  if (i < 0) return seek(0);
  queue.go(i);
  load(0, true);
}

function setStatus(text) { if (ui.status) ui.status.textContent = text; }

async function updateMediaSession(track) {
  if (!('mediaSession' in navigator)) return;
  const artwork = [];
  if (track.albumId) {
    const src = await coverBlobUrl('albums', track.albumId, 256);
    if (src) artwork.push({ src, sizes: '256x256' });
  }
  navigator.mediaSession.metadata = new MediaMetadata({
    title: track.title || '', artist: track.artist || '', album: track.album || '', artwork,
  });
}

function setupMediaSession() {
  if (!('mediaSession' in navigator)) return;
  const ms = navigator.mediaSession;
  const handlers = {
    play: () => (pendingOffset !== null ? toggle() : audio.play()), pause: () => audio.pause(),
    previoustrack: previous, nexttrack: () => next(),
    seekto: (d) => seek(d.seekTime),
    seekbackward: (d) => seek(position() - (d.seekOffset || 10)),
    seekforward: (d) => seek(position() + (d.seekOffset || 10)),
  };
  for (const [action, fn] of Object.entries(handlers)) {
    try { ms.setActionHandler(action, fn); } catch { /* not supported here */ }
  }
}

function render() {
  if (!ui.bar) return;
  const track = queue.current;
  ui.title.textContent = track ? track.title || t('(untitled)') : t('Nothing playing');
  ui.sub.textContent = track ? trackLine(track) : '';
  ui.play.replaceChildren(icon(audio.paused ? 'play' : 'pause'));
  ui.play.title = audio.paused ? t('Play (space)') : t('Pause (space)');
  ui.play.setAttribute('aria-label', audio.paused ? t('Play') : t('Pause'));
  ui.shuffle.classList.toggle('on', queue.shuffle);
  ui.repeat.classList.toggle('on', queue.repeat !== 'off');
  ui.repeat.replaceChildren(icon(queue.repeat === 'one' ? 'repeatOne' : 'repeat'));
  ui.repeat.title = { off: t('Repeat: off'), all: t('Repeat: all'), one: t('Repeat: one') }[queue.repeat];
  renderTime();
  renderQueue();
}

function renderTime() {
  if (!ui.bar) return;
  const d = duration(), p = position();
  if (!seeking) ui.seek.value = d > 0 ? String(Math.round((p / d) * 1000)) : '0';
  ui.time.textContent = `${formatDuration(p)} / ${formatDuration(d)}`;
  if ('mediaSession' in navigator && d > 0 && navigator.mediaSession.setPositionState) {
    try { navigator.mediaSession.setPositionState({ duration: d, position: Math.min(p, d), playbackRate: 1 }); } catch { /* ignore */ }
  }
}

function renderQueue() {
  if (!ui.queueList) return;
  clear(ui.queueList, queue.items.map((track, i) => h('li', { class: i === queue.index ? 'current' : '' },
    h('button', { class: 'link', onclick: () => { queue.go(i); load(0, true); } }, track.title || t('(untitled)')),
    h('span', { class: 'muted' }, ` ${track.artist || ''}`),
    h('span', { class: 'row-actions' },
      h('button', { title: t('Move up'), 'aria-label': t('Move up'), onclick: () => queue.move(i, i - 1) }, '↑'),
      h('button', { title: t('Move down'), 'aria-label': t('Move down'), onclick: () => queue.move(i, i + 1) }, '↓'),
      h('button', { title: t('Add to playlist'), 'aria-label': t('Add to playlist'), onclick: () => addToPlaylist([track]) }, icon('playlistAdd', 16)),
      h('button', { title: t('Remove'), 'aria-label': t('Remove'), onclick: () => removeAt(i) }, '✕')))));
  ui.queueCount.textContent = String(queue.items.length);
}

function removeAt(i) {
  const wasCurrent = i === queue.index;
  queue.remove(i);
  if (wasCurrent) load(0, !audio.paused);
}

function onKey(e) {
  if (e.target.closest && e.target.closest('input, textarea, select, [contenteditable]')) return;
  if (document.querySelector('video')) return;      // the video page has its own keys
  if (e.key === ' ') { e.preventDefault(); toggle(); }
  else if (e.key === 'ArrowLeft') { e.preventDefault(); seek(position() - 10); }
  else if (e.key === 'ArrowRight') { e.preventDefault(); seek(position() + 10); }
  else if (e.key === 'ArrowUp') { e.preventDefault(); audio.volume = Math.min(1, audio.volume + 0.05); }
  else if (e.key === 'ArrowDown') { e.preventDefault(); audio.volume = Math.max(0, audio.volume - 0.05); }
}

// The server's saved queue, unless the player already has one: shown paused where it was.
function restore(saved) {
  if (queue.items.length) return;   // the user started something meanwhile
  const index = Math.max(0, saved.tracks.findIndex((track) => track.id === saved.currentTrackId));
  queue.replace(saved.tracks, index);
  cancelQueueSave();
  pendingOffset = Math.max(0, (saved.positionMs || 0) / 1000);
  updateMediaSession(queue.current);
  renderTime();
}

function queueState() {
  return {
    trackIds: queue.items.map((track) => track.id),
    currentTrackId: queue.current?.id ?? 0,
    positionMs: queue.current ? Math.max(0, Math.round(position() * 1000)) : 0,
  };
}

// The queue panel's Clear: an empty queue is the user's choice, saved like any other.
function clearQueue() {
  stopPlayback();
  queue.clear();
}

function stopPlayback() {
  ++loadSerial;
  pendingOffset = null;
  audio.pause();
  audio.removeAttribute('src');
  audio.load();
  source?.revoke();
  source = null;
  recorder.begin(null);
}

// Logging out: a detached <audio> would go on playing; the queue on the server stays as it was.
export function stop() {
  stopQueueSync();
  stopPlayback();
  queue.clear();
}

// The bar and the queue panel (ui.*), in the current language; `audio` is not among them.
function buildUi() {
  ui.title = h('div', { class: 'np-title' });
  ui.sub = h('div', { class: 'np-sub muted' });
  ui.status = h('div', { class: 'np-status', role: 'status' });
  ui.play = h('button', { id: 'play-toggle', class: 'big', onclick: toggle });
  ui.shuffle = h('button', { id: 'shuffle', title: t('Shuffle'), 'aria-label': t('Shuffle'), onclick: () => queue.setShuffle(!queue.shuffle) }, icon('shuffle'));
  ui.repeat = h('button', { id: 'repeat', 'aria-label': t('Repeat'), onclick: () => queue.cycleRepeat() });
  ui.seek = h('input', { id: 'seek', type: 'range', min: '0', max: '1000', value: '0', 'aria-label': t('Seek') });
  ui.seek.addEventListener('input', () => { seeking = true; });
  ui.seek.addEventListener('change', () => { seeking = false; seek((Number(ui.seek.value) / 1000) * duration()); });
  ui.time = h('span', { class: 'np-time' });
  const volume = h('input', { id: 'volume', type: 'range', min: '0', max: '100', 'aria-label': t('Volume') });
  volume.value = String(Math.round(audio.volume * 100));
  volume.addEventListener('input', () => { audio.volume = Number(volume.value) / 100; });
  ui.volume = volume;
  ui.queueCount = h('span', { class: 'badge' });
  ui.queueList = h('ol', { class: 'queue-list' });
  const panel = h('section', { class: 'queue-panel', hidden: true },
    h('header', {}, h('h2', {}, t('Queue')),
      h('span', { class: 'actions' },
        h('button', { id: 'queue-to-playlist', onclick: () => addToPlaylist(queue.items) }, t('+ Playlist')),
        h('button', { id: 'queue-clear', onclick: clearQueue }, t('Clear')))),
    ui.queueList);
  ui.panel = panel;
  ui.bar = h('div', { class: 'player' },
    h('div', { class: 'np' }, ui.title, ui.sub, ui.status),
    h('div', { class: 'transport' },
      ui.shuffle,
      h('button', { id: 'prev', title: t('Previous'), 'aria-label': t('Previous'), onclick: previous }, icon('previous')),
      ui.play,
      h('button', { id: 'next', title: t('Next'), 'aria-label': t('Next'), onclick: () => next() }, icon('next')),
      ui.repeat),
    h('div', { class: 'seekline' }, ui.seek, ui.time),
    h('div', { class: 'extra' }, icon('volume'), volume,
      h('button', { id: 'queue-toggle', title: t('Queue'), 'aria-label': t('Queue'), onclick: () => { panel.hidden = !panel.hidden; } }, icon('queue'), ' ', ui.queueCount)));
}

export function mountPlayer(container) {
  audio.volume = Number(localStorage.getItem('cairn.volume') ?? 100) / 100;
  buildUi();
  clear(container, audio, ui.panel, ui.bar);
  wireOnce();
  startQueueSync(queueState);
  savedQueue().then((saved) => { if (saved) restore(saved); });
  render();
}

// The language changed: the bar and the queue panel are drawn again in it, in place; the <audio>
// element is not touched, so what plays goes on.
export function relabelPlayer() {
  if (!ui.bar?.isConnected) return;
  const [oldPanel, oldBar, status] = [ui.panel, ui.bar, ui.status.textContent];
  buildUi();
  ui.panel.hidden = oldPanel.hidden;
  ui.status.textContent = status;
  oldPanel.replaceWith(ui.panel);
  oldBar.replaceWith(ui.bar);
  render();
}

// The element, the queue and the document outlive a log-out and the next log-in's mountPlayer:
// listeners added twice would skip tracks and undo key presses.
let wired = false;
function wireOnce() {
  if (wired) return;
  wired = true;
  for (const ev of ['play', 'pause', 'loadedmetadata', 'durationchange']) audio.addEventListener(ev, render);
  audio.addEventListener('timeupdate', () => {
    recorder.progress(position(), !audio.paused, duration());
    if (!audio.paused) queuePlaying();
    renderTime();
  });
  audio.addEventListener('volumechange', () => {
    if (ui.volume) ui.volume.value = String(Math.round(audio.volume * 100));
    localStorage.setItem('cairn.volume', String(Math.round(audio.volume * 100)));
  });
  audio.addEventListener('pause', () => saveQueueSoon(0));
  audio.addEventListener('ended', () => next({ auto: true }));
  audio.addEventListener('error', () => { if (audio.getAttribute('src')) setStatus(t('This track could not be played.')); });
  queue.addEventListener('change', () => { render(); saveQueueSoon(); });
  document.addEventListener('keydown', onKey);
  document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'hidden') saveQueueSoon(0); });
  setupMediaSession();
}
