// Where a media element gets its bytes. Signed URLs from the API (a token never goes into a
// URL). A transcode needs a signed transcode URL from the server ("transcodeUrl" in the
// stream-url answer); a server without one gets the transcode fetched with the token into a blob.

import { api, authFetch } from './api.js';
import { decidePlayback, seekStrategy } from './playDecision.js';
import { t } from './i18n.js';

let presetsPromise = null;

export function presets() {
  presetsPromise ??= api('/api/presets').catch(() => ({ items: [], video: [] }));
  return presetsPromise;
}

export function preferredPreset() { return localStorage.getItem('cairn.preset') || ''; }
export function setPreferredPreset(name) { localStorage.setItem('cairn.preset', name); }

export async function signedUrls(trackId) {
  return api(`/api/tracks/${encodeURIComponent(trackId)}/stream-url`);
}

// → {src, offset, decision, strategy, revoke()} for playing `track` from `offset` seconds.
export async function audioSource(track, probe, offset = 0) {
  const decision = decidePlayback(track, (type) => probe.canPlayType(type), (await presets()).items || [], preferredPreset());
  const urls = await signedUrls(track.id);
  if (decision.mode === 'direct')
    return { src: urls.url, offset: 0, decision, strategy: 'native', revoke() {} };
  if (decision.mode === 'none')
    throw new Error(t('This browser cannot play this track and no transcoding preset suits it.'));
  const preset = encodeURIComponent(decision.preset.name);
  const strategy = seekStrategy(decision);
  if (urls.transcodeUrl) {
    const sep = urls.transcodeUrl.includes('?') ? '&' : '?';
    const from = strategy === 'offset' && offset > 0 ? offset : 0;
    const extra = from > 0 ? `&offset=${from.toFixed(3)}` : '';
    return { src: `${urls.transcodeUrl}${sep}preset=${preset}${extra}`, offset: from, decision, strategy, revoke() {} };
  }
  const res = await authFetch(`/api/tracks/${encodeURIComponent(track.id)}/transcode?preset=${preset}`);
  if (!res.ok) throw new Error(t('Transcoding failed (HTTP {status}).', { status: String(res.status) }));
  const blob = await res.blob();
  const src = URL.createObjectURL(blob);
  // The whole file is here: the element seeks in it by itself.
  return { src, offset: 0, decision, strategy: 'native', revoke() { URL.revokeObjectURL(src); } };
}

export function albumArtUrl(albumId, size) {
  return `/api/albums/${encodeURIComponent(albumId)}/art?size=${size}`;
}
