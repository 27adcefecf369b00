// Screenshots of the web app for the README: the player on an album/track list and an
// administration page, taken against a generated library. Not a test (CTest does not run it).
//
// usage: node tests/web/screenshots.mjs <cairn executable> <output directory>

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { TestSite, chromiumInstalled, CHROMIUM, ADMIN_PASSWORD } from './harness.mjs';

const [binary, out] = process.argv.slice(2);
if (!binary || !out) {
  console.error('usage: node tests/web/screenshots.mjs <cairn executable> <output directory>');
  process.exit(2);
}
if (!chromiumInstalled()) {
  console.error(`${CHROMIUM} is not installed (tools/dev.sh installs it)`);
  process.exit(1);
}
mkdirSync(out, { recursive: true });
const site = new TestSite(binary);
try {
  await site.start();
  const browser = await site.launchBrowser();
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await TestSite.logIn(page, site.base, 'admin', ADMIN_PASSWORD);
  await page.goto(`${site.base}/#/tracks`);
  await page.click('.play-track:text-is("Test Song")');
  await page.waitForFunction(() => document.getElementById('audio').currentTime > 1);
  await page.click('#queue-toggle');
  await page.screenshot({ path: join(out, 'player.png') });
  await page.click('#queue-toggle');
  await page.goto(`${site.base}/#/admin/users`);
  await page.waitForSelector('#admin-users table');
  await page.screenshot({ path: join(out, 'admin-users.png') });
  console.log(`wrote ${join(out, 'player.png')} and ${join(out, 'admin-users.png')}`);
} finally {
  await site.stop();
}
