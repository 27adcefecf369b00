// What the browser tests and the screenshot script share: a generated library (ffmpeg CLI), a
// real `cairn --headless` on 127.0.0.1 with an administrator "admin" and a user "bob", and
// Debian's chromium through playwright-core.

import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CHROMIUM = process.env.CAIRN_CHROMIUM || '/usr/bin/chromium';
export const HTML_TITLE = '<img src=x onerror=alert(1)>';
export const HTML_ARTIST = '<b>Bold</b> & "Co"';
export const ADMIN_PASSWORD = 'admin-password-1';
export const BOB_PASSWORD = 'bob-password-1';

export const chromiumInstalled = () => existsSync(CHROMIUM);

export function step(text) { console.log(`-- ${text}`); }

export function ffmpeg(args) {
  execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', ...args], { stdio: 'inherit' });
}

const tone = (seconds, freq) => ['-f', 'lavfi', '-i', `sine=frequency=${freq}:duration=${seconds}:sample_rate=44100`];
const tags = (t) => Object.entries(t).flatMap(([k, v]) => ['-metadata', `${k}=${v}`]);

export function makeMp3(path, seconds, metadata) {
  ffmpeg([...tone(seconds, 500), '-ac', '2', '-c:a', 'libmp3lame', '-b:a', '128k', ...tags(metadata), path]);
}

// Four items: a 20 s mp3, a 12 s WavPack, an mp3 whose tags hold HTML, a 14 s H.264 video.
function makeLibrary(library) {
  mkdirSync(join(library, 'Album A'), { recursive: true });
  mkdirSync(join(library, 'Videos'), { recursive: true });
  ffmpeg([...tone(20, 440), '-ac', '2', '-c:a', 'libmp3lame', '-b:a', '128k',
    ...tags({ title: 'Test Song', artist: 'Tester', album: 'Album A', track: '1' }), join(library, 'Album A', '01 song.mp3')]);
  ffmpeg([...tone(12, 660), '-ac', '2', '-c:a', 'wavpack',
    ...tags({ title: 'Pack Song', artist: 'Tester', album: 'Album A', track: '2' }), join(library, 'Album A', '02 pack.wv')]);
  ffmpeg([...tone(5, 550), '-c:a', 'libmp3lame', '-b:a', '64k',
    ...tags({ title: HTML_TITLE, artist: HTML_ARTIST, album: 'Album A', track: '3' }), join(library, 'Album A', '03 html.mp3')]);
  ffmpeg(['-f', 'lavfi', '-i', 'testsrc=size=320x240:rate=25:duration=14', ...tone(14, 330),
    '-c:v', 'libx264', '-preset', 'ultrafast', '-g', '25', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest',
    ...tags({ title: 'Test Video' }), join(library, 'Videos', 'clip.mp4')]);
  // A sidecar the players offer as English subtitles: one cue near the start, one near 80 %.
  writeFileSync(join(library, 'Videos', 'clip.en.srt'), SUBTITLES);
}

// The cues of the test video's subtitles (clip.en.srt).
export const SUBTITLE_CUES = [
  { start: 1, end: 3, text: 'Cairn subtitle one' },
  { start: 11, end: 12.5, text: 'Cairn subtitle late' },
];
const srtTime = (s) => `00:00:${String(Math.floor(s)).padStart(2, '0')},${String(Math.round((s % 1) * 1000)).padStart(3, '0')}`;
const SUBTITLES = SUBTITLE_CUES.map((c, i) => `${i + 1}\n${srtTime(c.start)} --> ${srtTime(c.end)}\n${c.text}\n`).join('\n');

export async function until(what, fn, timeoutMs = 20000) {
  const end = Date.now() + timeoutMs;
  let last;
  while (Date.now() < end) {
    try { last = await fn(); if (last) return last; } catch (e) { last = e; }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what} (last: ${last})`);
}

export class TestSite {
  constructor(binary) {
    this.binary = binary;
    this.dir = mkdtempSync(join(tmpdir(), 'cairn-web-'));
    this.library = join(this.dir, 'Music');
    this.server = null;
    this.browser = null;
    this.base = '';
    this.adminToken = '';
  }

  // Library, server, finished scan, the user bob (granted every folder).
  async start() {
    makeLibrary(this.library);
    this.base = await this.startServer();
    this.adminToken = (await this.json('/api/auth/login', { method: 'POST', body: { name: 'admin', password: ADMIN_PASSWORD } })).body.token;
    await until('the scan to list 4 tracks', async () => (await this.json('/api/tracks', { token: this.adminToken })).body.total === 4, 60000);
    const folders = (await this.json('/api/folders', { token: this.adminToken })).body.items;
    const bob = await this.json('/api/users', { token: this.adminToken, method: 'POST',
      body: { name: 'bob', password: BOB_PASSWORD, folders: folders.map((f) => f.id) } });
    if (bob.status !== 201) throw new Error(`creating bob: ${bob.status} ${JSON.stringify(bob.body)}`);
    return this;
  }

  startServer() {
    writeFileSync(join(this.dir, 'admin-password'), `${ADMIN_PASSWORD}\n`);
    return new Promise((resolve, reject) => {
      this.server = spawn(this.binary, ['--headless', '--data-dir', join(this.dir, 'data'), '--library', this.library,
        '--port', '0', '--bind', '127.0.0.1', '--admin-user', 'admin', '--admin-password-file', join(this.dir, 'admin-password')],
      { stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      const timer = setTimeout(() => reject(new Error(`cairn did not announce its URL:\n${out}`)), 30000);
      const seen = (chunk) => {
        out += chunk;
        const m = out.match(/(?:serving|listening) on (http:\/\/127\.0\.0\.1:\d+)\//);
        if (m) { clearTimeout(timer); resolve(m[1]); }
      };
      this.server.stdout.on('data', seen);
      this.server.stderr.on('data', seen);
      this.server.on('exit', (code) => reject(new Error(`cairn exited (${code}):\n${out}`)));
    });
  }

  async json(path, { token, method = 'GET', body } = {}) {
    const headers = {};
    if (token) headers.Authorization = `Bearer ${token}`;
    if (body) headers['Content-Type'] = 'application/json';
    const res = await fetch(this.base + path, { method, headers, body: body && JSON.stringify(body) });
    return { status: res.status, body: await res.json().catch(() => null), headers: res.headers };
  }

  async launchBrowser() {
    const { chromium } = await import('playwright-core');
    this.browser = await chromium.launch({ executablePath: CHROMIUM, headless: true,
      args: ['--no-sandbox', '--autoplay-policy=no-user-gesture-required', '--mute-audio'] });
    return this.browser;
  }

  // Logs in through the form of a fresh page at `/`.
  static async logIn(page, base, name, password) {
    await page.goto(`${base}/`);
    await page.fill('#login-name', name);
    await page.fill('#login-password', password);
    await page.click('button[type=submit]');
    await page.waitForSelector('#logout');
  }

  async stop() {
    await this.browser?.close().catch(() => {});
    const server = this.server;
    if (server && server.exitCode === null) {
      server.removeAllListeners('exit');
      server.kill('SIGTERM');
      await new Promise((r) => { server.on('exit', r); setTimeout(r, 10000); });
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}
