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
import { t, msg } from './i18n.js';

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
    h('span', { class: 'card-title' }, album.title || t('(untitled)')),
    h('span', { class: 'card-sub muted' }, [album.artist, album.year || null].filter(Boolean).join(' · ')));
}

// The orders /api/albums offers; the last four are the user's own.
export const ALBUM_SORTS = [
  ['name', msg('Name')], ['artist', msg('Artist')], ['year', msg('Year')], ['added', msg('Recently added')], ['played', msg('Most played')],
  ['random', msg('Random')], ['rating', msg('Your highest rated')], ['frequent', msg('Your most played')],
  ['recent', msg('Your recently played')], ['starred', msg('Your favourites first')],
];

function sortPicker(sort) {
  const select = h('select', { id: 'album-sort', 'aria-label': t('Sort albums by'),
    onchange: () => { location.hash = `#/albums/${select.value}`; } },
  ALBUM_SORTS.map(([value, label]) => h('option', { value, selected: value === sort }, t(label))));
  return h('label', { class: 'sort-picker' }, t('Sort by'), ' ', select);
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
      if (!any) grid.replaceWith(emptyState(t('Album browsing is not available on this server yet. Use search or All tracks.')));
      return { count: 0, total: 0 };
    }
    grid.append(...page.items.map(albumCard));
    any ||= page.items.length > 0;
    if (!any) grid.replaceWith(emptyState(['frequent', 'recent'].includes(sort) ? t('You have not played any album yet.') : t('No albums yet.')));
    return { count: page.items.length, total: page.total };
  });
}

// The columns of trackRow, named for screen readers; the narrow ones hide on phones.
export function trackHead({ showAlbum = true, showRating = false } = {}) {
  return h('thead', {}, h('tr', {},
    h('th', { class: 'num' }, h('span', { class: 'visually-hidden' }, t('Number'))),
    h('th', {}, t('Title')),
    h('th', { class: 'col-artist' }, t('Artist')),
    showAlbum ? h('th', { class: 'col-album' }, t('Album')) : null,
    showRating ? h('th', { class: 'col-rating' }, t('Rating')) : null,
    h('th', { class: 'num col-plays', title: t('Your plays') }, t('Plays')),
    h('th', { class: 'num' }, t('Time')),
    h('th', {}, h('span', { class: 'visually-hidden' }, t('Actions')))));
}

export function trackRow(track, i, list, { showAlbum = true, showRating = false, number, extra = null } = {}) {
  return h('tr', { dataset: { trackId: track.id } },
    h('td', { class: 'num muted' }, number ?? ''),
    h('td', {}, h('button', { class: 'link play-track', onclick: () => playTracks(list, i) }, track.title || t('(untitled)'))),
    h('td', { class: 'muted col-artist' }, track.artist || ''),
    showAlbum ? h('td', { class: 'muted col-album' }, track.albumId ? h('a', { href: `#/album/${track.albumId}` }, track.album || '') : (track.album || '')) : null,
    showRating ? h('td', { class: 'col-rating' }, ratingControl('tracks', track,
      { label: track.title ? t('Rating of {title}', { title: track.title }) : t('Rating of this track') })) : null,
    playCountCell(track),
    h('td', { class: 'num muted' }, formatDuration(track.duration)),
    h('td', { class: 'row-buttons' },
      heartButton('tracks', track, t('Favourite: {title}', { title: track.title || t('(untitled)') })),
      h('button', { class: 'icon', title: t('Add to queue'), 'aria-label': t('Add to queue'), onclick: () => enqueue([track]) }, '+'),
      h('button', { class: 'icon add-to-playlist', title: t('Add to playlist'), 'aria-label': t('Add to playlist'),
        onclick: () => addToPlaylist([track]) }, icon('playlistAdd', 18)),
      extra));
}

export function trackTable(tracks, options = {}) {
  return h('table', { class: 'tracks' }, trackHead(options), h('tbody', {}, tracks.map((track, i) => trackRow(track, i, tracks, options))));
}

