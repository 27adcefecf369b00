// The user's own state of tracks, albums and artists, as the API keeps it for every client (a
// star set in an OpenSubsonic app shows here and the other way round): the heart (favourite)
// and star rating controls, and recorded plays. Every control showing the same item is updated
// together, so a track listed twice on a page never shows two states.

import { h } from './dom.js';
import { api } from './api.js';
import { icon } from './icons.js';
import { t } from './i18n.js';

// The heart's tooltip, by kind and state (whole sentences: "track", "album" and "artist" differ
// in gender elsewhere).
function heartTitle(kind, on) {
  if (kind === 'albums') return on ? t('Remove this album from your favourites') : t('Add this album to your favourites');
  if (kind === 'artists') return on ? t('Remove this artist from your favourites') : t('Add this artist to your favourites');
  return on ? t('Remove this track from your favourites') : t('Add this track to your favourites');
}

function controlsOf(selector, kind, id) {
  return document.querySelectorAll(`${selector}[data-kind="${kind}"][data-item-id="${CSS.escape(String(id))}"]`);
}

function showHeart(button, on) {
  button.setAttribute('aria-pressed', on ? 'true' : 'false');
  button.title = heartTitle(button.dataset.kind, on);
  button.replaceChildren(icon(on ? 'heart' : 'heartOutline', 18));
  button.classList.toggle('on', on);
}

// A toggle button: filled heart = favourite. `item` is the API's JSON (its `favourite` is kept
// up to date, so a page rebuilt from the same objects shows the change).
export function heartButton(kind, item, label = t('Favourite')) {
  const button = h('button', {
    class: 'heart', type: 'button', 'aria-label': label,
    dataset: { kind, itemId: String(item.id) },
    onclick: () => setFavourite(kind, item, button.getAttribute('aria-pressed') !== 'true'),
  });
  showHeart(button, Boolean(item.favourite));
  return button;
}

async function setFavourite(kind, item, on) {
  const buttons = controlsOf('button.heart', kind, item.id);
  buttons.forEach((b) => showHeart(b, on));
  try {
    await api(`/api/favourites/${kind}/${encodeURIComponent(item.id)}`, { method: on ? 'PUT' : 'DELETE' });
    item.favourite = on;
  } catch (e) {
    buttons.forEach((b) => { showHeart(b, !on); b.title = t('Not saved: {error}', { error: e.message }); });
  }
}

function showRating(group, rating) {
  group.dataset.rating = String(rating);
  group.querySelectorAll('button').forEach((b, i) => {
    const on = i < rating;
    b.replaceChildren(icon(on ? 'star' : 'starOutline', 16));
    b.classList.toggle('on', on);
    b.setAttribute('aria-pressed', i + 1 === rating ? 'true' : 'false');
  });
}

// Five star buttons; the one matching the rating again clears it.
export function ratingControl(kind, item, { label = t('Rating') } = {}) {
  const group = h('span', { class: 'rating', role: 'group', 'aria-label': label, dataset: { kind, itemId: String(item.id) } });
  for (let n = 1; n <= 5; n++) {
    group.append(h('button', {
      type: 'button', title: t('{count} stars', { count: n }), 'aria-label': t('{count} stars', { count: n }),
      onclick: () => setRating(kind, item, Number(group.dataset.rating) === n ? 0 : n),
    }));
  }
  showRating(group, item.rating || 0);
  return group;
}

async function setRating(kind, item, rating) {
  const groups = controlsOf('.rating', kind, item.id);
  const before = item.rating || 0;
  groups.forEach((g) => showRating(g, rating));
  try {
    await api(`/api/ratings/${kind}/${encodeURIComponent(item.id)}`, { method: 'PUT', body: { rating } });
    item.rating = rating;
  } catch (e) {
    groups.forEach((g) => { showRating(g, before); g.title = t('Not saved: {error}', { error: e.message }); });
  }
}

// The cell of a track table that shows how often the user played the track.
export function playCountCell(track) {
  const count = track.playCount || 0;
  return h('td', {
    class: 'num muted plays col-plays', dataset: { playsOf: String(track.id) },
    title: count ? t('Played {count} times', { count }) : t('Not played yet'),
  }, count || '');
}

// Tells the server the user played `track`; every track object and count shown follow.
export async function recordPlay(track) {
  try {
    await api(`/api/tracks/${encodeURIComponent(track.id)}/played`, { method: 'POST' });
  } catch {
    return;   // a play that could not be recorded is not worth interrupting the music for
  }
  track.playCount = (track.playCount || 0) + 1;
  // Each cell counts on from what it showed: pages may hold older copies of the track's JSON.
  document.querySelectorAll(`td[data-plays-of="${CSS.escape(String(track.id))}"]`).forEach((cell) => {
    const count = (Number(cell.textContent) || 0) + 1;
    cell.textContent = String(count);
    cell.title = t('Played {count} times', { count });
  });
}
