// The playlist pages: the list (the user's own and others' public ones) with a form for a new
// one, and a playlist (play, queue; for its owner also reorder, remove, rename, public, delete).

import { h, clear, formatDuration, emptyState, notify } from './dom.js';
import { api } from './api.js';
import { playTracks, enqueue } from './player.js';
import { trackHead, trackRow } from './music.js';
import { newPlaylistForm } from './playlistPicker.js';
import { t } from './i18n.js';

function summary(p) {
  return [p.own ? null : t('by {owner}', { owner: p.owner }), p.public ? t('public') : null, t('{count} tracks', { count: p.trackCount ?? 0 }),
    formatDuration(p.duration)].filter(Boolean).join(' · ');
}

export async function playlists(main) {
  const data = await api('/api/playlists');
  const list = data.items.length
    ? h('ul', { class: 'list', id: 'playlist-list' }, data.items.map((p) => h('li', {},
      h('a', { href: `#/playlist/${p.id}` }, p.name),
      h('span', { class: 'muted' }, summary(p)))))
    : emptyState(t('No playlists yet. Create one here, or add tracks to a new one from any track list.'));
  clear(main, h('h1', {}, t('Playlists')),
    newPlaylistForm([], (p) => { location.hash = `#/playlist/${p.id}`; }), list);
}

export async function playlist(main, id) {
  let p;
  try {
    p = await api(`/api/playlists/${encodeURIComponent(id)}`);
  } catch (e) {
    if (e.status === 404) return clear(main, h('h1', {}, t('Playlist')), emptyState(t('This playlist is not available.')));
    throw e;
  }
  renderPlaylist(main, p);
}

// Every change answers with the playlist as it now is: the page is drawn again from it.
async function change(main, p, request, message) {
  try {
    renderPlaylist(main, await request());
    if (message) notify(message);
  } catch (e) {
    notify(t('Not saved: {error}', { error: e.message }));
  }
}

function renderPlaylist(main, p) {
  const tracks = p.tracks || [];
  const patch = (body, message) => change(main, p, () => api(`/api/playlists/${p.id}`, { method: 'PATCH', body }), message);
  const reorder = (ids) => change(main, p, () => api(`/api/playlists/${p.id}/tracks`, { method: 'PUT', body: ids }));
  const move = (i, to) => {
    const ids = tracks.map((track) => track.id);
    const [moved] = ids.splice(i, 1);
    ids.splice(to, 0, moved);
    reorder(ids);
  };
  const rows = tracks.map((track, i) => trackRow(track, i, tracks, {
    number: i + 1,
    extra: p.own ? [
      h('button', { class: 'icon move-up', title: t('Move up'), 'aria-label': t('Move up'), disabled: i === 0, onclick: () => move(i, i - 1) }, '↑'),
      h('button', { class: 'icon move-down', title: t('Move down'), 'aria-label': t('Move down'), disabled: i === tracks.length - 1, onclick: () => move(i, i + 1) }, '↓'),
      h('button', { class: 'icon remove-entry', title: t('Remove from this playlist'), 'aria-label': t('Remove from this playlist'),
        onclick: () => patch({ remove: [i] }, t('Removed from the playlist')) }, '✕'),
    ] : null,
  }));
  clear(main,
    h('div', { class: 'playlist-head' },
      h('h1', { id: 'playlist-name' }, p.name),
      p.comment ? h('p', {}, p.comment) : null,
      h('p', { class: 'muted' }, summary(p)),
      h('div', { class: 'actions' },
        h('button', { id: 'playlist-play', class: 'primary', disabled: !tracks.length, onclick: () => playTracks(tracks, 0) }, t('▶ Play')),
        h('button', { disabled: !tracks.length, onclick: () => enqueue(tracks) }, t('+ Queue'))),
      p.own ? ownerTools(main, p, patch) : null),
    tracks.length
      ? h('table', { class: 'tracks', id: 'playlist-tracks' }, trackHead(), h('tbody', {}, rows))
      : emptyState(t('This playlist is empty. Add tracks with the playlist button of any track.')));
}

// Rename, public, delete: inline forms (no prompt() or confirm(): the page stays the app's).
function ownerTools(main, p, patch) {
  const name = h('input', { id: 'playlist-rename', type: 'text', value: p.name, maxlength: '200', required: true, 'aria-label': t('Playlist name') });
  const rename = h('form', { class: 'inline-form' }, name, h('button', { type: 'submit' }, t('Rename')));
  rename.addEventListener('submit', (e) => { e.preventDefault(); patch({ name: name.value }, t('Renamed')); });
  const visibility = h('label', { class: 'inline' },
    h('input', { id: 'playlist-public', type: 'checkbox', checked: p.public, onchange: (e) => patch({ public: e.target.checked }) }),
    t('Public: other users can see and play it'));
  const confirm = h('span', { class: 'confirm', hidden: true }, t('Delete this playlist?'), ' ',
    h('button', { id: 'playlist-delete-yes', class: 'danger', onclick: async () => {
      try {
        await api(`/api/playlists/${p.id}`, { method: 'DELETE' });
        notify(t('Deleted {name}', { name: p.name }));
        location.hash = '#/playlists';
      } catch (e) {
        notify(t('Not deleted: {error}', { error: e.message }));
      }
    } }, t('Delete')),
    ' ', h('button', { onclick: () => { confirm.hidden = true; } }, t('Keep')));
  const remove = h('button', { id: 'playlist-delete', class: 'danger', onclick: () => { confirm.hidden = false; } }, t('Delete playlist…'));
  return h('details', { class: 'owner-tools' }, h('summary', {}, t('Edit playlist')), rename, visibility, h('p', {}, remove, ' ', confirm));
}
