// Adding tracks to a playlist from anywhere (a track row, an album, the queue): a dialog listing
// the user's own playlists, with a form for a new one.

import { h, clear, notify } from './dom.js';
import { api } from './api.js';
import { t } from './i18n.js';

// A name field and a Create button; `created(playlist)` gets the new playlist's JSON.
export function newPlaylistForm(trackIds, created, id = 'new-playlist-name') {
  const input = h('input', { id, type: 'text', required: true, maxlength: '200',
    placeholder: t('New playlist name'), 'aria-label': t('New playlist name'), autocomplete: 'off' });
  const message = h('p', { class: 'form-message error', role: 'alert' });
  const form = h('form', { class: 'inline-form new-playlist' }, input, h('button', { type: 'submit', class: 'primary' }, t('Create')));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    message.textContent = '';
    try {
      created(await api('/api/playlists', { method: 'POST', body: { name: input.value, trackIds } }));
    } catch (err) {
      message.textContent = err.message;
    }
  });
  return [form, message];
}

// The dialog that adds `tracks` to one of the user's playlists, or to a new one.
export async function addToPlaylist(tracks) {
  if (!tracks.length) return;
  const ids = tracks.map((track) => track.id);
  const dialog = h('dialog', { id: 'add-to-playlist', 'aria-labelledby': 'add-to-playlist-title' });
  const close = () => { dialog.close(); dialog.remove(); };
  const done = (p) => { close(); notify(t('Added {count} tracks to {playlist}', { count: ids.length, playlist: p.name })); };
  const list = h('ul', { class: 'list' }, h('li', { class: 'muted' }, t('Loading…')));
  const [form, message] = newPlaylistForm(ids, done, 'dialog-playlist-name');
  dialog.append(
    h('h2', { id: 'add-to-playlist-title' }, tracks.length === 1
      ? t('Add “{title}” to a playlist', { title: tracks[0].title || t('(untitled)') })
      : t('Add {count} tracks to a playlist', { count: ids.length })),
    list, form, message,
    h('div', { class: 'actions' }, h('button', { type: 'button', onclick: close }, t('Cancel'))));
  dialog.addEventListener('close', () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
  try {
    const own = (await api('/api/playlists')).items.filter((p) => p.own);
    clear(list, own.length ? own.map((p) => h('li', {}, h('button', { class: 'link choose-playlist', onclick: async () => {
      try {
        done(await api(`/api/playlists/${p.id}`, { method: 'PATCH', body: { append: ids } }));
      } catch (e) {
        message.textContent = e.message;
      }
    } }, p.name), h('span', { class: 'muted' }, t('{count} tracks', { count: p.trackCount ?? 0 })))) : h('li', { class: 'muted' }, t('No playlists yet: name a new one.')));
  } catch (e) {
    clear(list, h('li', { class: 'error' }, e.message));
  }
}
