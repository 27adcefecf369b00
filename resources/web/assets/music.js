// The music pages: album grids (in any of the API's orders, a genre), an album with its discs,
// artists, an artist, genres and all tracks; and the track rows every track list shares (heart,
// plays, queue, playlist). Browse endpoints a server lacks show an empty state instead of failing.

import { h, clear, formatDuration, emptyState } from './dom.js';
import { api, apiOptional } from './api.js';
import { cover } from './art.js';
import { playTracks, enqueue } from './player.js';
import { heartButton, ratingControl, playCountCell } from './state.js';
import { addToPlaylist } from './playlistPicker.js';
import { icon } from './icons.js';

const PAGE = 60;

function pager(container, load) {
  // Infinite scroll: the next page when the sentinel comes into view.
  const sentinel = h('div', { class: 'sentinel' });
  let offset = 0, done = false, busy = false;
  const more = async () => {
    if (done || busy) return;
    busy = true;
    const got = await load(offset);
    offset += got.count;
    done = got.count === 0 || offset >= got.total;
    busy = false;
    if (done) observer.disconnect();
  };
  const observer = new IntersectionObserver((entries) => { if (entries.some((e) => e.isIntersecting)) more(); });
  container.after(sentinel);
  observer.observe(sentinel);
  return more();
}

export function albumCard(album) {
  return h('a', { class: 'card', href: `#/album/${album.id}` },
    cover('albums', album.id, 160, ''),
    h('span', { class: 'card-title' }, album.title || '(untitled)'),
    h('span', { class: 'card-sub muted' }, [album.artist, album.year || null].filter(Boolean).join(' · ')));
}

// The orders /api/albums offers; the last four are the user's own.
export const ALBUM_SORTS = [
  ['name', 'Name'], ['artist', 'Artist'], ['year', 'Year'], ['added', 'Recently added'], ['played', 'Most played'],
  ['random', 'Random'], ['rating', 'Your highest rated'], ['frequent', 'Your most played'],
  ['recent', 'Your recently played'], ['starred', 'Your favourites first'],
];

function sortPicker(sort) {
  const select = h('select', { id: 'album-sort', 'aria-label': 'Sort albums by',
    onchange: () => { location.hash = `#/albums/${select.value}`; } },
  ALBUM_SORTS.map(([value, label]) => h('option', { value, selected: value === sort }, label)));
  return h('label', { class: 'sort-picker' }, 'Sort by ', select);
}

export async function albums(main, { sort, genre, title, sortable = false }) {
  const grid = h('div', { class: 'grid', id: 'album-grid' });
  clear(main, h('div', { class: 'page-head' }, h('h1', {}, title), sortable ? sortPicker(sort) : null), grid);
  let any = false;
  await pager(grid, async (offset) => {
    const q = new URLSearchParams({ offset, limit: PAGE, sort });
    if (genre) q.set('genre', genre);
    const page = await apiOptional(`/api/albums?${q}`);
    if (!page) {
      if (!any) grid.replaceWith(emptyState('Album browsing is not available on this server yet. Use search or All tracks.'));
      return { count: 0, total: 0 };
    }
    grid.append(...page.items.map(albumCard));
    any ||= page.items.length > 0;
    if (!any) grid.replaceWith(emptyState(['frequent', 'recent'].includes(sort) ? 'You have not played any album yet.' : 'No albums yet.'));
    return { count: page.items.length, total: page.total };
  });
}

// The columns of trackRow, named for screen readers; the narrow ones hide on phones.
export function trackHead({ showAlbum = true, showRating = false } = {}) {
  return h('thead', {}, h('tr', {},
    h('th', { class: 'num' }, h('span', { class: 'visually-hidden' }, 'Number')),
    h('th', {}, 'Title'),
    h('th', { class: 'col-artist' }, 'Artist'),
    showAlbum ? h('th', { class: 'col-album' }, 'Album') : null,
    showRating ? h('th', { class: 'col-rating' }, 'Rating') : null,
    h('th', { class: 'num col-plays', title: 'Your plays' }, 'Plays'),
    h('th', { class: 'num' }, 'Time'),
    h('th', {}, h('span', { class: 'visually-hidden' }, 'Actions'))));
}

export function trackRow(track, i, list, { showAlbum = true, showRating = false, number, extra = null } = {}) {
  return h('tr', { dataset: { trackId: track.id } },
    h('td', { class: 'num muted' }, number ?? ''),
    h('td', {}, h('button', { class: 'link play-track', onclick: () => playTracks(list, i) }, track.title || '(untitled)')),
    h('td', { class: 'muted col-artist' }, track.artist || ''),
    showAlbum ? h('td', { class: 'muted col-album' }, track.albumId ? h('a', { href: `#/album/${track.albumId}` }, track.album || '') : (track.album || '')) : null,
    showRating ? h('td', { class: 'col-rating' }, ratingControl('tracks', track, { label: `Rating of ${track.title || 'this track'}` })) : null,
    playCountCell(track),
    h('td', { class: 'num muted' }, formatDuration(track.duration)),
    h('td', { class: 'row-buttons' },
      heartButton('tracks', track, `Favourite: ${track.title || '(untitled)'}`),
      h('button', { class: 'icon', title: 'Add to queue', 'aria-label': 'Add to queue', onclick: () => enqueue([track]) }, '+'),
      h('button', { class: 'icon add-to-playlist', title: 'Add to playlist', 'aria-label': 'Add to playlist',
        onclick: () => addToPlaylist([track]) }, icon('playlistAdd', 18)),
      extra));
}

