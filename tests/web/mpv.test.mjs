// mpv, a player people point at a media server, on Cairn's HLS master playlist: it starts at
// 11 s of the 14 s test video and plays to the end without an error, then plays one subtitle
// track loaded from its WebVTT URL. mpv reads HLS with FFmpeg's demuxer, which cannot seek in
// fMP4 HLS (FFmpeg 5.1): Cairn gives it MPEG-TS segments. Exit 77 (CTest: skipped) only when
// mpv is not installed.
//
// usage: node mpv.test.mjs <path of the cairn executable>

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import assert from 'node:assert/strict';
import { TestSite, step } from './harness.mjs';

const MPV = process.env.CAIRN_MPV || '/usr/bin/mpv';
if (!existsSync(MPV)) {
  console.log(`SKIP: ${MPV} is not installed (tools/dev.sh installs it)`);
  process.exit(77);
}

// mpv without a display or sound card, its status line every frame, and the caller's token.
function mpv(token, args) {
  const r = spawnSync(MPV, ['--no-config', '--vo=null', '--ao=null', '--msg-level=all=warn,cplayer=info,statusline=status',
    '--term-status-msg=AT ${=time-pos}', `--http-header-fields=Authorization: Bearer ${token}`, ...args],
  { encoding: 'utf8', timeout: 120000 });
  const out = r.stdout + r.stderr;   // the status line goes to stderr
  const positions = [...out.matchAll(/AT (-?[\d.]+)/g)].map((m) => Number(m[1]));
  return { status: r.status, out, positions };
}

async function main() {
  const site = new TestSite(process.argv[2]);
  try {
    await site.start();
    const videos = (await site.json('/api/videos?offset=0&limit=10', { token: site.adminToken })).body.items;
    assert.equal(videos.length, 1);
    const master = `${site.base}/api/videos/${videos[0].id}/hls/master.m3u8`;

    step('mpv starts the HLS master at 11 s and plays to the end');
    const played = mpv(site.adminToken, ['--start=11', master]);
    assert.equal(played.status, 0, played.out.slice(-2000));
    assert.doesNotMatch(played.out, /corrupt|error/i);
    assert.ok(played.positions.length > 0, played.out.slice(-2000));
    assert.ok(Math.min(...played.positions) >= 10.9, `started at ${Math.min(...played.positions)}`);
    assert.ok(Math.max(...played.positions) > 13.5, `ended at ${Math.max(...played.positions)}`);

    step('mpv shows the subtitles from their WebVTT URL');
    const tracks = (await site.json(`/api/videos/${videos[0].id}/subtitles`, { token: site.adminToken })).body.items;
    assert.equal(tracks.length, 1);
    const subtitled = mpv(site.adminToken, ['--start=0.5', '--length=2', '--sid=1', `--sub-file=${site.base}${tracks[0].url}`,
      '--term-status-msg=SUB ${sub-text}', master]);
    assert.equal(subtitled.status, 0, subtitled.out.slice(-2000));
    assert.match(subtitled.out, /SUB Cairn subtitle one/);
  } finally {
    await site.stop();
  }
}

main().catch((e) => { console.error(e); process.exit(1); });
