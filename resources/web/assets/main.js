// Start-up and layout: the log-in page or the app (navigation, search, page, player), and the
// hash routes ("#/albums", "#/album/12"…) that pick the page.

import { h, clear } from './dom.js';
import { t, onLanguageChange } from './i18n.js';
import { loadSession, currentSession, keptSessionExpired, setSessionEndedHandler, logout, api } from './api.js';
import { renderLogin } from './login.js';
import { mountPlayer, relabelPlayer, stop as stopPlayer } from './player.js';
import { searchBox } from './search.js';
import * as music from './music.js';

const app = document.getElementById('app');
let main = null;
let nav = null;
let search = null;

const routes = [
  [/^#?\/?$/, () => music.albums(main, { sort: 'name', title: t('Albums'), sortable: true })],
  [/^#\/albums(?:\/(\w+))?$/, (m) => music.albums(main, { sort: albumSort(m[1]), title: t('Albums'), sortable: true })],
  [/^#\/recent$/, () => music.albums(main, { sort: 'added', title: t('Recently added') })],
  [/^#\/played$/, () => music.albums(main, { sort: 'played', title: t('Most played') })],
  [/^#\/album\/(\d+)$/, (m) => music.album(main, m[1])],
  [/^#\/artists$/, () => music.artists(main)],
  [/^#\/artist\/(\d+)$/, (m) => music.artist(main, m[1])],
  [/^#\/genres$/, () => music.genres(main)],
  [/^#\/genre\/(.+)$/, (m) => music.albums(main, { sort: 'name', genre: decodeURIComponent(m[1]), title: decodeURIComponent(m[1]) })],
  [/^#\/tracks$/, () => music.tracks(main)],
  [/^#\/favourites$/, () => import('./favourites.js').then((f) => f.favourites(main))],
  [/^#\/playlists$/, () => import('./playlists.js').then((p) => p.playlists(main))],
  [/^#\/playlist\/(\d+)$/, (m) => import('./playlists.js').then((p) => p.playlist(main, m[1]))],
  [/^#\/search\/(.*)$/, (m) => import('./search.js').then((s) => s.searchPage(main, decodeURIComponent(m[1])))],
  [/^#\/videos$/, () => import('./video.js').then((v) => v.videos(main))],
  [/^#\/video\/(\d+)$/, (m) => import('./video.js').then((v) => v.videoPage(main, m[1]))],
  [/^#\/settings$/, () => import('./settings.js').then((s) => s.settings(main))],
  [/^#\/admin(?:\/(\w+))?$/, (m) => adminOnly(() => import('./admin.js').then((a) => a.admin(main, m[1] || 'folders')))],
];

function albumSort(name) {
  return music.ALBUM_SORTS.some(([value]) => value === name) ? name : 'name';
}

function adminOnly(show) {
  if (!currentSession()?.user?.admin) return clear(main, h('p', { class: 'empty' }, t('Administrators only.')));
  return show();
}

async function route() {
  if (!currentSession()) return;
  document.querySelectorAll('nav a').forEach((a) => a.classList.toggle('active', a.getAttribute('href') === location.hash));
  for (const [pattern, show] of routes) {
    const m = location.hash.match(pattern);
    if (m) {
      clear(main, h('p', { class: 'muted' }, t('Loading…')));
      try { await show(m); } catch (e) { clear(main, h('p', { class: 'error' }, e.message || String(e))); }
      main.focus({ preventScroll: true });
      return;
    }
  }
  clear(main, h('p', { class: 'empty' }, t('No such page.')));
}

// The navigation, drawn again when the language changes.
function navigation() {
  const user = currentSession().user;
  const link = (href, text, id) => h('a', { href, id, class: href === location.hash ? 'active' : null }, text);
  return h('nav', { 'aria-label': t('Main') },
    h('div', { class: 'brand' }, 'Cairn'),
    h('h3', {}, t('Music')),
    link('#/albums', t('Albums')), link('#/artists', t('Artists')), link('#/genres', t('Genres')),
    link('#/recent', t('Recently added')), link('#/played', t('Most played')), link('#/tracks', t('All tracks')),
    link('#/favourites', t('Favourites'), 'nav-favourites'), link('#/playlists', t('Playlists'), 'nav-playlists'),
    h('h3', {}, t('Video')), link('#/videos', t('Videos')),
    user.admin ? [h('h3', { id: 'admin-menu' }, t('Administration')),
      link('#/admin/folders', t('Library')), link('#/admin/users', t('Users')),
      link('#/admin/presets', t('Presets')), link('#/admin/activity', t('Activity')),
      link('#/admin/optimised', t('Optimised'))] : null,
    h('h3', {}, t('You')), link('#/settings', t('Settings')),
    h('button', { id: 'logout', class: 'link', onclick: doLogout }, t('Log out {name}', { name: user.name })));
}

function showApp() {
  nav = navigation();
  search = searchBox();
  main = h('main', { id: 'page', tabindex: '-1' });
  const playerHost = h('footer', { id: 'player' });
  clear(app, h('div', { class: 'layout' }, nav,
    h('div', { class: 'content' }, h('header', { class: 'top' }, search), main)), playerHost);
  mountPlayer(playerHost);
  route();
}

// Another language chosen in Settings: everything on screen is drawn again in it, at once; the
// player goes on playing (its <audio> stays where it is).
onLanguageChange(() => {
  if (!currentSession() || !main?.isConnected) return;
  const fresh = navigation();
  nav.replaceWith(fresh);
  nav = fresh;
  const box = searchBox();
  box.value = search.value;
  search.replaceWith(box);
  search = box;
  relabelPlayer();
  return route();
});

async function doLogout() {
  stopPlayer();
  await logout();
  showLogin(t('You have logged out.'));
}

function showLogin(message) {
  stopPlayer();
  renderLogin(app, message, () => { if (!location.hash) location.hash = '#/albums'; showApp(); });
}

setSessionEndedHandler((message) => showLogin(message));
window.addEventListener('hashchange', route);

if (loadSession()) {
  // Check the kept token before showing anything: it may have been ended meanwhile.
  api('/api/auth/me').then((me) => {
    currentSession().user = me;
    showApp();
  }).catch(() => { if (currentSession()) showLogin(''); });
} else {
  showLogin(keptSessionExpired() ? t('Your session has expired. Please log in again.') : '');
}
