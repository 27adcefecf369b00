// The HLS (fMP4) and DASH answers in real players: Debian's chromium with hls.js (the build the
// web app ships) and dash.js (pinned in package.json, served only to this test's page), each
// playing the test video, seeking to 80 % and playing on, with no fatal error, then showing
// its sidecar subtitles (WebVTT from Cairn) with every cue at its own time. Exit 77
// (CTest: skipped) only when chromium is not installed.
//
// usage: node video-players.test.mjs <path of the cairn executable>

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { TestSite, chromiumInstalled, CHROMIUM, step, SUBTITLE_CUES } from './harness.mjs';

if (!chromiumInstalled()) {
  console.log(`SKIP: ${CHROMIUM} is not installed (tools/dev.sh installs it)`);
  process.exit(77);
}
const modules = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'node_modules');
const site = new TestSite(process.argv[2]);

// The test page, served on the server's origin by the browser itself (page.route): a video
// element and the player named in the hash; fatal errors are collected in window.failures.
const PAGE = `<!doctype html><meta charset="utf-8"><video id="video" muted playsinline></video>
<script src="/__players/dash.all.min.js"></script>
<script type="module">
import Hls from '/__players/hls.min.mjs';
window.failures = [];
const video = document.getElementById('video');
const [kind, url] = location.hash.slice(1).split('|');
if (kind === 'hls') {
  const hls = new Hls();
  window.player = hls;
  hls.on(Hls.Events.ERROR, (_, d) => { if (d.fatal) window.failures.push(d.type + ': ' + d.details); });
  hls.loadSource(url);
  hls.attachMedia(video);
} else {
  const player = dashjs.MediaPlayer().create();
  window.player = player;
  player.on(dashjs.MediaPlayer.events.ERROR, (e) => window.failures.push('dash: ' + JSON.stringify(e.error)));
  player.initialize(video, url, false);
}
video.addEventListener('error', () => window.failures.push('video: ' + video.error?.message));
window.ready = true;
</script>`;

async function play(page, base, kind, url) {
  // A new document each time: a goto that changes only the hash would keep the last player.
  await page.goto('about:blank');
  await page.goto(`${base}/__players/page.html#${kind}|${url}`);
  assert.equal(await page.evaluate(() => (window.dashjs && window.player instanceof Object && 'getTracksFor' in window.player) ? 'dash' : 'hls'), kind);
  await page.waitForFunction(() => window.ready === true);
  await page.$eval('#video', (v) => v.play());
  await page.waitForFunction(() => document.getElementById('video').currentTime > 1 || window.failures.length, null, { timeout: 60000 });
  assert.deepEqual(await page.evaluate(() => window.failures), [], `${kind}: before the seek`);
  const duration = await page.$eval('#video', (v) => v.duration);
  assert.ok(duration > 13 && duration < 15, `${kind}: duration ${duration}`);
  const target = duration * 0.8;
  await page.$eval('#video', (v, t) => { v.currentTime = t; }, target);
  await page.waitForFunction((t) => {
    const v = document.getElementById('video');
    return (v.currentTime > t + 1 && !v.seeking) || v.ended || window.failures.length;
  }, target, { timeout: 60000 });
  assert.deepEqual(await page.evaluate(() => window.failures), [], `${kind}: after the seek`);
  const at = await page.$eval('#video', (v) => v.currentTime);
  assert.ok(at > target, `${kind}: played on from ${target} (at ${at})`);
}

// The player's subtitle tracks (Cairn's renditions), the first one turned on, and its cues as the
// video element holds them: the same texts at the same times as the sidecar file.
async function subtitles(page, kind) {
  const count = await page.waitForFunction((k) => {
    const n = k === 'hls' ? window.player.subtitleTracks.length : window.player.getTracksFor('text').length;
    return n > 0 && n;
  }, kind, { timeout: 30000 });
  assert.equal(await count.jsonValue(), 1, `${kind}: one subtitle track`);
  const lang = await page.evaluate((k) => (k === 'hls' ? window.player.subtitleTracks[0].lang : window.player.getTracksFor('text')[0].lang), kind);
  assert.equal(lang, 'en', `${kind}: its language`);
  await page.evaluate((k) => {
    if (k === 'hls') { window.player.subtitleTrack = 0; window.player.subtitleDisplay = true; }
    else { window.player.enableText(true); window.player.setTextTrack(0); }
  }, kind);
  const handle = await page.waitForFunction((n) => {
    for (const t of document.getElementById('video').textTracks) {
      if (t.mode !== 'disabled' && t.cues && t.cues.length >= n)
        return Array.from(t.cues, (c) => ({ start: c.startTime, end: c.endTime, text: c.text }));
    }
    return false;
  }, SUBTITLE_CUES.length, { timeout: 30000 });
  const cues = await handle.jsonValue();
  assert.deepEqual(cues.map((c) => c.text), SUBTITLE_CUES.map((c) => c.text), `${kind}: cue texts`);
  for (const [i, c] of cues.entries()) {
    assert.ok(Math.abs(c.start - SUBTITLE_CUES[i].start) < 0.1 && Math.abs(c.end - SUBTITLE_CUES[i].end) < 0.1,
      `${kind}: cue ${i} at ${c.start}–${c.end}, not ${SUBTITLE_CUES[i].start}–${SUBTITLE_CUES[i].end}`);
  }
}

async function main() {
  await site.start();
  const { base, adminToken } = site;
  const videos = (await site.json('/api/videos?offset=0&limit=10', { token: adminToken })).body.items;
  assert.equal(videos.length, 1);
  const id = videos[0].id;
  const browser = await site.launchBrowser();
  const page = await (await browser.newContext()).newPage();
  page.on('console', (m) => { if (m.type() === 'error') console.log(`   console: ${m.text()}`); });
  const files = {
    'page.html': [PAGE, 'text/html'],
    'hls.min.mjs': [readFileSync(join(modules, 'hls.js', 'dist', 'hls.min.mjs')), 'text/javascript'],
    'dash.all.min.js': [readFileSync(join(modules, 'dashjs', 'dist', 'modern', 'umd', 'dash.all.min.js')), 'text/javascript'],
  };
  await page.route(`${base}/__players/*`, (route) => {
    const [body, contentType] = files[new URL(route.request().url()).pathname.split('/').pop()] ?? ['', 'text/plain'];
    return route.fulfill({ status: body ? 200 : 404, body, contentType });
  });
  // The master playlist and the manifest need the user's token; every URL in them is signed.
  await page.route(/\/(hls\/master\.m3u8|dash\/manifest\.mpd)$/, (route) =>
    route.continue({ headers: { ...route.request().headers(), authorization: `Bearer ${adminToken}` } }));

  step('hls.js plays the fMP4 variants, seeks to 80 % and plays on');
  await play(page, base, 'hls', `/api/videos/${id}/hls/master.m3u8`);
  step('hls.js shows the subtitles at their times');
  await subtitles(page, 'hls');
  step('dash.js plays the DASH manifest over the same segments, seeks to 80 % and plays on');
  await play(page, base, 'dash', `/api/videos/${id}/dash/manifest.mpd`);
  step('dash.js shows the subtitles at their times');
  await subtitles(page, 'dash');
}

main().then(() => site.stop(), async (e) => { console.error(e); await site.stop(); process.exit(1); });
