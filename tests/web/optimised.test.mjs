// Optimised versions in the web app, in Debian's chromium against a real `cairn --headless`: the
// administrator asks for a video's version on its page (a variant the video does not have is
// refused with the ones it has), follows it to done on the Optimised tab and deletes it; queues
// a whole folder, sees the tab poll only while it is shown, and cancels a running version (its
// FFmpeg ends); a non-administrator sees no Optimise control and is refused the API. Exit 77
// (CTest: skipped) only when chromium is not installed.
//
// usage: node optimised.test.mjs <path of the cairn executable>

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { TestSite, chromiumInstalled, CHROMIUM, ADMIN_PASSWORD, BOB_PASSWORD, step, ffmpeg, until } from './harness.mjs';

if (!chromiumInstalled()) {
  console.log(`SKIP: ${CHROMIUM} is not installed (tools/dev.sh installs it)`);
  process.exit(77);
}
const site = new TestSite(process.argv[2]);

const CLIP_TITLE = 'Test Video';
const LONG_TITLE = 'Long Video';
const PENDING = ['queued', 'running', 'paused'];

// The pids of the FFmpeg processes whose command line names `path` (Linux's /proc).
function ffmpegReading(path) {
  const pids = [];
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    let cmdline = '';
    try { cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8'); } catch { continue; }
    const args = cmdline.split('\0');
    if (/ffmpeg$/.test(args[0]) && args.some((a) => a.endsWith(path))) pids.push(Number(pid));
  }
  return pids;
}

const pause = (ms) => new Promise((r) => setTimeout(r, ms));