export function trackTable(tracks, options = {}) {
  return h('table', { class: 'tracks' }, trackHead(options), h('tbody', {}, tracks.map((t, i) => trackRow(t, i, tracks, options))));
}

export async function album(main, id) {
  const a = await apiOptional(`/api/albums/${id}`);
  if (!a) return clear(main, emptyState('This album is not available.'));
  const tracks = [...(a.tracks || [])].sort((x, y) => (x.discNumber || 0) - (y.discNumber || 0) || (x.trackNumber || 0) - (y.trackNumber || 0));
  const discs = [...new Set(tracks.map((t) => t.discNumber || 1))];
  const body = discs.map((disc) => {
    const options = { showAlbum: false, showRating: true };
    const rows = tracks.map((t, i) => ((t.discNumber || 1) === disc ? trackRow(t, i, tracks, { ...options, number: t.trackNumber || '' }) : null));
    return [discs.length > 1 ? h('h2', { class: 'disc' }, `Disc ${disc}`) : null,
      h('table', { class: 'tracks' }, trackHead(options), h('tbody', {}, rows))];
  });
  const total = tracks.reduce((s, t) => s + (t.duration || 0), 0);
  clear(main,
    h('div', { class: 'album-head' }, cover('albums', a.id, 240, ''),
      h('div', {},
        h('h1', {}, a.title || '(untitled)'),
        h('p', {}, a.artistId ? h('a', { href: `#/artist/${a.artistId}` }, a.artist || '') : (a.artist || '')),
        h('p', { class: 'muted' }, [a.year, a.genre, `${tracks.length} tracks`, formatDuration(total)].filter(Boolean).join(' · ')),
        h('div', { class: 'item-state' }, heartButton('albums', a), ratingControl('albums', a, { label: 'Album rating' })),
        h('div', { class: 'actions' },
          h('button', { class: 'primary', onclick: () => playTracks(tracks, 0) }, '▶ Play'),
          h('button', { onclick: () => enqueue(tracks) }, '+ Queue'),
          h('button', { class: 'add-to-playlist', onclick: () => addToPlaylist(tracks) }, '+ Playlist')))),
    body);
}

export async function artists(main) {
  const list = h('ul', { class: 'list' });
  clear(main, h('h1', {}, 'Artists'), list);
  let any = false;
  await pager(list, async (offset) => {
    const page = await apiOptional(`/api/artists?offset=${offset}&limit=${PAGE}&sort=name`);
    if (!page) {
      list.replaceWith(emptyState('Artist browsing is not available on this server yet.'));
      return { count: 0, total: 0 };
    }
    list.append(...page.items.map((ar) => h('li', {},
      cover('artists', ar.id, 48, ''),
      h('a', { href: `#/artist/${ar.id}` }, ar.name || '(unknown)'),
      h('span', { class: 'muted' }, ` ${ar.albumCount ?? 0} albums · ${ar.trackCount ?? 0} tracks`))));
    any ||= page.items.length > 0;
    if (!any) list.replaceWith(emptyState('No artists yet.'));
    return { count: page.items.length, total: page.total };
  });
}

export async function artist(main, id) {
  const a = await apiOptional(`/api/artists/${id}`);
  if (!a) return clear(main, emptyState('This artist is not available.'));
  clear(main, h('div', { class: 'page-head' }, h('h1', {}, a.name || '(unknown)'),
    h('div', { class: 'item-state' }, heartButton('artists', a), ratingControl('artists', a, { label: 'Artist rating' }))),
  (a.albums || []).length ? h('div', { class: 'grid' }, a.albums.map(albumCard)) : emptyState('No albums.'));
}

export async function genres(main) {
  const g = await apiOptional('/api/genres');
  if (!g) return clear(main, h('h1', {}, 'Genres'), emptyState('Genre browsing is not available on this server yet.'));
  clear(main, h('h1', {}, 'Genres'), g.items.length ? h('ul', { class: 'list' }, g.items.map((x) => h('li', {},
    h('a', { href: `#/genre/${encodeURIComponent(x.name)}` }, x.name || '(none)'),
    h('span', { class: 'muted' }, ` ${x.albumCount ?? 0} albums · ${x.trackCount ?? 0} tracks`)))) : emptyState('No genres yet.'));
}

export async function tracks(main) {
  const table = h('table', { class: 'tracks', id: 'all-tracks' });
  const body = h('tbody');
  table.append(trackHead(), body);
  clear(main, h('h1', {}, 'All tracks'), table);
  const loaded = [];
  await pager(table, async (offset) => {
    const page = await api(`/api/tracks?offset=${offset}&limit=100`);
    const audio = page.items.filter((t) => t.kind !== 'video');
    const start = loaded.length;
    loaded.push(...audio);
    body.append(...audio.map((t, i) => trackRow(t, start + i, loaded)));
    if (!loaded.length && offset + page.items.length >= page.total) table.replaceWith(emptyState('No tracks yet.'));
    return { count: page.items.length, total: page.total };
  });
}