export async function album(main, id) {
  const a = await apiOptional(`/api/albums/${id}`);
  if (!a) return clear(main, emptyState(t('This album is not available.')));
  const tracks = [...(a.tracks || [])].sort((x, y) => (x.discNumber || 0) - (y.discNumber || 0) || (x.trackNumber || 0) - (y.trackNumber || 0));
  const discs = [...new Set(tracks.map((track) => track.discNumber || 1))];
  const body = discs.map((disc) => {
    const options = { showAlbum: false, showRating: true };
    const rows = tracks.map((track, i) => ((track.discNumber || 1) === disc ? trackRow(track, i, tracks, { ...options, number: track.trackNumber || '' }) : null));
    return [discs.length > 1 ? h('h2', { class: 'disc' }, t('Disc {number}', { number: disc })) : null,
      h('table', { class: 'tracks' }, trackHead(options), h('tbody', {}, rows))];
  });
  const total = tracks.reduce((sum, track) => sum + (track.duration || 0), 0);
  clear(main,
    h('div', { class: 'album-head' }, cover('albums', a.id, 240, ''),
      h('div', {},
        h('h1', {}, a.title || t('(untitled)')),
        h('p', {}, a.artistId ? h('a', { href: `#/artist/${a.artistId}` }, a.artist || '') : (a.artist || '')),
        h('p', { class: 'muted' }, [a.year, a.genre, t('{count} tracks', { count: tracks.length }), formatDuration(total)].filter(Boolean).join(' · ')),
        h('div', { class: 'item-state' }, heartButton('albums', a), ratingControl('albums', a, { label: t('Album rating') })),
        h('div', { class: 'actions' },
          h('button', { class: 'primary', onclick: () => playTracks(tracks, 0) }, t('▶ Play')),
          h('button', { onclick: () => enqueue(tracks) }, t('+ Queue')),
          h('button', { class: 'add-to-playlist', onclick: () => addToPlaylist(tracks) }, t('+ Playlist'))))),
    body);
}

// "3 albums · 24 tracks", of an artist or a genre.
const counts = (x) => `${t('{count} albums', { count: x.albumCount ?? 0 })} · ${t('{count} tracks', { count: x.trackCount ?? 0 })}`;

export async function artists(main) {
  const list = h('ul', { class: 'list' });
  clear(main, h('h1', {}, t('Artists')), list);
  let any = false;
  await pager(list, async (offset) => {
    const page = await apiOptional(`/api/artists?offset=${offset}&limit=${PAGE}&sort=name`);
    if (!page) {
      list.replaceWith(emptyState(t('Artist browsing is not available on this server yet.')));
      return { count: 0, total: 0 };
    }
    list.append(...page.items.map((ar) => h('li', {},
      cover('artists', ar.id, 48, ''),
      h('a', { href: `#/artist/${ar.id}` }, ar.name || t('(unknown)')),
      h('span', { class: 'muted' }, ' ', counts(ar)))));
    any ||= page.items.length > 0;
    if (!any) list.replaceWith(emptyState(t('No artists yet.')));
    return { count: page.items.length, total: page.total };
  });
}

export async function artist(main, id) {
  const a = await apiOptional(`/api/artists/${id}`);
  if (!a) return clear(main, emptyState(t('This artist is not available.')));
  clear(main, h('div', { class: 'page-head' }, h('h1', {}, a.name || t('(unknown)')),
    h('div', { class: 'item-state' }, heartButton('artists', a), ratingControl('artists', a, { label: t('Artist rating') }))),
  (a.albums || []).length ? h('div', { class: 'grid' }, a.albums.map(albumCard)) : emptyState(t('No albums.')));
}

export async function genres(main) {
  const g = await apiOptional('/api/genres');
  if (!g) return clear(main, h('h1', {}, t('Genres')), emptyState(t('Genre browsing is not available on this server yet.')));
  clear(main, h('h1', {}, t('Genres')), g.items.length ? h('ul', { class: 'list' }, g.items.map((x) => h('li', {},
    h('a', { href: `#/genre/${encodeURIComponent(x.name)}` }, x.name || t('(none)')),
    h('span', { class: 'muted' }, ' ', counts(x))))) : emptyState(t('No genres yet.')));
}

export async function tracks(main) {
  const table = h('table', { class: 'tracks', id: 'all-tracks' });
  const body = h('tbody');
  table.append(trackHead(), body);
  clear(main, h('h1', {}, t('All tracks')), table);
  const loaded = [];
  await pager(table, async (offset) => {
    const page = await api(`/api/tracks?offset=${offset}&limit=100`);
    const audio = page.items.filter((track) => track.kind !== 'video');
    const start = loaded.length;
    loaded.push(...audio);
    body.append(...audio.map((track, i) => trackRow(track, start + i, loaded)));
    if (!loaded.length && offset + page.items.length >= page.total) table.replaceWith(emptyState(t('No tracks yet.')));
    return { count: page.items.length, total: page.total };
  });
}
