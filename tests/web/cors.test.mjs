// CORS in a real browser (issue 12): a page from another origin, allowed by server/corsOrigins,
// logs in, calls the API with `Authorization` (a preflighted request) and reads a byte range of a
// stream with `Content-Range`; a page from an origin that is not listed is refused by the browser.
// Debian's chromium through playwright-core, a `cairn --headless` started here on 127.0.0.1 with a
// library made by the ffmpeg CLI, and a tiny Node http server for the other origins. Exit 77
// (CTest: skipped) only when chromium is not installed.
//
// usage: node cors.test.mjs <path of the cairn executable>

import { createServer, request } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { TestSite, chromiumInstalled, CHROMIUM, BOB_PASSWORD, step } from './harness.mjs';

if (!chromiumInstalled()) {
  console.log(`SKIP: ${CHROMIUM} is not installed (tools/dev.sh installs it)`);
  process.exit(77);
}
const site = new TestSite(process.argv[2]);
let pages = null;

// One server, two origins: http://localhost:PORT is allowed, http://127.0.0.1:PORT is not
// (the host is part of the origin).
function servePages() {
  return new Promise((resolve, reject) => {
    const server = createServer((req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end('<!doctype html><html><head><title>other origin</title></head><body>other origin</body></html>');
    });
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

// The raw headers of a preflight, as Node's fetch would join repeated ones.
function preflight(url, origin, method, headers) {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'OPTIONS', headers: { Origin: origin,
      'Access-Control-Request-Method': method, 'Access-Control-Request-Headers': headers } }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode, raw: res.rawHeaders }));
    });
    req.on('error', reject);
    req.end();
  });
}
const headerCount = (raw, name) => raw.reduce((n, v, i) => n + (i % 2 === 0 && v.toLowerCase() === name ? 1 : 0), 0);

async function main() {
  pages = await servePages();
  const pagePort = pages.address().port;
  const allowed = `http://localhost:${pagePort}`;
  const refused = `http://127.0.0.1:${pagePort}`;
  const dataDir = join(site.dir, 'data');
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(join(dataDir, 'cairn.ini'), `[server]\ncorsOrigins=${allowed}\n`);
  await site.start();
  const { base, adminToken } = site;
  step(`server at ${base}, allowed origin ${allowed}, refused origin ${refused}`);

  const tracks = (await site.json('/api/tracks?limit=100', { token: adminToken })).body.items;
  const song = tracks.find((t) => t.title === 'Test Song');
  assert.ok(song, `the track "Test Song" in ${JSON.stringify(tracks.map((t) => t.title))}`);

  step('preflight read by hand: one Access-Control-Allow-Origin, the allowed origin');
  const pre = await preflight(`${base}/api/auth/me`, allowed, 'GET', 'authorization');
  assert.ok(pre.status === 204 || pre.status === 200, `preflight status ${pre.status}`);
  assert.equal(headerCount(pre.raw, 'access-control-allow-origin'), 1, `raw headers: ${pre.raw}`);
  const preRefused = await preflight(`${base}/api/auth/me`, refused, 'GET', 'authorization');
  assert.equal(headerCount(preRefused.raw, 'access-control-allow-origin'), 0, `raw headers: ${preRefused.raw}`);

  const browser = await site.launchBrowser();
  const context = await browser.newContext();
  const page = await context.newPage();
  page.on('console', (m) => { if (m.type() === 'error') console.log(`   console: ${m.text()}`); });

  step(`from ${allowed}: log in (POST JSON) and /api/auth/me with Authorization`);
  await page.goto(`${allowed}/`);
  assert.equal(await page.evaluate(() => location.origin), allowed);
  const login = await page.evaluate(async ({ base, password }) => {
    const r = await fetch(`${base}/api/auth/login`, { method: 'POST',
      headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name: 'bob', password }) });
    return { status: r.status, body: await r.json() };
  }, { base, password: BOB_PASSWORD });
  assert.equal(login.status, 200, JSON.stringify(login.body));
  const token = login.body.token;
  assert.ok(token, 'a token');
  const me = await page.evaluate(async ({ base, token }) => {
    const r = await fetch(`${base}/api/auth/me`, { headers: { Authorization: `Bearer ${token}` } });
    return { status: r.status, body: await r.json() };
  }, { base, token });
  assert.equal(me.status, 200, JSON.stringify(me.body));
  assert.equal(me.body.name, 'bob', JSON.stringify(me.body));

  step(`from ${allowed}: a byte range of a stream, Content-Range readable`);
  const range = await page.evaluate(async ({ base, token, id }) => {
    const r = await fetch(`${base}/api/tracks/${id}/stream`, { headers: { Authorization: `Bearer ${token}`, Range: 'bytes=0-99' } });
    const bytes = new Uint8Array(await r.arrayBuffer());
    return { status: r.status, contentRange: r.headers.get('Content-Range'), length: bytes.length,
      head: String.fromCharCode(...bytes.slice(0, 3)), acceptRanges: r.headers.get('Accept-Ranges') };
  }, { base, token, id: song.id });
  assert.equal(range.status, 206);
  assert.match(range.contentRange ?? '', /^bytes 0-99\/\d+$/, `Content-Range: ${range.contentRange}`);
  assert.equal(range.length, 100);
  assert.equal(range.acceptRanges, 'bytes');
  // The same bytes as a same-origin read from Node.
  const direct = await fetch(`${base}/api/tracks/${song.id}/stream`, { headers: { Authorization: `Bearer ${adminToken}`, Range: 'bytes=0-2' } });
  assert.equal(Buffer.from(await direct.arrayBuffer()).toString('latin1'), range.head);

  step(`from ${refused} (not listed): the same call is refused by the browser`);
  await page.goto(`${refused}/`);
  assert.equal(await page.evaluate(() => location.origin), refused);
  const refusedMe = await page.evaluate(async ({ base, token }) => {
    try {
      const r = await fetch(`${base}/api/auth/me`, { headers: { Authorization: `Bearer ${token}` } });
      return { resolved: r.status };
    } catch (e) {
      return { error: e.name, message: e.message };
    }
  }, { base, token });
  assert.equal(refusedMe.error, 'TypeError', JSON.stringify(refusedMe));
  const refusedLogin = await page.evaluate(async ({ base, password }) => {
    try {
      const r = await fetch(`${base}/api/auth/login`, { method: 'POST',
        headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name: 'bob', password }) });
      return { resolved: r.status };
    } catch (e) {
      return { error: e.name };
    }
  }, { base, password: BOB_PASSWORD });
  assert.equal(refusedLogin.error, 'TypeError', JSON.stringify(refusedLogin));

  step(`back on ${allowed}: the token still works (the refusal was the browser's, not the server's)`);
  await page.goto(`${allowed}/`);
  const again = await page.evaluate(async ({ base, token }) =>
    (await fetch(`${base}/api/auth/me`, { headers: { Authorization: `Bearer ${token}` } })).status, { base, token });
  assert.equal(again, 200);
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
  pages?.close();
}
process.exit(code);
