// OpenSubsonic with a real client library (issue 13): npm `subsonic-api` (pinned in
// package-lock.json) under Node against a real `cairn --headless` on 127.0.0.1 with a library
// made by the ffmpeg CLI. The client signs every request with t/s (an app password) or apiKey,
// as Symfonium, DSub and the other apps do; ffprobe checks what stream sends.
//
// usage: node client.test.mjs <path of the cairn executable>

import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { SubsonicAPI } from 'subsonic-api';
import { TestSite, ffmpeg, makeMp3, step, until } from '../web/harness.mjs';

const site = new TestSite(process.argv[2]);

// An app password for `userId`, made through the JSON API as the web app and the desktop do.
async function appPassword(token, userId, name) {
  const r = await site.json(`/api/users/${userId}/app-passwords`, { token, method: 'POST', body: { name } });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  assert.ok(r.body.secret.length >= 16);
  return r.body.secret;
}

function probe(bytes) {
  const file = join(site.dir, 'probe.bin');
  writeFileSync(file, bytes);
  const out = execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'format=format_name,bit_rate,duration',
    '-of', 'json', file]).toString();
  return JSON.parse(out).format;
}

async function main() {
  await site.start();
  const { base, adminToken } = site;
  step(`server at ${base}`);

  // A second library folder that only administrators see.
  const privateDir = join(site.dir, 'Private');
  mkdirSync(privateDir, { recursive: true });
  makeMp3(join(privateDir, 'secret.mp3'), 3, { title: 'Secret Song', artist: 'Hidden', album: 'Vault' });
  // A folder image for Album A, found by the same rescan.
  ffmpeg(['-f', 'lavfi', '-i', 'color=blue:s=300x300', '-frames:v', '1', join(site.library, 'Album A', 'cover.jpg')]);
  const added = await site.json('/api/folders', { token: adminToken, method: 'POST', body: { path: privateDir } });
  assert.equal(added.status, 201, JSON.stringify(added.body));
  await site.json('/api/scan', { token: adminToken, method: 'POST' });
  await until('the scan to list 5 tracks', async () => (await site.json('/api/tracks', { token: adminToken })).body.total === 5, 60000);
  const folders = (await site.json('/api/folders', { token: adminToken })).body.items;
  const users = (await site.json('/api/users', { token: adminToken })).body.items;
  const admin = users.find((u) => u.name === 'admin');
  const bob = users.find((u) => u.name === 'bob');
  const musicFolder = folders.find((f) => f.path !== privateDir);
  const limited = await site.json(`/api/users/${bob.id}`, { token: adminToken, method: 'PATCH', body: { folders: [musicFolder.id] } });
  assert.equal(limited.status, 200, JSON.stringify(limited.body));

  const bobSecret = await appPassword(adminToken, bob.id, 'subsonic-api test');
  const api = new SubsonicAPI({ url: base, auth: { username: 'bob', password: bobSecret } });
  const keyApi = new SubsonicAPI({ url: base, auth: { apiKey: bobSecret } });
  const postApi = new SubsonicAPI({ url: base, auth: { username: 'bob', password: bobSecret }, post: true });

  step('ping with token auth (t/s of an app password), with apiKey, and as a form POST');
  assert.equal((await api.ping()).status, 'ok');
  assert.equal((await keyApi.ping()).status, 'ok');
  assert.equal((await postApi.ping()).status, 'ok');
  const wrong = new SubsonicAPI({ url: base, auth: { username: 'bob', password: 'not-the-secret' } });
  assert.equal((await wrong.ping()).error.code, 40);
  assert.equal((await new SubsonicAPI({ url: base, auth: { apiKey: 'no-such-key' } }).ping()).error.code, 44);
  const extensions = (await api.getOpenSubsonicExtensions()).openSubsonicExtensions.map((e) => e.name);
  for (const name of ['formPost', 'transcodeOffset', 'apiKeyAuthentication', 'songLyrics'])
    assert.ok(extensions.includes(name), `${name} advertised`);

  step('getArtists → getArtist → getAlbum → stream: the bytes of the file');
  const artists = (await api.getArtists()).artists.index.flatMap((i) => i.artist);
  const tester = artists.find((a) => a.name === 'Tester');
  assert.ok(tester, JSON.stringify(artists));
  assert.ok(!artists.some((a) => a.name === 'Hidden'), 'bob does not see the private folder');
  const artist = (await api.getArtist({ id: tester.id })).artist;
  assert.ok(Array.isArray(artist.album) && artist.album.length === 1);
  const album = (await api.getAlbum({ id: artist.album[0].id })).album;
  assert.equal(album.name, 'Album A');
  assert.equal(album.song.length, 2);   // the third file of the folder names another artist
  const song = album.song.find((s) => s.title === 'Test Song');
  const bytes = Buffer.from(await (await api.stream({ id: song.id })).arrayBuffer());
  assert.deepEqual(bytes, readFileSync(join(site.library, 'Album A', '01 song.mp3')));

  step('search3 with "" pages through the whole visible library with no duplicates');
  const seen = new Set();
  for (let offset = 0; ; offset += 2) {
    const page = (await api.search3({ query: '""', songCount: 2, songOffset: offset, artistCount: 0, albumCount: 0 })).searchResult3;
    const songs = page.song ?? [];
    for (const s of songs) { assert.ok(!seen.has(s.id), `duplicate ${s.id}`); seen.add(s.id); }
    if (songs.length < 2) break;
  }
  assert.equal(seen.size, 3);   // three songs in bob's folder (the video is not a song)
  assert.equal((await api.search3({ query: 'secret' })).searchResult3.song?.length ?? 0, 0);
  const hidden = (await site.json('/api/tracks?q=secret', { token: adminToken })).body.items[0];
  assert.equal((await api.getSong({ id: `tr-${hidden.id}` })).error.code, 70, "another folder's song is not found");

  step('stream with maxBitRate=128 and format=mp3 → MP3 near 128 kbit/s; timeOffset seeks');
  const pack = album.song.find((s) => s.title === 'Pack Song');
  const mp3 = Buffer.from(await (await api.stream({ id: pack.id, format: 'mp3', maxBitRate: 128 })).arrayBuffer());
  const probed = probe(mp3);
  assert.equal(probed.format_name, 'mp3');
  const kbps = Number(probed.bit_rate) / 1000;
  assert.ok(kbps > 120 && kbps < 136, `bit rate ${kbps}`);
  const late = Buffer.from(await (await api.stream({ id: pack.id, format: 'mp3', maxBitRate: 128, timeOffset: 8 })).arrayBuffer());
  const lateDuration = Number(probe(late).duration);
  assert.ok(lateDuration > 3 && lateDuration < 5.5, `duration after timeOffset=8 of 12 s: ${lateDuration}`);

  step('getCoverArt with size');
  const cover = await api.getCoverArt({ id: album.coverArt, size: 64 });
  assert.equal(cover.status, 200);
  assert.match(cover.headers.get('content-type'), /^image\//);
  const coverFile = join(site.dir, 'cover.img');
  writeFileSync(coverFile, Buffer.from(await cover.arrayBuffer()));
  const stream0 = JSON.parse(execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'stream=width,height', '-of', 'json',
    coverFile]).toString()).streams[0];
  assert.ok(stream0.width <= 64 && stream0.height <= 64, JSON.stringify(stream0));
  assert.ok(cover.headers.get('etag'));

  step('star, setRating, scrobble: getStarred2 and the play count show them');
  assert.equal((await api.star({ id: song.id, albumId: album.id, artistId: tester.id })).status, 'ok');
  const starred = (await api.getStarred2()).starred2;
  assert.deepEqual(starred.song.map((s) => s.id), [song.id]);
  assert.deepEqual(starred.album.map((a) => a.id), [album.id]);
  assert.deepEqual(starred.artist.map((a) => a.id), [tester.id]);
  assert.equal((await api.setRating({ id: song.id, rating: 4 })).status, 'ok');
  assert.equal((await api.setRating({ id: song.id, rating: 9 })).error.code, 10);
  assert.equal((await api.scrobble({ id: song.id, submission: false })).status, 'ok');
  const playing = (await api.getNowPlaying()).nowPlaying.entry ?? [];
  assert.ok(playing.some((e) => e.id === song.id && e.username === 'bob'), JSON.stringify(playing));
  assert.equal((await api.scrobble({ id: song.id, submission: true })).status, 'ok');
  const after = (await api.getSong({ id: song.id })).song;
  assert.equal(after.userRating, 4);
  assert.equal(after.playCount, 1);
  assert.ok(after.starred instanceof Date);
  assert.equal((await api.unstar({ id: song.id })).status, 'ok');
  assert.equal((await api.getStarred2()).starred2.song?.length ?? 0, 0);
  // Another user's state is their own.
  const adminSecret = await appPassword(adminToken, admin.id, 'admin test');
  const adminApi = new SubsonicAPI({ url: base, auth: { username: 'admin', password: adminSecret } });
  assert.equal((await adminApi.getStarred2()).starred2.album?.length ?? 0, 0);

  step('playlists: create, add with duplicates, remove by index, rename, delete');
  const created = (await api.createPlaylist({ name: 'Road trip', songId: [song.id, pack.id] })).playlist;
  assert.equal(created.songCount, 2);
  assert.equal((await api.updatePlaylist({ playlistId: created.id, songIdToAdd: [song.id], name: 'Road trip 2', public: true })).status, 'ok');
  let list = (await api.getPlaylist({ id: created.id })).playlist;
  assert.deepEqual(list.entry.map((e) => e.id), [song.id, pack.id, song.id]);
  assert.equal(list.name, 'Road trip 2');
  assert.equal((await api.updatePlaylist({ playlistId: created.id, songIndexToRemove: [0] })).status, 'ok');
  list = (await api.getPlaylist({ id: created.id })).playlist;
  assert.deepEqual(list.entry.map((e) => e.id), [pack.id, song.id]);
  assert.ok((await api.getPlaylists()).playlists.playlist.some((p) => p.id === created.id));
  assert.equal((await adminApi.updatePlaylist({ playlistId: created.id, name: 'taken' })).error.code, 50, "someone else's playlist");
  assert.equal((await api.deletePlaylist({ id: created.id })).status, 'ok');
  assert.equal((await api.getPlaylist({ id: created.id })).error.code, 70);

  step('play queue round trip');
  assert.equal((await api.savePlayQueue({ id: [song.id, pack.id], current: pack.id, position: 4500 })).status, 'ok');
  const queue = (await api.getPlayQueue()).playQueue;
  assert.deepEqual(queue.entry.map((e) => e.id), [song.id, pack.id]);
  assert.equal(queue.current, pack.id);
  assert.equal(queue.position, 4500);

  step('non-admins cannot start a scan; administrators can');
  assert.equal((await api.startScan()).error.code, 50);
  assert.equal((await adminApi.startScan()).status, 'ok');
  console.log('OK');
}

main().then(() => site.stop(), async (e) => {
  console.error(e);
  await site.stop();
  process.exit(1);
});