async function main() {
  await site.start();
  const { base, library, adminToken } = site;
  const json = (path, options) => site.json(path, options);
  const admin = (path, options = {}) => json(path, { token: adminToken, ...options });
  step(`server at ${base}`);

  // The harness's clip is 14 s: made in a second or two. A video of ~19 minutes (the clip 80
  // times over, copied, so it costs nothing to make) keeps FFmpeg busy long enough to be cancelled.
  step('a long video joins the library');
  const longPath = join(library, 'Videos', 'long.mp4');
  ffmpeg(['-stream_loop', '79', '-i', join(library, 'Videos', 'clip.mp4'), '-c', 'copy', '-metadata', `title=${LONG_TITLE}`, longPath]);
  assert.equal((await admin('/api/scan', { method: 'POST' })).status < 300, true);
  await until('the scan to list 5 tracks', async () => (await admin('/api/tracks')).body.total === 5, 60000);
  const videos = (await admin('/api/videos?offset=0&limit=50')).body.items;
  const clip = videos.find((v) => v.title === CLIP_TITLE);
  const long = videos.find((v) => v.title === LONG_TITLE);
  assert.ok(clip && long, `videos: ${JSON.stringify(videos.map((v) => v.title))}`);
  assert.ok(long.duration > 1000, `the long video lasts ${long.duration} s`);
  const videoPresets = (await admin('/api/presets')).body.video;
  const p360 = videoPresets.find((p) => p.name === '360p');
  const p720 = videoPresets.find((p) => p.name === '720p');
  assert.ok(p360 && p720, `video presets: ${JSON.stringify(videoPresets)}`);
  assert.deepEqual((await admin('/api/optimised')).body.versions, []);

  const browser = await site.launchBrowser();

  step('a non-administrator sees no Optimise control and is refused the API');
  {
    const context = await browser.newContext();
    const page = await context.newPage();
    await TestSite.logIn(page, base, 'bob', BOB_PASSWORD);
    await page.goto(`${base}/#/video/${clip.id}`);
    await page.waitForSelector('#video');
    await page.waitForFunction((t) => document.querySelector('#page h1')?.textContent === t, CLIP_TITLE);
    assert.equal(await page.$('#optimise'), null, 'no Optimise group for bob');
    assert.equal(await page.$('#optimise-button'), null, 'no Optimise button for bob');
    assert.equal(await page.$$eval('nav a[href="#/admin/optimised"]', (as) => as.length), 0);
    const token = await page.evaluate(() => JSON.parse(sessionStorage.getItem('cairn.session')).token);
    assert.equal((await json(`/api/videos/${clip.id}/optimised`, { token, method: 'POST' })).status, 403);
    assert.equal((await json('/api/optimised', { token })).status, 403);
    await page.goto(`${base}/#/admin/optimised`);
    await page.waitForFunction(() => /Administrators only/.test(document.getElementById('page').textContent));
    assert.equal(await page.$('#optimised-list'), null);
    await context.close();
    assert.deepEqual((await admin('/api/optimised')).body.versions, [], 'bob queued nothing');
  }

  const context = await browser.newContext();
  const page = await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') console.log(`   console: ${m.text()}`); });
  const dialogs = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  const asked = [];   // the app's requests of the optimised API: {method, path, body, at}
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (/optimised/.test(path)) asked.push({ method: r.method(), path, body: r.postData(), at: Date.now() });
  });
  const listPolls = (since) => asked.filter((a) => a.method === 'GET' && a.path === '/api/optimised' && a.at >= since).length;
  // window.confirm answers `answer` and keeps the question.
  const answerConfirm = (answer) => page.evaluate((a) => { window.confirm = (text) => { window.confirmed = text; return a; }; }, answer);

  await TestSite.logIn(page, base, 'admin', ADMIN_PASSWORD);
  assert.equal(await page.$$eval('nav a[href="#/admin/optimised"]', (as) => as.length), 1, 'the menu leads to the tab');

  step('the video page: a variant the video does not have is refused with the ones it has');
  await page.goto(`${base}/#/video/${clip.id}`);
  await page.waitForFunction((n) => document.querySelectorAll('#optimise-variant option').length === n, videoPresets.length + 1);
  assert.deepEqual(await page.$$eval('#optimise-variant option', (os) => os.map((o) => [o.value, o.textContent])),
    [['', 'Best for this video'], ...videoPresets.map((p) => [String(p.id), `${p.name} (${p.width}×${p.height})`])]);
  assert.equal(await page.inputValue('#optimise-variant'), '', '"Best for this video" is the default');
  assert.equal(await page.getAttribute('#optimise-variant', 'aria-label'), 'Version to optimise');
  await page.selectOption('#optimise-variant', String(p720.id));
  await page.click('#optimise-button');
  await page.waitForSelector('#optimise-status.error');
  const refusal = await page.textContent('#optimise-status');
  assert.match(refusal, new RegExp(`has no variant '${p720.id}'`), refusal);
  assert.match(refusal, /this video offers: 360p\)$/, refusal);
  assert.deepEqual(JSON.parse(asked.at(-1).body), { variants: [String(p720.id)] });
  assert.deepEqual((await admin('/api/optimised')).body.versions, [], 'a refused ask queues nothing');

  step('the video page: "Best for this video" asks without a body and shows the state');
  await page.selectOption('#optimise-variant', '');
  await page.click('#optimise-button');
  await page.waitForSelector('#optimise-status[data-state]');
  const post = asked.at(-1);
  assert.equal(post.method, 'POST');
  assert.equal(post.path, `/api/videos/${clip.id}/optimised`);
  assert.equal(post.body, null, 'no body: the server picks the variant');
  const queuedText = await page.textContent('#optimise-status');
  assert.match(queuedText, /^360p \(320×240\): (queued|running|paused while someone watches)\. See the optimised versions\.$/, queuedText);
  assert.equal(await page.getAttribute('#optimise-status a', 'href'), '#/admin/optimised');
  const listed = (await admin('/api/optimised')).body.versions;
  assert.equal(listed.length, 1);
  const first = listed[0];
  assert.equal(first.videoId, clip.id);
  assert.equal(first.variant.key, String(p360.id));
  assert.equal(first.requestedBy, 'admin');

  step('the Optimised tab follows the version to done, then stops asking');
  await page.click('#optimise-status a');
  await page.waitForSelector(`#optimised-${first.id}`);
  assert.equal(await page.textContent('.tabs a.active'), 'Optimised');
  const row = `#optimised-${first.id}`;
  assert.equal(await page.textContent(`${row} td:first-child`), CLIP_TITLE);
  assert.equal(await page.textContent(`${row} .variant`), '360p (320×240)');
  assert.equal(await page.getAttribute(`${row} progress`, 'aria-label'), `Progress of ${CLIP_TITLE}, 360p (320×240)`);
  const segments = first.segments;
  assert.ok(segments >= 2, `${segments} segments`);
  if (PENDING.includes(await page.getAttribute(row, 'data-state')))
    assert.equal(await page.textContent(`${row} button`), 'Cancel');
  // The page is not reloaded: the tab's own polling shows the progress.
  await page.waitForFunction(({ row, n }) => document.querySelector(`${row} .segments`)?.textContent === `${n} / ${n}`,
    { row, n: segments }, { timeout: 180000 });
  assert.equal(await page.getAttribute(row, 'data-state'), 'done');
  assert.equal(await page.textContent(`${row} .state`), 'Done');
  assert.deepEqual(await page.$eval(`${row} progress`, (p) => [p.value, p.max]), [segments, segments]);
  assert.equal(await page.textContent(`${row} button`), 'Delete');
  assert.equal(await page.getAttribute(`${row} button`, 'aria-label'), `Delete ${CLIP_TITLE}, 360p (320×240)`);
  const made = (await admin(`/api/optimised/${first.id}`)).body;
  assert.equal(made.state, 'done');
  assert.equal(made.segmentsDone, segments);
  assert.ok(made.bytes > 0);
  assert.match(await page.textContent(`${row} .size`), /^\d+(\.\d)? (KB|MB)$/);
  const storeLine = await page.textContent('#optimised-store');
  assert.match(storeLine, /^\d+(\.\d)? (KB|MB) of 20 GB used$/, storeLine);
  assert.ok(Number(await page.getAttribute('#optimised-store', 'data-used-bytes')) > 0);
  await pause(500);   // an answer in flight when the version finished
  const quietFrom = Date.now();
  await pause(4500);
  assert.equal(listPolls(quietFrom), 0, 'nothing pending: the tab stops asking');

  step('Delete: dismissed, nothing happens; confirmed, the version and its files go');
  await answerConfirm(false);
  await page.click(`${row} button`);
  assert.equal(await page.evaluate(() => window.confirmed), `Delete the optimised version ${CLIP_TITLE}, 360p (320×240)?`);
  assert.equal((await admin('/api/optimised')).body.versions.length, 1, 'a dismissed Delete keeps the version');
  await answerConfirm(true);
  await page.click(`${row} button`);
  await page.waitForSelector(row, { state: 'detached' });
  await page.waitForSelector('#admin-optimised .empty:not([hidden])');
  assert.equal(await page.isHidden('#optimised-list'), true);
  assert.deepEqual((await admin('/api/optimised')).body.versions, []);
  assert.equal((await admin(`/api/optimised/${first.id}`)).status, 404);
  await until('the store to be empty', async () => (await admin('/api/optimised')).body.store.usedBytes === 0);
  await page.waitForFunction(() => document.getElementById('optimised-store').textContent === '0 bytes of 20 GB used');

  step('the Library tab queues every video of the folder');
  const folders = (await admin('/api/folders')).body.items;
  assert.equal(folders.length, 1);
  await page.goto(`${base}/#/admin/folders`);
  const folderButton = `#folder-list li[data-folder-id="${folders[0].id}"] button.optimise-folder`;
  await page.waitForSelector(folderButton);
  assert.equal(await page.textContent(folderButton), 'Optimise videos');
  assert.equal(await page.getAttribute(folderButton, 'aria-label'), `Optimise the videos of ${folders[0].path}`);
  await page.click(folderButton);
  await page.waitForFunction((id) => /queued/.test(document.getElementById(`folder-${id}-optimised`).textContent), folders[0].id);
  assert.equal(await page.textContent(`#folder-${folders[0].id}-optimised`), '2 versions queued.');
  assert.equal(asked.at(-1).path, `/api/folders/${folders[0].id}/optimised`);
  assert.equal(asked.at(-1).body, null);
  const queued = (await admin('/api/optimised')).body.versions;
  assert.deepEqual(queued.map((v) => v.videoId).sort(), [clip.id, long.id].sort());
  const longVersion = queued.find((v) => v.videoId === long.id);

  step('the Optimised tab polls while something is pending, and stops when it is left');
  await page.goto(`${base}/#/admin/optimised`);
  const longRow = `#optimised-${longVersion.id}`;
  await page.waitForSelector(longRow);
  await page.focus(`${longRow} button`);
  const pollFrom = Date.now();
  await pause(5000);
  assert.ok(listPolls(pollFrom) >= 2, `${listPolls(pollFrom)} polls in 5 s`);
  assert.ok(await page.evaluate((r) => document.activeElement === document.querySelector(`${r} button`), longRow),
    'the keyboard focus stays on the row\'s button while the list is redrawn');
  await page.goto(`${base}/#/admin/folders`);
  await page.waitForSelector(folderButton);
  await pause(500);
  const leftAt = Date.now();
  await pause(4500);
  assert.equal(listPolls(leftAt), 0, 'the Library tab does not poll the optimised versions');

  step('Cancel a running version: it goes, and so does its FFmpeg');
  await page.goto(`${base}/#/admin/optimised`);
  await page.waitForSelector(longRow);
  await page.waitForFunction((r) => document.querySelector(r)?.dataset.state === 'running', longRow, { timeout: 120000 });
  assert.equal(await page.textContent(`${longRow} .state`), 'Running');
  assert.equal(await page.textContent(`${longRow} button`), 'Cancel');
  assert.equal(await page.getAttribute(`${longRow} button`, 'aria-label'), `Cancel ${LONG_TITLE}, 360p (320×240)`);
  assert.ok(ffmpegReading(longPath).length > 0, 'FFmpeg makes the long version');
  const longSegments = await page.textContent(`${longRow} .segments`);
  assert.match(longSegments, /^\d+ \/ \d+$/);
  assert.ok(Number(longSegments.split(' / ')[0]) < Number(longSegments.split(' / ')[1]), longSegments);
  await answerConfirm(true);
  await page.click(`${longRow} button`);
  assert.equal(await page.evaluate(() => window.confirmed),
    `Cancel the optimised version ${LONG_TITLE}, 360p (320×240)? What it made so far is deleted.`);
  await page.waitForSelector(longRow, { state: 'detached' });
  assert.equal((await admin(`/api/optimised/${longVersion.id}`)).status, 404);
  assert.deepEqual((await admin('/api/optimised')).body.versions.map((v) => v.videoId), [clip.id]);
  await until('the long version\'s FFmpeg to end', () => ffmpegReading(longPath).length === 0, 15000);
  // What is left is the clip's version, made after the cancelled one (or before it).
  await page.waitForFunction((id) => document.querySelector(`#optimised-${id}`)?.dataset.state === 'done',
    queued.find((v) => v.videoId === clip.id).id, { timeout: 120000 });

  assert.deepEqual(dialogs, [], 'every question was answered by the stubbed confirm');
  assert.deepEqual(pageErrors, []);
  await context.close();
}

let code = 0;
try {
  await main();
} catch (e) {
  console.error(e);
  code = 1;
} finally {
  await site.stop();
}
process.exit(code);
