// The videos page and the video player: HLS through hls.js (loaded only here, by dynamic
// import), or the browser's own HLS where it has it (Safari); a quality menu; a subtitles menu
// (the language last chosen is chosen again); resuming where the user stopped (kept per video
// in localStorage); for administrators, the "Optimise" control (optimised.js).

import { h, clear, formatDuration, emptyState } from './dom.js';
import { api, apiOptional, authFetch, currentSession } from './api.js';
import { cover } from './art.js';
import { optimiseControl } from './optimised.js';
import { t, formatNumber } from './i18n.js';

let hlsInstance = null;

async function listVideos() {
  const page = await apiOptional('/api/videos?offset=0&limit=500');
  if (page) return page.items;
  // Older servers: pick the videos out of the track list.
  const found = [];
  for (let offset = 0; ; offset += 500) {
    const p = await api(`/api/tracks?offset=${offset}&limit=500`);
    found.push(...p.items.filter((track) => track.kind === 'video'));
    if (offset + p.items.length >= p.total || !p.items.length) return found;
  }
}

export async function videos(main) {
  const items = await listVideos();
  clear(main, h('h1', {}, t('Videos')), items.length
    ? h('div', { class: 'grid', id: 'video-grid' }, items.map((v) => h('a', { class: 'card video-card', href: `#/video/${v.id}` },
      cover('tracks', v.id, 240, ''),
      h('span', { class: 'card-title' }, v.title || t('(untitled)')),
      h('span', { class: 'card-sub muted' }, formatDuration(v.duration)))))
    : emptyState(t('No videos yet.')));
}

const resumeKey = (id) => `cairn.resume.${id}`;
const subtitleKey = 'cairn.subtitles.language';

function destroyHls() {
  hlsInstance?.destroy();
  hlsInstance = null;
}

// For the browser's own HLS, which cannot send the token: the master playlist fetched with it
// and handed over as a blob whose (already signed) URLs are made absolute.
async function nativeMasterUrl(masterPath) {
  const res = await authFetch(masterPath);
  if (!res.ok) throw new Error(t('The video cannot be played (HTTP {status}).', { status: String(res.status) }));
  const text = (await res.text()).replace(/^\/(?!\/)/gm, `${location.origin}/`);
  return URL.createObjectURL(new Blob([text], { type: 'application/vnd.apple.mpegurl' }));
}

export async function videoPage(main, id) {
  destroyHls();
  const track = await api(`/api/tracks/${id}`);
  const video = h('video', { id: 'video', controls: true, playsInline: true, preload: 'metadata' });
  const quality = h('select', { id: 'quality', 'aria-label': t('Quality'), hidden: true });
  const subtitles = h('select', { id: 'subtitles', 'aria-label': t('Subtitles') });
  const subtitlesLabel = h('label', { hidden: true }, t('Subtitles'), ' ', subtitles);
  const status = h('p', { class: 'muted', role: 'status' });
  const scrub = scrubBar(id, video, track.duration);
  clear(main, h('h1', {}, track.title || t('(untitled)')),
    h('div', { class: 'video-wrap' }, video),
    scrub.element,
    h('div', { class: 'video-bar' }, h('label', {}, t('Quality'), ' ', quality), subtitlesLabel, status),
    // Administrators may have the video's encoded versions made ahead of time.
    currentSession()?.user?.admin ? optimiseControl(id) : null);
  const keys = (e) => {
    if (e.target.closest && e.target.closest('input, textarea, select')) return;
    if (e.key === ' ') { e.preventDefault(); if (video.paused) video.play(); else video.pause(); }
    else if (e.key === 'ArrowLeft') { e.preventDefault(); video.currentTime = Math.max(0, video.currentTime - 10); }
    else if (e.key === 'ArrowRight') { e.preventDefault(); video.currentTime += 10; }
  };
  document.addEventListener('keydown', keys);
  // Leaving the page (another hash) stops the HLS session's downloads.
  window.addEventListener('hashchange', () => {
    destroyHls();
    video.pause();
    video.removeAttribute('src');
    document.removeEventListener('keydown', keys);
    scrub.dispose();
  }, { once: true });

  const resumeAt = Number(localStorage.getItem(resumeKey(id)) || 0);
  let lastSaved = 0;
  video.addEventListener('timeupdate', () => {
    if (Math.abs(video.currentTime - lastSaved) < 5) return;
    lastSaved = video.currentTime;
    saveResume(id, video);
  });
  video.addEventListener('pause', () => saveResume(id, video));
  video.addEventListener('ended', () => localStorage.removeItem(resumeKey(id)));
  video.addEventListener('loadedmetadata', () => {
    if (resumeAt > 5 && resumeAt < (video.duration || track.duration) - 10) {
      video.currentTime = resumeAt;
      status.textContent = t('Resumed at {time}.', { time: formatDuration(resumeAt) });
    }
  }, { once: true });

  const master = `/api/videos/${encodeURIComponent(id)}/hls/master.m3u8`;
  const { default: Hls } = await import('./hls.min.mjs');
  if (Hls.isSupported()) {
    const token = currentSession()?.token;
    const hls = new Hls({
      // Only the master playlist needs the token; the URLs inside it are signed.
      xhrSetup: (xhr, url) => { if (token && new URL(url, location.href).pathname === master) xhr.setRequestHeader('Authorization', `Bearer ${token}`); },
    });
    hlsInstance = hls;
    hls.on(Hls.Events.MANIFEST_PARSED, () => {
      clear(quality, h('option', { value: '-1' }, t('Auto')),
        hls.levels.map((l, i) => h('option', { value: String(i) }, l.height ? `${l.height}p` : t('{bitrate} kbit/s', { bitrate: formatNumber(Math.round(l.bitrate / 1000)) }))));
      quality.hidden = false;
    });
    hls.on(Hls.Events.ERROR, (_e, data) => { if (data.fatal) status.textContent = t('Playback error: {details}', { details: data.details }); });
    quality.addEventListener('change', () => { hls.currentLevel = Number(quality.value); });
    hls.on(Hls.Events.SUBTITLE_TRACKS_UPDATED, () => {
      const tracks = hls.subtitleTracks;
      subtitlesLabel.hidden = !tracks.length;
      if (!tracks.length) return;
      clear(subtitles, h('option', { value: '-1' }, t('Off')), tracks.map((track, i) => h('option', { value: String(i) }, track.name)));
      const preferred = localStorage.getItem(subtitleKey);
      const pick = preferred ? tracks.findIndex((track) => track.lang === preferred) : -1;
      subtitles.value = String(pick >= 0 ? pick : hls.subtitleTrack);
      hls.subtitleTrack = Number(subtitles.value);
    });
    subtitles.addEventListener('change', () => {
      const index = Number(subtitles.value);
      hls.subtitleTrack = index;
      hls.subtitleDisplay = index >= 0;
      if (index >= 0) localStorage.setItem(subtitleKey, hls.subtitleTracks[index].lang || '');
      else localStorage.removeItem(subtitleKey);
    });
    hls.loadSource(master);
    hls.attachMedia(video);
  } else if (video.canPlayType('application/vnd.apple.mpegurl')) {
    video.src = await nativeMasterUrl(master);
  } else {
    status.textContent = t('This browser cannot play HLS video.');
  }
}

