// The charts of the last hour on the administration's Activity page (issue 19), in Debian's
// chromium against a real `cairn --headless` sampling every second (activity/timelineSeconds=1):
// while a direct stream runs, the streams chart has a band of direct streams drawn through the
// samples, the bandwidth chart its line, the legend names the four kinds, the page asks again
// every interval (more samples drawn), and pointing at a chart reads out a sample. The
// timeline is refused to a listener (403) and without a token (401), POST is 405, HEAD is 200
// without a body, and a listener's page draws no data. Exit 77 (CTest: skipped) only when
// chromium is not installed.
//
// usage: node activity-chart.test.mjs <path of the cairn executable>

import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { TestSite, chromiumInstalled, CHROMIUM, ADMIN_PASSWORD, BOB_PASSWORD, step, ffmpeg, until } from './harness.mjs';

if (!chromiumInstalled()) {
  console.log(`SKIP: ${CHROMIUM} is not installed (tools/dev.sh installs it)`);
  process.exit(77);
}
const site = new TestSite(process.argv[2]);

// A request whose answer is never read past its head: the stream stays live until destroyed.
function stalledStream(url, token) {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { Authorization: `Bearer ${token}` } }, (res) => {
      res.pause();
      resolve({ status: res.statusCode, stop: () => req.destroy() });
    });
    req.on('error', (e) => { if (e.code !== 'ECONNRESET') reject(e); });
    req.end();
  });
}

async function raw(method, path, token) {
  const res = await fetch(site.base + path, { method, headers: token ? { Authorization: `Bearer ${token}` } : {} });
  return { status: res.status, body: await res.text() };
}

async function main() {
  const dataDir = join(site.dir, 'data');
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(join(dataDir, 'cairn.ini'), '[activity]\ntimelineSeconds=1\n');
  await site.start();
  const { base, library, adminToken } = site;
  const admin = (path, options = {}) => site.json(path, { token: adminToken, ...options });
  step(`server at ${base}`);

  step('a long WAV joins the library (≈ 100 MB: a stalled client keeps its stream open)');
  ffmpeg(['-f', 'lavfi', '-i', 'sine=frequency=440:duration=600:sample_rate=44100', '-ac', '2', '-metadata', 'title=Long Tone',
    join(library, 'Album A', 'long.wav')]);
  assert.ok((await admin('/api/scan', { method: 'POST' })).status < 300);
  await until('the scan to list 5 tracks', async () => (await admin('/api/tracks')).body.total === 5, 60000);
  const long = (await admin('/api/tracks?limit=100')).body.items.find((t) => t.title === 'Long Tone');
  assert.ok(long, 'the long track');

  step('the API: administrators only, HEAD without a body, POST refused');
  const bobToken = (await site.json('/api/auth/login', { method: 'POST', body: { name: 'bob', password: BOB_PASSWORD } })).body.token;
  assert.equal((await raw('GET', '/api/activity/timeline', bobToken)).status, 403);
  assert.equal((await raw('GET', '/api/activity/timeline')).status, 401);
  assert.equal((await raw('POST', '/api/activity/timeline', adminToken)).status, 405);
  const head = await raw('HEAD', '/api/activity/timeline', adminToken);
  assert.equal(head.status, 200);
  assert.equal(head.body, '');
  const first = (await admin('/api/activity/timeline')).body;
  assert.equal(first.intervalSeconds, 1);
  assert.ok(first.samples.length >= 1, 'sampled since the start');

  step('a direct stream runs; the timeline counts it');
  const stream = await stalledStream(`${base}/api/tracks/${long.id}/stream`, adminToken);
  assert.equal(stream.status, 200);
  await until('a sample with the direct stream', async () => {
    const samples = (await admin('/api/activity/timeline')).body.samples;
    return samples[samples.length - 1].streams.direct === 1;
  });

  const browser = await site.launchBrowser();
  step('the administrator\'s Activity page draws the last hour');
  {
    const page = await (await browser.newContext({ locale: 'en-US' })).newPage();
    page.on('pageerror', (e) => console.log(`   page error: ${e.message}`));
    await TestSite.logIn(page, base, 'admin', ADMIN_PASSWORD);
    await page.goto(`${base}/#/admin/activity`);
    await page.waitForSelector('#streams-chart path.band.kind-direct', { timeout: 20000 });
    const drawn = await page.$eval('#streams-chart path.kind-direct', (p) => ({
      points: (p.getAttribute('d').match(/[ML]/g) || []).length, max: Number(p.closest('svg').dataset.max) }));
    assert.ok(drawn.points >= 4, `the direct band has ${drawn.points} points`);
    assert.ok(drawn.max >= 1, `the streams chart's highest count is ${drawn.max}`);
    assert.ok(await page.$('#bandwidth-chart path.line'), 'the bandwidth line');
    assert.ok(await page.$('#bandwidth-chart path.area'), 'the bandwidth area');
    assert.deepEqual(await page.$$eval('#activity-charts .legend li', (lis) => lis.map((li) => li.textContent)),
      ['Direct', 'Download', 'Transcode', 'HLS video']);
    assert.ok((await page.textContent('#admin-activity')).includes('The last hour'));
    const axis = await page.$$eval('#bandwidth-chart text.axis', (ts) => ts.map((t) => t.textContent));
    assert.ok(axis.some((a) => /\/s$/.test(a)), `bandwidth axis labels in a unit per second: ${axis}`);

    step('the page asks again every interval: more samples are drawn');
    const before = Number(await page.getAttribute('#activity-charts', 'data-samples'));
    assert.ok(before >= 2, `${before} samples drawn`);
    await page.waitForFunction((n) => Number(document.querySelector('#activity-charts').dataset.samples) > n, before, { timeout: 10000 });

    step('pointing at the streams chart reads out a sample');
    const box = await (await page.$('#streams-chart')).boundingBox();
    await page.hover('#streams-chart', { position: { x: box.width - 3, y: box.height / 2 } });   // scrolled into view
    await page.waitForFunction(() => document.querySelector('#activity-readout').textContent.includes('Direct: 1'), null, { timeout: 5000 });
    await page.close();
  }

  step('a listener\'s page draws no data');
  {
    const page = await (await browser.newContext({ locale: 'en-US' })).newPage();
    await TestSite.logIn(page, base, 'bob', BOB_PASSWORD);
    await page.goto(`${base}/#/admin/activity`);
    await page.waitForTimeout(2500);
    assert.equal(await page.$('#streams-chart path.band'), null, 'no band for bob');
    assert.equal(await page.$('#bandwidth-chart path.line'), null, 'no bandwidth line for bob');
    await page.close();
  }

  stream.stop();
  await until('the stream to end', async () => (await admin('/api/activity')).body.active === 0);
  await until('a sample without streams', async () => {
    const samples = (await admin('/api/activity/timeline')).body.samples;
    return Object.values(samples[samples.length - 1].streams).every((n) => n === 0);
  });
  console.log('OK');
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
