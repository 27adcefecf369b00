// The web app in a real browser against a real server: Debian's chromium driven by
// playwright-core, a `cairn --headless` started here on 127.0.0.1 with a library made by the
// ffmpeg CLI. Exit 77 (CTest: skipped) only when chromium is not installed.
//
// usage: node browser.test.mjs <path of the cairn executable>

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { TestSite, chromiumInstalled, CHROMIUM, HTML_TITLE, HTML_ARTIST, ADMIN_PASSWORD, BOB_PASSWORD, step, makeMp3, until } from './harness.mjs';

if (!chromiumInstalled()) {
  console.log(`SKIP: ${CHROMIUM} is not installed (tools/dev.sh installs it)`);
  process.exit(77);
}
const site = new TestSite(process.argv[2]);

async function main() {
  await site.start();
  const { base, dir, library, adminToken } = site;
  const json = (path, options) => site.json(path, options);
  step(`server at ${base}`);

  step('static files: headers, 304, gzip; the API keeps its JSON 404');
  const index = await fetch(`${base}/`, { headers: { 'Accept-Encoding': 'gzip' } });
  assert.equal(index.status, 200);
  assert.match(index.headers.get('content-security-policy'), /default-src 'self'/);
  assert.equal(index.headers.get('x-content-type-options'), 'nosniff');
  assert.ok(index.headers.get('referrer-policy'));
  assert.equal(index.headers.get('cache-control'), 'no-cache');
  const html = await index.text();
  const asset = html.match(/src="(\/assets\/[0-9a-f]+\/main\.js)"/)[1];
  const js = await fetch(base + asset);
  assert.match(js.headers.get('cache-control'), /max-age=31536000, immutable/);
  assert.match(js.headers.get('content-type'), /javascript/);
  const again = await fetch(base + asset, { headers: { 'If-None-Match': js.headers.get('etag') } });
  assert.equal(again.status, 304);
  for (const ref of html.matchAll(/(?:href|src)="(\/assets\/[^"]+)"/g))
    assert.equal((await fetch(base + ref[1])).status, 200, `${ref[1]} named by index.html`);
  const head = await fetch(`${base}/`, { method: 'HEAD' });
  assert.equal(head.status, 200);
  assert.equal(await head.text(), '');
  // Node's fetch undoes gzip itself: ask for the identity and the gzip tags by hand.
  const identityTag = (await fetch(base + asset, { headers: { 'Accept-Encoding': 'identity' } })).headers.get('etag');
  const gzipped = await fetch(base + asset, { headers: { 'Accept-Encoding': 'gzip, deflate' } });
  assert.equal(gzipped.headers.get('content-encoding'), 'gzip');
  assert.equal(gzipped.headers.get('vary'), 'Accept-Encoding');
  assert.notEqual(gzipped.headers.get('etag'), identityTag, 'each encoding has its own tag');
  const wrongTag = await fetch(base + asset, { headers: { 'Accept-Encoding': 'gzip', 'If-None-Match': identityTag } });
  assert.equal(wrongTag.status, 200);
  const stale = await fetch(base + asset.replace(/\/assets\/[0-9a-f]+\//, '/assets/0000000000000000/'));
  assert.equal(stale.status, 200);
  assert.equal(stale.headers.get('cache-control'), 'no-cache');
  const missing = await fetch(`${base}${asset.replace('main.js', 'nope.js')}`);
  assert.equal(missing.status, 404);
  assert.ok((await missing.json()).error);
  const unknown = await json('/api/no-such-thing', { token: adminToken });
  assert.equal(unknown.status, 404);
  assert.ok(unknown.body.error);

  const browser = await site.launchBrowser();
  const context = await browser.newContext();
  const page = await context.newPage();
  const dialogs = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') console.log(`   console: ${m.text()}`); });
  const requested = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));

  step('log in: wrong password, then right; the log-in page weighs < 150 KB');
  const loginResponses = [];
  const onResponse = (r) => loginResponses.push(r);
  page.on('response', onResponse);
  await page.goto(`${base}/`, { waitUntil: 'networkidle' });
  page.off('response', onResponse);
  let loginBytes = 0;
  for (const r of loginResponses) {
    const sizes = await r.request().sizes();
    loginBytes += sizes.responseBodySize + sizes.responseHeadersSize;
  }
  console.log(`   log-in page: ${loginResponses.length} responses, ${loginBytes} bytes transferred`);
  assert.ok(loginBytes < 150 * 1024, `log-in page transferred ${loginBytes} bytes`);
  await page.fill('#login-name', 'admin');
  await page.fill('#login-password', 'wrong-password');
  await page.click('button[type=submit]');
  await page.waitForFunction(() => /Wrong name or password/.test(document.querySelector('#login-message')?.textContent));
  await page.fill('#login-password', ADMIN_PASSWORD);
  await page.click('button[type=submit]');
  await page.waitForSelector('#admin-menu');

  step('albums: a grid, or an empty state on a server without the browse API');
  await page.waitForSelector('#album-grid .card, #page .empty');

  step('all tracks; the HTML tag is shown as text');
  await page.goto(`${base}/#/tracks`);
  await page.waitForSelector('#all-tracks .play-track');
  const titles = await page.$$eval('.play-track', (els) => els.map((e) => e.textContent));
  assert.ok(titles.includes(HTML_TITLE), `titles: ${titles}`);
  assert.equal(await page.$$eval('img[src="x"], b', (els) => els.length), 0);
  assert.ok((await page.textContent('#all-tracks')).includes(HTML_ARTIST));

  step('play the mp3, seek to 80 %');
  await page.click('.play-track:text-is("Test Song")');
  await page.waitForFunction(() => { const a = document.getElementById('audio'); return a.currentTime > 0.3 && !a.paused; }, null, { timeout: 20000 });
  assert.equal(await page.$eval('#audio', (a) => a.dataset.mode), 'direct');
  assert.match(await page.$eval('#audio', (a) => a.src), /\/api\/tracks\/\d+\/stream\?exp=\d+&sig=/);
  await page.$eval('#seek', (s) => { s.value = '800'; s.dispatchEvent(new Event('input')); s.dispatchEvent(new Event('change')); });
  await page.waitForFunction(() => { const a = document.getElementById('audio'); return a.currentTime >= 15.5 && a.currentTime < 18 && !a.seeking; }, null, { timeout: 15000 });

  step('space pauses and resumes');
  await page.click('#page h1');
  await page.keyboard.press('Space');
  await page.waitForFunction(() => document.getElementById('audio').paused);
  await page.keyboard.press('Space');
  await page.waitForFunction(() => !document.getElementById('audio').paused);

  step('search as you type; play the WavPack through a transcode and seek');
  await page.fill('#search', 'pack');
  await page.waitForSelector('#search-results .play-track:text-is("Pack Song")');
  await page.click('#search-results .play-track:text-is("Pack Song")');
  await page.waitForFunction(() => { const a = document.getElementById('audio'); return a.dataset.mode === 'transcode' && a.currentTime > 0.3 && !a.paused; }, null, { timeout: 30000 });
  await page.$eval('#seek', (s) => { s.value = '500'; s.dispatchEvent(new Event('change')); });
  await page.waitForFunction(() => {
    const a = document.getElementById('audio');
    const shown = document.querySelector('.np-time').textContent;
    return !a.seeking && /^0:0[5-9]/.test(shown);
  }, null, { timeout: 20000 });

  step('music pages loaded no video code');
  assert.ok(!requested.some((p) => /hls|video\.js/.test(p)), requested.filter((p) => p.startsWith('/assets')).join(' '));

  step('a video through hls.js');
  await page.goto(`${base}/#/videos`);
  await page.click('#video-grid .card');
  await page.waitForSelector('#quality:not([hidden])', { timeout: 30000 });
  assert.ok(requested.some((p) => p.endsWith('/hls.min.mjs')));
  await page.$eval('#video', (v) => { v.muted = true; return v.play(); });
  await page.waitForFunction(() => document.getElementById('video').currentTime > 0.5, null, { timeout: 60000 });
  step('its subtitles menu offers the sidecar and shows it');
  await page.waitForSelector('#subtitles option:nth-child(2)', { state: 'attached', timeout: 30000 });
  assert.deepEqual(await page.$$eval('#subtitles option', (os) => os.map((o) => o.textContent)), ['Off', 'English']);
  await page.selectOption('#subtitles', '0');
  await page.waitForFunction(() => Array.from(document.getElementById('video').textTracks)
    .some((t) => t.mode === 'showing' && t.cues && Array.from(t.cues).some((c) => c.text === 'Cairn subtitle one')), null, { timeout: 30000 });
  assert.equal(await page.evaluate(() => localStorage.getItem('cairn.subtitles.language')), 'en');
  const qualities = await page.$$eval('#quality option', (os) => os.map((o) => o.value));
  assert.ok(qualities.length >= 2, `quality menu: ${qualities}`);
  await page.$eval('#video', (v) => { v.currentTime = 8; });
  await page.waitForFunction(() => { const v = document.getElementById('video'); return v.currentTime > 8.2 && !v.seeking; }, null, { timeout: 60000 });
  await page.selectOption('#quality', qualities[1]);
  const before = await page.$eval('#video', (v) => v.currentTime);
  await page.waitForFunction((t) => document.getElementById('video').currentTime > t + 0.5 || document.getElementById('video').ended, before, { timeout: 60000 });

  step('administration: library folders and scan, activity');
  await page.goto(`${base}/#/admin/folders`);
  await page.waitForFunction((lib) => document.getElementById('folder-list')?.textContent.includes(lib), library);
  await page.waitForFunction(() => /Idle\. 4 tracks/.test(document.getElementById('scan-status')?.textContent));
  const more = join(dir, 'More');
  mkdirSync(more);
  makeMp3(join(more, 'later.mp3'), 3, { title: 'Added Later' });
  // Not audio, and a name that would be markup if the page parsed it.
  writeFileSync(join(more, '<img src=x onerror=alert(1)>broken.mp3'), 'this is no mp3 '.repeat(200));
  await page.fill('#folder-path', more);
  await page.click('#admin-folders button[type=submit]');
  await page.waitForFunction(() => document.getElementById('folder-path').value === '' || /.+/.test(document.querySelector('#admin-folders .form-message')?.textContent));
  const refused = await page.textContent('#admin-folders .form-message');
  if (refused) {
    console.log(`   adding a folder: "${refused}" (no POST /api/folders on this server yet)`);
    assert.match(refused, /does not offer/);
  } else {
    await page.waitForFunction(() => /Idle\. 5 tracks/.test(document.getElementById('scan-status')?.textContent), null, { timeout: 60000 });
    await page.waitForFunction(() => document.getElementById('scan-errors')?.textContent.includes('<img src=x onerror=alert(1)>broken.mp3'));
    assert.equal(await page.$$eval('#scan-errors img', (is) => is.length), 0, 'a path is text, never markup');
    assert.ok((await page.textContent('#scan-errors .reason')).trim(), 'the reason is shown');
  }
  await page.goto(`${base}/#/admin/activity`);
  await page.waitForFunction(() => /\d+ active streams?, /.test(document.getElementById('activity-summary')?.textContent));
  await page.waitForFunction(() => document.getElementById('limit-maxStreams')?.value === '0');
  await page.fill('#limit-maxStreams', '-1');
  await page.click('#limits-form button[type=submit]');
  await page.waitForFunction(() => /maxStreams/.test(document.querySelector('#limits-form .form-message.error')?.textContent));
  await page.fill('#limit-maxStreams', '40');
  await page.click('#limits-form button[type=submit]');
  await page.waitForFunction(() => /Saved/.test(document.querySelector('#limits-form .form-message')?.textContent));
  assert.equal((await json('/api/activity/limits', { token: adminToken })).body.maxStreams, 40);
  // Kept for the next start, as the desktop's Limits box keeps it (QSettings writes a moment later).
  await until('the limit in cairn.ini', async () => /maxTotal=40/.test(readFileSync(join(dir, 'data', 'cairn.ini'), 'utf8')), 10000);
  await page.fill('#limit-maxStreams', '0');   // unlimited again for the rest of the run
  await page.click('#limits-form button[type=submit]');
  await page.waitForFunction(() => /Saved/.test(document.querySelector('#limits-form .form-message')?.textContent)
    && document.getElementById('limit-maxStreams').value === '0');
  assert.equal((await json('/api/activity/limits', { token: adminToken })).body.maxStreams, 0);

  step('administration: DLNA is refused without an account, then turned on for lo and off again');
  await page.goto(`${base}/#/admin/dlna`);
  await page.waitForFunction(() => /^Off\./.test(document.getElementById('dlna-status')?.textContent));
  await page.check('#dlna-enabled');
  await page.fill('#dlna-interfaces', 'lo');
  await page.click('#dlna-form button[type=submit]');
  await page.waitForFunction(() => /needs an account/.test(document.querySelector('#dlna-form .form-message.error')?.textContent));
  assert.equal((await json('/api/dlna', { token: adminToken })).body.enabled, false, 'a refused change changes nothing');
  await page.selectOption('#dlna-user', 'bob');
  await page.fill('#dlna-name', 'Living room <Cairn>');
  await page.click('#dlna-form button[type=submit]');
  await page.waitForFunction(() => /Saved/.test(document.querySelector('#dlna-form .form-message')?.textContent));
  const dlnaOn = (await json('/api/dlna', { token: adminToken })).body;
  assert.equal(dlnaOn.enabled, true);
  assert.equal(dlnaOn.user, 'bob');
  assert.deepEqual(dlnaOn.interfaces, ['lo']);
  await until('the DLNA settings in cairn.ini', async () => /friendlyName=Living room <Cairn>/.test(readFileSync(join(dir, 'data', 'cairn.ini'), 'utf8')), 10000);
  assert.equal((await fetch(`${base}/dlna/description.xml`)).status, 200, 'the device answers while on');
  await page.uncheck('#dlna-enabled');
  await page.click('#dlna-form button[type=submit]');
  await page.waitForFunction(() => /Saved/.test(document.querySelector('#dlna-form .form-message')?.textContent));
  await until('DLNA off', async () => (await fetch(`${base}/dlna/description.xml`)).status === 404, 10000);

  step('administration: the admin makes an app password for bob on the Users page');
  const bobId = (await json('/api/users', { token: adminToken })).body.items.find((u) => u.name === 'bob').id;
  await page.goto(`${base}/#/admin/users`);
  await page.locator('#admin-users tr', { hasText: 'bob' }).locator('button.app-passwords-button').click();
  await page.waitForSelector(`#user-${bobId}-app-password-form`);
  await page.fill(`#user-${bobId}-app-password-name`, 'DSub (set up by admin)');
  await page.click(`#user-${bobId}-app-password-form button[type=submit]`);
  await page.waitForFunction((id) => document.getElementById(`user-${id}-app-password-secret`)?.value.length === 23, bobId);
  const adminMade = await page.inputValue(`#user-${bobId}-app-password-secret`);

  step('administration: the admin signs bob out everywhere on the Users page');
  const bobBefore = (await json('/api/auth/login', { method: 'POST', body: { name: 'bob', password: BOB_PASSWORD } })).body.token;
  assert.equal((await json('/api/auth/me', { token: bobBefore })).status, 200);
  await page.evaluate(() => { window.confirm = (text) => { window.confirmed = text; return true; }; });
  await page.locator('#admin-users tr', { hasText: 'bob' }).locator('button.sign-out-button').click();
  await page.waitForFunction(() => [...document.querySelectorAll('#admin-users .form-message')]
    .some((m) => /bob is signed out everywhere/.test(m.textContent)));
  assert.match(await page.evaluate(() => window.confirmed), /Sign bob out on every device/);
  assert.equal((await json('/api/auth/me', { token: bobBefore })).status, 401);
  assert.equal((await json('/api/auth/me', { token: adminToken })).status, 200);

  step('browse pages against the browse API contract (answered by the test)');
  await browsePages(browser, base, adminToken);

  step('favourites, ratings, playlists and recorded plays (bob, the real API)');
  await libraryState(browser, base, adminToken);

  step('log out');
  await page.goto(`${base}/#/albums`);
  await page.click('#logout');
  await page.waitForFunction(() => /logged out/.test(document.querySelector('#login-message')?.textContent));

  step('a non-admin sees no administration and gets 403 from its API');
  await page.fill('#login-name', 'bob');
  await page.fill('#login-password', BOB_PASSWORD);
  await page.click('button[type=submit]');
  await page.waitForSelector('#logout');
  assert.equal(await page.$('#admin-menu'), null);
  assert.equal(await page.$$eval('nav a[href^="#/admin"]', (as) => as.length), 0);
  const status = await page.evaluate(async () => {
    const { token } = JSON.parse(sessionStorage.getItem('cairn.session'));
    return (await fetch('/api/users', { headers: { Authorization: `Bearer ${token}` } })).status;
  });
  assert.equal(status, 403);
  await page.goto(`${base}/#/admin/users`);
  await page.waitForFunction(() => /Administrators only/.test(document.getElementById('page').textContent));

  step("app passwords in bob's Settings: listed without secrets, a new one shown once and copied, revoked");
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
  await page.goto(`${base}/#/settings`);
  await page.waitForFunction(() => document.querySelectorAll('#app-password-list tbody tr').length === 1);
  assert.match(await page.textContent('#app-password-list'), /DSub \(set up by admin\)/);
  assert.ok(!(await page.textContent('#page')).includes(adminMade));
  assert.equal(await page.isHidden('#app-password-shown'), true);
  await page.fill('#app-password-name', '   ');
  await page.click('#app-password-form button[type=submit]');
  await page.waitForFunction(() => /empty/.test(document.querySelector('#app-passwords .form-message.error')?.textContent || ''));
  await page.fill('#app-password-name', 'Symfonium on my phone');
  await page.click('#app-password-form button[type=submit]');
  await page.waitForFunction(() => document.querySelectorAll('#app-password-list tbody tr').length === 2);
  const secret = await page.inputValue('#app-password-secret');
  assert.match(secret, /^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);
  assert.equal(await page.isVisible('#app-password-shown'), true);
  assert.equal(await page.textContent('#app-passwords .form-message'), '');
  assert.ok(!(await page.textContent('#app-password-list')).includes(secret));
  await page.click('#app-password-shown button');
  await page.waitForFunction(() => /Copied/.test(document.querySelector('#app-password-shown').textContent));
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), secret);
  const listed = await page.evaluate(async () => {
    const { token } = JSON.parse(sessionStorage.getItem('cairn.session'));
    return (await fetch('/api/users/me/app-passwords', { headers: { Authorization: `Bearer ${token}` } })).text();
  });
  assert.ok(listed.includes('Symfonium on my phone') && !listed.includes(secret) && !listed.includes(adminMade), listed);
  // Revoke, confirmed (the confirmation is answered here, so no dialog is left to record).
  await page.evaluate(() => { window.confirm = (text) => { window.confirmed = text; return true; }; });
  await page.locator('#app-password-list tr', { hasText: 'Symfonium on my phone' }).locator('button').click();
  await page.waitForFunction(() => document.querySelectorAll('#app-password-list tbody tr').length === 1);
  assert.match(await page.evaluate(() => window.confirmed), /Revoke the app password "Symfonium on my phone"/);
  assert.equal(await page.isHidden('#app-password-shown'), true);
  assert.equal(await page.inputValue('#app-password-secret'), '');
  const left = (await json(`/api/users/${bobId}/app-passwords`, { token: adminToken })).body;
  assert.deepEqual(left.map((p) => p.name), ['DSub (set up by admin)']);

  step('an ended token returns to the log-in page with a message');
  await page.evaluate(async () => {
    const { token } = JSON.parse(sessionStorage.getItem('cairn.session'));
    await fetch('/api/auth/logout', { method: 'POST', headers: { Authorization: `Bearer ${token}` } });
  });
  await page.goto(`${base}/#/tracks`);
  await page.waitForFunction(() => /session has ended/.test(document.querySelector('#login-message')?.textContent || ''));

  step('a kept token past its expiry: the log-in page says so');
  await page.evaluate(() => localStorage.setItem('cairn.session',
    JSON.stringify({ token: 'old', expiresAt: '2000-01-01T00:00:00Z', user: { name: 'bob', admin: false } })));
  await page.reload();
  await page.waitForFunction(() => /expired/.test(document.querySelector('#login-message')?.textContent || ''));
  assert.equal(await page.evaluate(() => localStorage.getItem('cairn.session')), null);

  step('bob signs out everywhere in Settings: back to the log-in page, his other log-ins end too');
  const bobElsewhere = (await json('/api/auth/login', { method: 'POST', body: { name: 'bob', password: BOB_PASSWORD } })).body.token;
  await page.fill('#login-name', 'bob');
  await page.fill('#login-password', BOB_PASSWORD);
  await page.click('button[type=submit]');
  await page.waitForSelector('#logout');
  await page.goto(`${base}/#/settings`);
  await page.waitForSelector('#sign-out-everywhere');
  await page.evaluate(() => { window.confirm = (text) => { window.confirmed = text; return true; }; });
  await page.click('#sign-out-everywhere');
  await page.waitForFunction(() => /signed out on every device/.test(document.querySelector('#login-message')?.textContent || ''));
  assert.match(await page.evaluate(() => window.confirmed), /Sign out on every device/);
  assert.equal((await json('/api/auth/me', { token: bobElsewhere })).status, 401);
  assert.equal((await json('/api/auth/me', { token: adminToken })).status, 200);

  assert.deepEqual(dialogs, [], 'no script from a tag ran');
  assert.deepEqual(pageErrors, []);
  step('passed');
}