function saveResume(id, video) {
  if (video.currentTime > 5) localStorage.setItem(resumeKey(id), String(Math.floor(video.currentTime)));
}

// A seek bar under the video showing the sprite's thumbnail of the time under the pointer.
function scrubBar(id, video, knownDuration) {
  const range = h('input', { id: 'video-seek', type: 'range', min: '0', max: '1000', value: '0', 'aria-label': t('Seek') });
  const tile = h('div', { class: 'scrub-tile' });
  const label = h('span', { class: 'scrub-time' });
  const preview = h('div', { class: 'scrub-preview', hidden: true }, tile, label);
  const element = h('div', { class: 'scrub' }, preview, range);
  let sprite = null;       // {url, columns, tileWidth, tileHeight, interval, count}
  let blobUrl = null;
  let dragging = false;
  const duration = () => (Number.isFinite(video.duration) && video.duration > 0 ? video.duration : knownDuration || 0);

  authFetch(`/api/videos/${encodeURIComponent(id)}/thumbnails?count=30&width=160`)
    .then((r) => (r.ok ? r.json() : null))
    .then(async (thumbs) => {
      if (!thumbs?.sprite) return;
      const img = await authFetch(thumbs.sprite.url);
      if (!img.ok) return;
      blobUrl = URL.createObjectURL(await img.blob());
      sprite = { ...thumbs.sprite, interval: thumbs.interval, count: thumbs.items.length };
      tile.style.width = `${sprite.tileWidth}px`;
      tile.style.height = `${sprite.tileHeight}px`;
      tile.style.backgroundImage = `url("${blobUrl}")`;
    }).catch(() => {});

  const show = (fraction) => {
    const at = fraction * duration();
    label.textContent = formatDuration(at);
    preview.hidden = false;
    preview.style.left = `${Math.round(fraction * 100)}%`;
    if (!sprite) return;
    const i = Math.min(sprite.count - 1, Math.floor(at / (sprite.interval || 1)));
    tile.style.backgroundPosition = `-${(i % sprite.columns) * sprite.tileWidth}px -${Math.floor(i / sprite.columns) * sprite.tileHeight}px`;
  };
  range.addEventListener('pointermove', (e) => {
    const box = range.getBoundingClientRect();
    show(Math.min(1, Math.max(0, (e.clientX - box.left) / box.width)));
  });
  range.addEventListener('pointerleave', () => { if (!dragging) preview.hidden = true; });
  range.addEventListener('input', () => { dragging = true; show(Number(range.value) / 1000); });
  range.addEventListener('change', () => {
    dragging = false;
    preview.hidden = true;
    video.currentTime = (Number(range.value) / 1000) * duration();
  });
  video.addEventListener('timeupdate', () => {
    if (!dragging && duration() > 0) range.value = String(Math.round((video.currentTime / duration()) * 1000));
  });
  return { element, dispose() { if (blobUrl) URL.revokeObjectURL(blobUrl); } };
}
