// The play queue kept on the server, shared with the user's other clients (OpenSubsonic apps
// save and load the same one) and with the next visit. Saved a moment after the queue changes,
// every 30 seconds while it plays and when playback pauses or the page is hidden; read once at
// start-up, for the player to take when it is still empty.

import { api } from './api.js';

const SAVE_DELAY_MS = 2000;
const SAVE_WHILE_PLAYING_MS = 30000;

let snapshot = () => null;   // → {trackIds, currentTrackId, positionMs}
let enabled = false;
let timer = 0;
let lastSaved = 0;

// Saving starts; `state()` says what to save when the time comes.
export function startQueueSync(state) {
  snapshot = state;
  enabled = true;
}

// Logging out: nothing more is saved (the emptied player is not the user's queue).
export function stopQueueSync() {
  enabled = false;
  clearTimeout(timer);
}

export function saveQueueSoon(delayMs = SAVE_DELAY_MS) {
  if (!enabled) return;
  clearTimeout(timer);
  timer = setTimeout(save, delayMs);
}

// Forgets a save that is due: the player took the server's queue, which needs no saving back.
export function cancelQueueSave() { clearTimeout(timer); }

// While playing, the position is saved now and then.
export function queuePlaying() {
  if (Date.now() - lastSaved > SAVE_WHILE_PLAYING_MS) saveQueueSoon(0);
}

async function save() {
  if (!enabled) return;
  const state = snapshot();
  if (!state) return;
  lastSaved = Date.now();
  try {
    await api('/api/queue', { method: 'PUT', body: state });
  } catch {
    // Tracks the user may no longer see, a server that is restarting: the next change saves again.
  }
}

// The saved queue with its tracks (audio only: the player plays no video), or null.
export async function savedQueue() {
  try {
    const saved = await api('/api/queue');
    const tracks = (saved?.tracks || []).filter((t) => t.kind !== 'video');
    return tracks.length ? { ...saved, tracks } : null;
  } catch {
    return null;
  }
}
