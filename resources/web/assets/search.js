// Search as you type: the box in the header and the grouped results page (artists, albums,
// tracks). A server without /api/search is searched through /api/tracks?q=.

import { h, clear, debounce, emptyState } from './dom.js';
import { api, apiOptional } from './api.js';
import { albumCard, trackTable } from './music.js';
import { t, tParts } from './i18n.js';

let serial = 0;

export function searchBox() {
  const input = h('input', { id: 'search', type: 'search', placeholder: t('Search artists, albums, tracks'), 'aria-label': t('Search'), autocomplete: 'off' });
  const go = debounce(() => {
    const q = input.value.trim();
    const target = `#/search/${encodeURIComponent(q)}`;
    if (location.hash.startsWith('#/search/')) {
      history.replaceState(null, '', target);
      searchPage(document.getElementById('page'), q);
    } else if (q) {
      location.hash = target;
    }
  }, 200);
  input.addEventListener('input', go);
  input.addEventListener('keydown', (e) => { if (e.key === 'Escape') { input.value = ''; go(); } });
  return input;
}

export async function searchPage(main, q) {
  const mine = ++serial;
  const box = document.getElementById('search');
  if (box && box.value.trim() !== q && document.activeElement !== box) box.value = q;
  if (!q) return clear(main, h('h1', {}, t('Search')), emptyState(t('Type to search.')));
  let result = await apiOptional(`/api/search?q=${encodeURIComponent(q)}&limit=20`);
  if (!result) {
    const tracks = await api(`/api/tracks?q=${encodeURIComponent(q)}&limit=50`);
    result = { artists: [], albums: [], tracks: tracks.items.filter((track) => track.kind !== 'video') };
  }
  if (mine !== serial) return;     // a later keystroke already asked again
  const sections = [];
  if (result.artists?.length)
    sections.push(h('h2', {}, t('Artists')), h('ul', { class: 'list' }, result.artists.map((a) => h('li', {}, h('a', { href: `#/artist/${a.id}` }, a.name || t('(unknown)'))))));
  if (result.albums?.length) sections.push(h('h2', {}, t('Albums')), h('div', { class: 'grid' }, result.albums.map(albumCard)));
  if (result.tracks?.length) sections.push(h('h2', {}, t('Tracks')), trackTable(result.tracks));
  clear(main, h('h1', {}, tParts('Search: {query}', { query: h('q', {}, q) })),
    h('div', { id: 'search-results' }, sections.length ? sections : emptyState(t('Nothing found.'))));
}