// The album/artist/genre/search pages, with /api/albums, /api/artists, /api/genres and
// /api/search answered here in the documented shapes (real tracks inside), so the pages are
// tested whether or not this server has the browse API yet.
async function browsePages(browser, base, adminToken) {
  const tracks = (await site.json('/api/tracks?limit=50', { token: adminToken })).body.items;
  const song = { ...tracks.find((t) => t.title === 'Test Song'), discNumber: 1, trackNumber: 1 };
  const pack = { ...tracks.find((t) => t.title === 'Pack Song'), discNumber: 2, trackNumber: 1 };
  const album = { id: 7, title: '<script>alert(2)</script> Ålbum', artist: 'Tester', artistId: 3, year: 2020, genre: 'Ambient',
    trackCount: 2, duration: 32, addedAt: '2026-01-01T00:00:00Z' };
  const artist = { id: 3, name: 'Tester', albumCount: 1, trackCount: 2 };
  const asked = [];
  const answers = {
    '/api/albums': () => ({ items: [album], total: 1, offset: 0, limit: 60 }),
    '/api/albums/7': () => ({ ...album, tracks: [pack, song] }),
    '/api/artists': () => ({ items: [artist], total: 1, offset: 0, limit: 60 }),
    '/api/artists/3': () => ({ id: 3, name: 'Tester', albums: [album] }),
    '/api/genres': () => ({ items: [{ name: 'Ambient', albumCount: 1, trackCount: 2 }] }),
    '/api/search': () => ({ artists: [artist], albums: [album], tracks: [song] }),
  };
  const context = await browser.newContext();
  await context.route((url) => url.pathname in answers, (route) => {
    const url = new URL(route.request().url());
    asked.push(url.pathname + url.search);
    route.fulfill({ json: answers[url.pathname]() });
  });
  const page = await context.newPage();
  const dialogs = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  await TestSite.logIn(page, base, 'admin', ADMIN_PASSWORD);

  await page.goto(`${base}/#/albums`);
  await page.waitForSelector('#album-grid .card');
  assert.equal(await page.textContent('#album-grid .card-title'), album.title);
  assert.ok(asked.some((a) => a.startsWith('/api/albums?') && a.includes('sort=name')), asked.join(' '));
  await page.click('#album-grid .card');
  await page.waitForSelector('h2.disc');
  assert.deepEqual(await page.$$eval('h2.disc', (hs) => hs.map((x) => x.textContent)), ['Disc 1', 'Disc 2']);
  assert.deepEqual(await page.$$eval('.play-track', (bs) => bs.map((b) => b.textContent)), ['Test Song', 'Pack Song']);
  await page.click('button.primary:text("Play")');
  await page.waitForFunction(() => { const a = document.getElementById('audio'); return a.currentTime > 0.2 && !a.paused; }, null, { timeout: 20000 });
  assert.equal(await page.textContent('.np-title'), 'Test Song');
  await page.click('#next');
  await page.waitForFunction(() => document.querySelector('.np-title').textContent === 'Pack Song');

  await page.goto(`${base}/#/recent`);
  await page.waitForSelector('#album-grid .card');
  assert.ok(asked.some((a) => a.includes('sort=added')));
  await page.goto(`${base}/#/artists`);
  await page.click('a[href="#/artist/3"]');
  await page.waitForSelector('.grid .card');
  await page.goto(`${base}/#/genres`);
  await page.click('a[href="#/genre/Ambient"]');
  await page.waitForSelector('#album-grid .card');
  assert.ok(asked.some((a) => a.startsWith('/api/albums?') && a.includes('genre=Ambient')));

  await page.fill('#search', 'tes');
  await page.waitForSelector('#search-results h2');
  assert.deepEqual(await page.$$eval('#search-results h2', (hs) => hs.map((x) => x.textContent)), ['Artists', 'Albums', 'Tracks']);
  const searches = asked.filter((a) => a.startsWith('/api/search'));
  assert.equal(searches.length, 1, `one request after the last keystroke: ${searches}`);
  assert.deepEqual(dialogs, []);
  await context.close();
}

