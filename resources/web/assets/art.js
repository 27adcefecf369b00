// Cover images. The art routes need the token, which an <img> cannot send, so covers are
// fetched with it and shown as blob: URLs — only when they scroll into view, at the size drawn
// (times the screen's pixel ratio), and each fetched once per page life.

import { authFetch } from './api.js';
import { h } from './dom.js';

// url → Promise<blob URL | null>, least recently used first. Bounded: a long scroll through a
// large library would otherwise keep every cover in memory. An evicted URL is revoked; images
// already drawn from it stay drawn.
const cache = new Map();
const CACHE_LIMIT = 400;

function load(url) {
  let entry = cache.get(url);
  if (entry) {
    cache.delete(url);
  } else {
    entry = authFetch(url)
      .then((res) => (res.ok ? res.blob() : null))
      .then((blob) => (blob ? URL.createObjectURL(blob) : null))
      .catch(() => null);
  }
  cache.set(url, entry);
  while (cache.size > CACHE_LIMIT) {
    const [oldest, promise] = cache.entries().next().value;
    cache.delete(oldest);
    promise.then((blobUrl) => { if (blobUrl) setTimeout(() => URL.revokeObjectURL(blobUrl), 10000); });
  }
  return entry;
}

export function coverUrl(kind, id, cssPixels) {
  const size = Math.min(2048, Math.round(cssPixels * (window.devicePixelRatio || 1)));
  return `/api/${kind}/${encodeURIComponent(id)}/art?size=${size}`;
}

const observer = new IntersectionObserver((entries) => {
  for (const entry of entries) {
    if (!entry.isIntersecting) continue;
    observer.unobserve(entry.target);
    show(entry.target);
  }
}, { rootMargin: '200px' });

async function show(img) {
  const src = await load(img.dataset.art);
  if (src) img.src = src;
  else img.classList.add('no-art');
}

// An <img> that loads its cover lazily; `kind` is albums, artists or tracks.
export function cover(kind, id, cssPixels, alt = '') {
  const img = h('img', { class: 'cover', width: cssPixels, height: cssPixels, alt, dataset: { art: coverUrl(kind, id, cssPixels) } });
  observer.observe(img);
  return img;
}

// For the Media Session: a blob URL of the cover, or null.
export function coverBlobUrl(kind, id, cssPixels) { return load(coverUrl(kind, id, cssPixels)); }
