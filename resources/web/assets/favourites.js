// The Favourites page: the tracks, albums and artists the user starred — here or in any other
// client — newest first. Unstarring keeps the item on the page until the next visit, so a
// mistaken click is undone with a second one.

import { h, clear, emptyState } from './dom.js';
import { api } from './api.js';
import { cover } from './art.js';
import { albumCard, trackTable } from './music.js';
import { heartButton } from './state.js';
import { t } from './i18n.js';

export async function favourites(main) {
  const { tracks = [], albums = [], artists = [] } = await api('/api/favourites');
  const sections = [];
  if (tracks.length) sections.push(h('h2', {}, t('Tracks')), h('div', { id: 'favourite-tracks' }, trackTable(tracks)));
  if (albums.length) sections.push(h('h2', {}, t('Albums')), h('div', { class: 'grid', id: 'favourite-albums' }, albums.map(albumCard)));
  if (artists.length) {
    sections.push(h('h2', {}, t('Artists')), h('ul', { class: 'list', id: 'favourite-artists' }, artists.map((a) => h('li', {},
      cover('artists', a.id, 48, ''),
      h('a', { href: `#/artist/${a.id}` }, a.name || t('(unknown)')),
      heartButton('artists', a, t('Favourite: {title}', { title: a.name || t('(unknown)') }))))));
  }
  clear(main, h('h1', {}, t('Favourites')),
    sections.length ? sections : emptyState(t('Nothing here yet. Use the heart on a track, an album or an artist.')));
}