// The user's own state through the real API, as bob: a heart that lands on the Favourites page
// and in the API (and not in the admin's state), a rating, a playlist built from two track rows,
// reordered, edited and played, and a play recorded once the short track played past half.
async function libraryState(browser, base, adminToken) {
  const bobToken = (await site.json('/api/auth/login', { method: 'POST', body: { name: 'bob', password: BOB_PASSWORD } })).body.token;
  const asBob = (path, options = {}) => site.json(path, { token: bobToken, ...options });
  const tracks = (await asBob('/api/tracks?limit=50')).body.items;
  const song = tracks.find((t) => t.title === 'Test Song');
  const html = tracks.find((t) => t.title === HTML_TITLE);
  const row = (title) => `#page tr:has(.play-track:text-is(${JSON.stringify(title)}))`;

  const context = await browser.newContext();
  const page = await context.newPage();
  const dialogs = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  const played = [];
  page.on('request', (r) => { if (r.method() === 'POST' && /\/played$/.test(new URL(r.url()).pathname)) played.push(new URL(r.url()).pathname); });
  await TestSite.logIn(page, base, 'bob', BOB_PASSWORD);

  step('   the heart on a track row: on the Favourites page and in the API, for bob only');
  await page.goto(`${base}/#/tracks`);
  await page.waitForSelector(`${row('Test Song')} button.heart[aria-pressed="false"]`);
  await page.click(`${row('Test Song')} button.heart`);
  await page.waitForSelector(`${row('Test Song')} button.heart[aria-pressed="true"]`);
  await page.click(`${row(HTML_TITLE)} button.heart`);
  await until('both favourites in the API', async () => (await asBob('/api/favourites')).body.tracks.length === 2);
  assert.deepEqual((await asBob('/api/favourites')).body.tracks.map((t) => t.id).sort(), [song.id, html.id].sort());
  assert.equal((await asBob(`/api/tracks/${song.id}`)).body.favourite, true);
  assert.equal((await site.json(`/api/tracks/${song.id}`, { token: adminToken })).body.favourite, false, 'per user');
  await page.click('#nav-favourites');
  await page.waitForSelector('#favourite-tracks .play-track');
  assert.deepEqual((await page.$$eval('#favourite-tracks .play-track', (bs) => bs.map((b) => b.textContent))).sort(), [HTML_TITLE, 'Test Song'].sort());
  assert.equal(await page.$$eval('#favourite-tracks button.heart[aria-pressed="true"]', (bs) => bs.length), 2);
  // Unstarred on the page: it stays until the next visit, and the API forgets it at once.
  await page.click(`${row(HTML_TITLE)} button.heart`);
  await until('the unstar in the API', async () => (await asBob('/api/favourites')).body.tracks.length === 1);

  step('   a star rating and a heart on the album page; the album sorts by the rating');
  await page.goto(`${base}/#/album/${song.albumId}`);
  await page.waitForSelector('.album-head .rating');
  await page.click('.album-head .rating button[aria-label="4 stars"]');
  await until('the album rating in the API', async () => (await asBob(`/api/albums/${song.albumId}`)).body.rating === 4);
  await page.click('.album-head button.heart');
  await until('the album favourite in the API', async () => (await asBob('/api/favourites')).body.albums.length === 1);
  await page.click(`${row('Test Song')} .rating button[aria-label="2 stars"]`);
  await until('the track rating in the API', async () => (await asBob(`/api/tracks/${song.id}`)).body.rating === 2);
  await page.goto(`${base}/#/albums`);
  await page.selectOption('#album-sort', 'rating');
  await page.waitForFunction(() => location.hash === '#/albums/rating');
  await page.waitForSelector('#album-grid .card');

  step('   a new playlist from a track row, a second track from another row');
  await page.goto(`${base}/#/tracks`);
  await page.click(`${row('Test Song')} button.add-to-playlist`);
  await page.waitForSelector('#add-to-playlist[open]');
  await page.fill('#dialog-playlist-name', 'Road <b>trip</b>');
  await page.click('#add-to-playlist button[type=submit]');
  await page.waitForSelector('#add-to-playlist', { state: 'detached' });
  await page.waitForFunction(() => /Added 1 track to Road <b>trip<\/b>/.test(document.getElementById('notice')?.textContent));
  await page.click(`${row(HTML_TITLE)} button.add-to-playlist`);
  await page.click('#add-to-playlist .choose-playlist:text-is("Road <b>trip</b>")');
  await page.waitForSelector('#add-to-playlist', { state: 'detached' });
  const listed = (await asBob('/api/playlists')).body.items;
  assert.equal(listed.length, 1);
  const pid = listed[0].id;
  assert.deepEqual((await asBob(`/api/playlists/${pid}`)).body.tracks.map((t) => t.id), [song.id, html.id]);

  step('   the playlist page: reorder, rename, public, play');
  await page.click('#nav-playlists');
  await page.click('#playlist-list a');
  await page.waitForSelector('#playlist-tracks .play-track');
  assert.equal(await page.textContent('#playlist-name'), 'Road <b>trip</b>');
  await page.click(`${row(HTML_TITLE)} button.move-up`);
  await page.waitForFunction((t) => document.querySelector('#playlist-tracks .play-track')?.textContent === t, HTML_TITLE);
  assert.deepEqual((await asBob(`/api/playlists/${pid}`)).body.tracks.map((t) => t.id), [html.id, song.id]);
  await page.click('.owner-tools summary');
  await page.fill('#playlist-rename', 'Road trip 2');
  await page.click('.owner-tools button[type=submit]');
  await page.waitForFunction(() => document.getElementById('playlist-name')?.textContent === 'Road trip 2');
  await page.click('.owner-tools summary');
  await page.check('#playlist-public');
  await until('the playlist public in the API', async () => (await asBob(`/api/playlists/${pid}`)).body.public === true);
  assert.equal((await site.json(`/api/playlists/${pid}`, { token: adminToken })).body.name, 'Road trip 2', 'public: others read it');
  assert.equal((await site.json(`/api/playlists/${pid}`, { token: adminToken, method: 'PATCH', body: { name: 'x' } })).status, 403);

  step('   play it: the 5 s track counts once it played past half, once');
  assert.equal((await asBob(`/api/tracks/${html.id}`)).body.playCount, 0);
  await page.click('#playlist-play');
  await page.waitForFunction((t) => document.querySelector('.np-title').textContent === t && !document.getElementById('audio').paused, HTML_TITLE, { timeout: 20000 });
  // Not before half: a count seen while the element is still before 2.5 s would be too early.
  await page.waitForFunction(() => document.getElementById('audio').currentTime > 1, null, { timeout: 10000 });
  const early = (await asBob(`/api/tracks/${html.id}`)).body.playCount;
  if (await page.$eval('#audio', (a) => a.currentTime) < 2.5) assert.equal(early, 0, 'recorded before half of the track');
  await until('the play in the API', async () => (await asBob(`/api/tracks/${html.id}`)).body.playCount === 1, 15000);
  await page.waitForFunction((id) => document.querySelector(`td[data-plays-of="${id}"]`)?.textContent === '1', html.id);
  await page.waitForFunction(() => document.querySelector('.np-title').textContent === 'Test Song', null, { timeout: 20000 });
  assert.equal((await asBob(`/api/tracks/${html.id}`)).body.playCount, 1, 'once per play');
  assert.equal(played.filter((p) => p === `/api/tracks/${html.id}/played`).length, 1);
  assert.equal((await site.json(`/api/tracks/${html.id}`, { token: adminToken })).body.playCount, 0, 'bob\'s play, not the admin\'s');
  await page.click('#play-toggle');
  await until('the queue saved for bob\'s other clients', async () => {
    const saved = (await asBob('/api/queue')).body;
    return saved.changedBy === 'web' && saved.currentTrackId === song.id && saved.trackIds.join() === [html.id, song.id].join();
  });

  step('   the queue adds to a playlist; removing an entry and deleting the playlist');
  await page.click('#queue-toggle');
  await page.click('#queue-to-playlist');
  await page.click('#add-to-playlist .choose-playlist:text-is("Road trip 2")');
  await page.waitForSelector('#add-to-playlist', { state: 'detached' });
  await page.click('#queue-toggle');
  assert.equal((await asBob(`/api/playlists/${pid}`)).body.trackCount, 4);
  await page.reload();
  await page.waitForSelector('#playlist-tracks .play-track');
  assert.equal(await page.$$eval('#playlist-tracks .play-track', (bs) => bs.length), 4);
  await page.click('#playlist-tracks tbody tr:first-child button.remove-entry');
  await page.waitForFunction(() => document.querySelectorAll('#playlist-tracks .play-track').length === 3);
  assert.deepEqual((await asBob(`/api/playlists/${pid}`)).body.tracks.map((t) => t.id), [song.id, html.id, song.id]);
  await page.click('.owner-tools summary');
  await page.click('#playlist-delete');
  await page.click('#playlist-delete-yes');
  await page.waitForFunction(() => location.hash === '#/playlists');
  assert.equal((await asBob(`/api/playlists/${pid}`)).status, 404);

  step('   a queue saved by another client: taken at start-up, paused where it was, played from there');
  await page.goto('about:blank');
  assert.equal((await asBob('/api/queue', { method: 'PUT', body: { trackIds: [html.id, song.id], currentTrackId: song.id, positionMs: 5000 } })).status, 204);
  await page.goto(`${base}/#/albums`);
  await page.waitForFunction(() => document.querySelector('.np-title')?.textContent === 'Test Song');
  assert.match(await page.textContent('.np-time'), /^0:05 \//);
  assert.equal(await page.$eval('#audio', (a) => a.getAttribute('src')), null, 'nothing streams before play');
  await page.click('#play-toggle');
  await page.waitForFunction(() => { const a = document.getElementById('audio'); return !a.paused && a.currentTime > 5.2; }, null, { timeout: 20000 });
  await page.click('#play-toggle');

  assert.equal(await page.$$eval('img[src="x"], b', (els) => els.length), 0, 'titles and names are text');
  assert.deepEqual(dialogs, []);
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
