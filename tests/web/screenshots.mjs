// Screenshots of the web app for the README (docs/screenshots/): the player on an album that is
// playing (rated, one track a favourite), a playlist and an administration page, taken against a
// generated library (ffmpeg CLI) with two extra albums with folder covers. Not a test (CTest does
// not run it).
//
// usage: node tests/web/screenshots.mjs <cairn executable> [output directory, default docs/screenshots]
// e.g.   node tests/web/screenshots.mjs build/app/cairn

import { mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TestSite, chromiumInstalled, CHROMIUM, ADMIN_PASSWORD, ffmpeg, makeMp3, until, step } from './harness.mjs';

const [binary, outArg] = process.argv.slice(2);
if (!binary) {
  console.error('usage: node tests/web/screenshots.mjs <cairn executable> [output directory]');
  process.exit(2);
}
const out = outArg || join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'docs', 'screenshots');
if (!chromiumInstalled()) {
  console.error(`${CHROMIUM} is not installed (tools/dev.sh installs it)`);
  process.exit(1);
}

// Albums that look like a library: tags, track numbers, a year, a cover.jpg drawn by ffmpeg.
const ALBUMS = [
  { title: 'Evening Tones', artist: 'The Sine Waves', year: '2024', genre: 'Ambient', cover: 'mandelbrot=size=600x600',
    tracks: ['Low Hum', 'Dusk Carrier', 'Four Forty', 'Slow Beat Frequency', 'Night Drift'] },
  { title: 'Test Patterns', artist: 'Colour Bars', year: '2021', genre: 'Electronic', cover: 'testsrc2=size=600x600',
    tracks: ['Calibration', 'Vertical Hold', 'Test Card'] },
];

function makeAlbums(library) {
  for (const a of ALBUMS) {
    const dir = join(library, a.title);
    mkdirSync(dir, { recursive: true });
    ffmpeg(['-f', 'lavfi', '-i', a.cover, '-frames:v', '1', join(dir, 'cover.jpg')]);
    a.tracks.forEach((title, i) => makeMp3(join(dir, `${String(i + 1).padStart(2, '0')} ${title}.mp3`), 25 + 7 * i,
      { title, artist: a.artist, album: a.title, album_artist: a.artist, date: a.year, genre: a.genre, track: String(i + 1) }));
  }
}

mkdirSync(out, { recursive: true });
const site = new TestSite(binary);
try {
  await site.start();
  step('extra albums, rescan');
  makeAlbums(site.library);
  const expected = 4 + ALBUMS.reduce((n, a) => n + a.tracks.length, 0);
  await site.json('/api/scan', { token: site.adminToken, method: 'POST' });
  await until(`the scan to list ${expected} tracks`,
    async () => (await site.json('/api/tracks', { token: site.adminToken })).body.total === expected, 60000);
  const albums = (await site.json('/api/albums?limit=100', { token: site.adminToken })).body.items;
  const album = albums.find((a) => a.title === ALBUMS[0].title);

  const admin = (path, options = {}) => site.json(path, { token: site.adminToken, ...options });
  const albumTracks = (await admin(`/api/albums/${album.id}`)).body.tracks;
  await admin(`/api/ratings/albums/${album.id}`, { method: 'PUT', body: { rating: 4 } });
  await admin(`/api/favourites/tracks/${albumTracks[1].id}`, { method: 'PUT' });
  await admin(`/api/ratings/tracks/${albumTracks[1].id}`, { method: 'PUT', body: { rating: 5 } });
  const other = (await admin(`/api/albums/${albums.find((a) => a.title === ALBUMS[1].title).id}`)).body.tracks;
  const playlist = (await admin('/api/playlists', { method: 'POST', body: {
    name: 'Evening drive', comment: 'Slow tones for the road home', public: true,
    trackIds: [albumTracks[1].id, other[0].id, albumTracks[3].id, other[2].id] } })).body;
  for (const t of [albumTracks[1], albumTracks[1], other[0]]) await admin(`/api/tracks/${t.id}/played`, { method: 'POST' });

  const browser = await site.launchBrowser();
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await TestSite.logIn(page, site.base, 'admin', ADMIN_PASSWORD);
  step('the player on an album');
  await page.goto(`${site.base}/#/album/${album.id}`);
  await page.click('button.primary:has-text("Play")');
  await page.waitForFunction(() => document.getElementById('audio').currentTime > 2.5);
  await page.waitForFunction(() => [...document.querySelectorAll('img')].every((i) => i.complete));
  await page.screenshot({ path: join(out, 'player.png') });
  step('a playlist');
  await page.goto(`${site.base}/#/playlist/${playlist.id}`);
  await page.waitForSelector('#playlist-tracks .play-track');
  await page.screenshot({ path: join(out, 'playlist.png') });
  step('an administration page');
  await page.goto(`${site.base}/#/admin/users`);
  await page.waitForSelector('#admin-users table');
  await page.screenshot({ path: join(out, 'admin-users.png') });
  console.log(`wrote player.png, playlist.png and admin-users.png in ${out}`);
} finally {
  await site.stop();
}
