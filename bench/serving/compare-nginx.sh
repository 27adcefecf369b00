#!/usr/bin/env bash
# Serving benchmark of issue 14 ("Serve like nginx"): the same 50 MB MP4 from Debian's nginx
# and from a real `cairn --headless` (signed stream URL of a logged-in, non-admin user), on
# loopback, side by side:
#   1. random 1 MiB ranges, 64 connections (wrk), requests/s
#   2. whole-file downloads, 8 connections (wrk), MB/s
#   3. 2,000 clients reading at 40 kB/s for 20 s: response-head p99, server RSS during (peak)
#      and 5 s after they left, server CPU (% of one core, /proc/PID/stat)
#   4. Cairn only: /health and 64 KiB range p50/p99 while preview clips and thumbnails of
#      different videos are made, and while 200 connections send a header byte every 5 s
#   5. Cairn only: /api/activity's bytesSent and bytesPerSecond against what 300 readers at
#      40 kB/s actually received
# Never run by CTest. Needs the `cairn` and `bench_slow_readers` targets (built here when
# missing), ffmpeg, nginx, wrk, curl, python3 (installed with apt-get when run as root).
# Usage: bench/serving/compare-nginx.sh      (CAIRN_BUILD_DIR=… to use another build tree)
# Environment: BENCH_WRK_SECONDS (15), BENCH_READERS (2000), BENCH_READ_SECONDS (20),
#   BENCH_ROWS=123 (skip rows 4 and 5), BENCH_PERF_DIR=DIR (perf record Cairn, DWARF call graphs,
#   during rows 1 and 3 into DIR/ranges.data and DIR/readers.data), BENCH_KEEP=1 (keep the temp dir).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build="${CAIRN_BUILD_DIR:-$here/build}"
cairn="$build/app/cairn"
readers_bin="$build/bench/bench_slow_readers"
serving="$here/bench/serving"
wrk_seconds="${BENCH_WRK_SECONDS:-15}"
readers="${BENCH_READERS:-2000}"
read_seconds="${BENCH_READ_SECONDS:-20}"
rows="${BENCH_ROWS:-12345}"
rate=40000                 # bytes per second per slow reader
activity_readers=300

die() { echo "compare-nginx: $*" >&2; exit 1; }
note() { echo "compare-nginx: $*" >&2; }

# --- what it needs -------------------------------------------------------------------------
missing=()
for p in nginx wrk ffmpeg curl python3; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then
    note "installing ${missing[*]}"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    die "missing packages: ${missing[*]} (run as root, or: sudo apt-get install ${missing[*]})"
  fi
fi
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)
[ -x "$nginx_bin" ] || die "nginx not found"
if [ ! -x "$cairn" ] || [ ! -x "$readers_bin" ]; then
  [ -f "$build/build.ninja" ] || [ -f "$build/Makefile" ] \
    || die "no build tree in $build (tools/dev.sh build, or set CAIRN_BUILD_DIR)"
  note "building cairn and bench_slow_readers in $build"
  cmake --build "$build" --target cairn bench_slow_readers >/dev/null
fi

# 2,000 clients: each costs the client a socket and each server a socket and an open file.
want_fds=$((2 * readers + 1024))
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
[ "$(ulimit -n)" = unlimited ] || [ "$(ulimit -n)" -ge "$want_fds" ] \
  || die "open-file limit $(ulimit -n) < $want_fds needed for $readers clients (raise the hard limit: ulimit -Hn)"

# --- temp dir and cleanup ------------------------------------------------------------------
tmp=$(mktemp -d /tmp/cairn-vs-nginx.XXXXXX)
chmod 755 "$tmp"           # nginx workers (nobody) read the media below it
pids=()
cleanup() {
  local p
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do
    for _ in $(seq 50); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$p" 2>/dev/null || true
  done
  if [ "${BENCH_KEEP:-0}" = 1 ]; then note "kept $tmp"; else rm -rf "$tmp"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
# json_get EXPR: evaluates a Python expression on `d`, the JSON read from stdin.
json_get() { python3 -c 'import json,sys; d=json.load(sys.stdin); print(eval(sys.argv[1]))' "$1"; }

wait_http() {   # URL PID NAME LOG
  for _ in $(seq 300); do
    kill -0 "$2" 2>/dev/null || { tail -20 "$4" >&2; die "$3 exited during start-up (log above)"; }
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$1" || true)" = 200 ] && return 0
    sleep 0.1
  done
  tail -20 "$4" >&2
  die "$3 does not answer $1 within 30 s"
}

# --- media ---------------------------------------------------------------------------------
media="$tmp/media"
mkdir -p "$media"
note "generating a 50 MB MP4 and 50 short videos"
ffmpeg -v error -y -f lavfi -i testsrc2=s=1280x720:r=30 -f lavfi -i sine=frequency=440:sample_rate=48000 \
  -t 120 -c:v libx264 -preset ultrafast -qp 8 -pix_fmt yuv420p -c:a aac -b:a 128k -fs 52428800 \
  -movflags +faststart -metadata title=bench50 "$media/bench50.mp4" || die "ffmpeg cannot make the test file"
ffmpeg -v error -y -f lavfi -i testsrc=s=640x360:r=25 -f lavfi -i sine=frequency=660:sample_rate=44100 \
  -t 40 -c:v libx264 -preset ultrafast -g 50 -pix_fmt yuv420p -c:a aac -b:a 96k "$tmp/clip.mp4"
for i in $(seq -w 1 50); do   # the same pictures, but 50 files: 50 videos to Cairn
  ffmpeg -v error -y -i "$tmp/clip.mp4" -c copy -metadata title="clip$i" "$media/clip$i.mp4"
done
chmod -R a+rX "$media"
size=$(stat -c %s "$media/bench50.mp4")
expected_tracks=51

# --- nginx ---------------------------------------------------------------------------------
nport=$(free_port)
mkdir -p "$tmp/nginx"
cat >"$tmp/nginx/nginx.conf" <<EOF
daemon off;
worker_processes auto;
worker_rlimit_nofile 65536;
pid $tmp/nginx/nginx.pid;
error_log $tmp/nginx/error.log warn;
events { worker_connections 8192; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  types { video/mp4 mp4; }
  client_body_temp_path $tmp/nginx/body;
  proxy_temp_path $tmp/nginx/proxy;
  fastcgi_temp_path $tmp/nginx/fastcgi;
  uwsgi_temp_path $tmp/nginx/uwsgi;
  scgi_temp_path $tmp/nginx/scgi;
  server {
    listen 127.0.0.1:$nport;
    root $media;
  }
}
EOF
"$nginx_bin" -e "$tmp/nginx/error.log" -p "$tmp/nginx" -c "$tmp/nginx/nginx.conf" &
nginx_pid=$!
pids+=("$nginx_pid")
wait_http "http://127.0.0.1:$nport/bench50.mp4" "$nginx_pid" nginx "$tmp/nginx/error.log"
nginx_path=/bench50.mp4

# --- Cairn ---------------------------------------------------------------------------------
cport=$(free_port)
admin_pw="bench-admin-$RANDOM$RANDOM"
printf '%s\n' "$admin_pw" >"$tmp/admin.pw"
QT_QPA_PLATFORM=offscreen "$cairn" --headless --data-dir "$tmp/cairn" --library "$media" \
  --port "$cport" --bind 127.0.0.1 --admin-user bench --admin-password-file "$tmp/admin.pw" \
  >"$tmp/cairn.log" 2>&1 &
cairn_pid=$!
pids+=("$cairn_pid")
curl_retry=(--retry 3 --retry-connrefused)
wait_http "http://127.0.0.1:$cport/health" "$cairn_pid" cairn "$tmp/cairn.log"
api="http://127.0.0.1:$cport"
login() {   # NAME PASSWORD → token
  curl -sf "${curl_retry[@]}" -X POST -H 'Content-Type: application/json' \
    -d "{\"name\":\"$1\",\"password\":\"$2\"}" "$api/api/auth/login" | json_get 'd["token"]'
}
admin_token=$(login bench "$admin_pw") || die "cannot log in as the administrator (see $tmp/cairn.log)"
for _ in $(seq 600); do
  scan=$(curl -sf -H "Authorization: Bearer $admin_token" "$api/api/scan") || die "GET /api/scan failed"
  [ "$(echo "$scan" | json_get 'not d["scanning"] and d["tracks"] >= '$expected_tracks)" = True ] && break
  sleep 0.2
done
[ "$(echo "$scan" | json_get 'd["tracks"]')" -ge $expected_tracks ] || die "scan did not find the $expected_tracks files: $scan"
# A non-admin user granted the folder streams, as a logged-in listener would.
folder=$(curl -sf -H "Authorization: Bearer $admin_token" "$api/api/folders" | json_get 'd["items"][0]["id"]')
curl -sf -o /dev/null -X POST -H "Authorization: Bearer $admin_token" -H 'Content-Type: application/json' \
  -d "{\"name\":\"listener\",\"password\":\"listener-pass-1\",\"folders\":[$folder]}" "$api/api/users" \
  || die "cannot create the listener user"
user_token=$(login listener listener-pass-1) || die "cannot log in as listener"
# Thousands of readers here are one user: lift the per-user stream cap (8 by default), as an
# administrator would for such a household.
curl -sf -o /dev/null -X PUT -H "Authorization: Bearer $admin_token" -H 'Content-Type: application/json' \
  -d '{"maxStreamsPerUser":0,"maxHlsSessionsPerUser":0}' "$api/api/activity/limits" \
  || die "cannot lift the per-user limits"
auth=(-H "Authorization: Bearer $user_token")
videos=$(curl -sf "${auth[@]}" "$api/api/videos?limit=500") || die "GET /api/videos failed"
track=$(echo "$videos" | json_get '[v["id"] for v in d["items"] if v["title"] == "bench50"][0]')
clips=$(echo "$videos" | json_get '",".join("%d:%s" % (v["id"], v["duration"]) for v in d["items"] if v["title"].startswith("clip"))')
cairn_path=$(curl -sf "${auth[@]}" "$api/api/tracks/$track/stream-url" \
  | json_get '(lambda u: u[u.find("/", u.find("://") + 3):] if "://" in u else u)(d["url"])')
[ -n "$cairn_path" ] || die "no signed stream URL"

# Both serve the same bytes.
a=$(curl -sf -r 1000000-1999999 "http://127.0.0.1:$nport$nginx_path" | md5sum)
b=$(curl -sf -r 1000000-1999999 "$api$cairn_path" | md5sum)
[ "$a" = "$b" ] || die "nginx and Cairn answer different bytes for the same range"
note "nginx :$nport (pid $nginx_pid), cairn :$cport (pid $cairn_pid), $size bytes, $(nproc) cores"

# --- measuring helpers ---------------------------------------------------------------------
server_pids() {   # NAME → the server's processes (nginx: master and workers)
  if [ "$1" = nginx ]; then echo "$nginx_pid $(pgrep -P "$nginx_pid" | tr '\n' ' ')"; else echo "$cairn_pid"; fi
}
rss_kib() {   # PIDS… → summed VmRSS
  local s=0 p v
  for p in "$@"; do
    v=$(awk '/^VmRSS:/ {print $2}' "/proc/$p/status" 2>/dev/null || echo 0)
    s=$((s + ${v:-0}))
  done
  echo "$s"
}
cpu_ticks() {   # PIDS… → summed utime+stime
  local s=0 p v
  for p in "$@"; do
    v=$(sed 's/^.*) //' "/proc/$p/stat" 2>/dev/null | awk '{print $12 + $13}' || echo 0)
    s=$((s + ${v:-0}))
  done
  echo "$s"
}
perf_start() {   # NAME: perf record -g on Cairn while a row runs, when BENCH_PERF_DIR is set
  perf_pid=""
  [ -n "${BENCH_PERF_DIR:-}" ] || return 0
  mkdir -p "$BENCH_PERF_DIR"
  perf record --call-graph dwarf,16384 -F 499 -e cpu-clock -p "$cairn_pid" -o "$BENCH_PERF_DIR/$1.data" >/dev/null 2>&1 &
  perf_pid=$!
  sleep 0.5
}
perf_stop() {
  [ -n "$perf_pid" ] || return 0
  kill -INT "$perf_pid" 2>/dev/null || true
  wait "$perf_pid" 2>/dev/null || true
}

declare -A R   # results: R[name.metric]
run_wrk() {   # NAME PORT PATH MODE CONNECTIONS → "requests bytes duration_us errors"
  BENCH_MODE=$4 BENCH_SIZE=$size wrk -t2 -c"$5" -d"${wrk_seconds}s" -s "$serving/wrk.lua" \
    "http://127.0.0.1:$2$3" | awk '/^RESULT/ {print $2, $3, $4, $5}'
}
row_wrk() {   # NAME PORT PATH
  local out
  [ "$1" = cairn ] && perf_start ranges
  out=$(run_wrk "$1" "$2" "$3" ranges 64) || die "wrk failed against $1"
  [ "$1" = cairn ] && perf_stop
  read -r req bytes us errs <<<"$out"
  R[$1.ranges]=$(awk -v r="$req" -v u="$us" 'BEGIN {printf "%.0f", r / (u / 1e6)}')
  R[$1.ranges_err]=$errs
  out=$(run_wrk "$1" "$2" "$3" whole 8) || die "wrk failed against $1"
  read -r req bytes us errs <<<"$out"
  R[$1.whole]=$(awk -v b="$bytes" -v u="$us" 'BEGIN {printf "%.0f", b / 1e6 / (u / 1e6)}')
  R[$1.whole_err]=$errs
}
row_readers() {   # NAME PORT PATH
  local name=$1 ps t0 c0 t1 c1 peak=0 r rp
  ps=$(server_pids "$name")
  sleep 2
  [ "$name" = cairn ] && perf_start readers
  t0=$(date +%s.%N); c0=$(cpu_ticks $ps)
  "$readers_bin" --port "$2" --path "$3" --clients "$readers" --rate "$rate" --seconds "$read_seconds" \
    --ramp-ms 1000 >"$tmp/readers-$name.json" &
  rp=$!
  while kill -0 "$rp" 2>/dev/null; do
    r=$(rss_kib $ps); [ "$r" -gt "$peak" ] && peak=$r
    sleep 1
  done
  wait "$rp" || die "slow readers failed against $name"
  t1=$(date +%s.%N); c1=$(cpu_ticks $ps)
  [ "$name" = cairn ] && perf_stop
  sleep 5
  R[$name.rss_during]=$((peak / 1024))
  R[$name.rss_after]=$(( $(rss_kib $ps) / 1024 ))
  R[$name.cpu]=$(awk -v a="$c0" -v b="$c1" -v t0="$t0" -v t1="$t1" -v hz="$(getconf CLK_TCK)" \
    'BEGIN {printf "%.0f", (b - a) / hz / (t1 - t0) * 100}')
  R[$name.heads]=$(json_get '"%.1f" % d["headP99Ms"]' <"$tmp/readers-$name.json")
  R[$name.readers_ok]=$(json_get '"%d/%d at %.1f kB/s" % (d["ok"], d["clients"], d["kBpsPerClient"])' <"$tmp/readers-$name.json")
}

# --- rows 1–3 ------------------------------------------------------------------------------
R[nginx.rss_idle]=$(( $(rss_kib $(server_pids nginx)) / 1024 ))
R[cairn.rss_idle]=$(( $(rss_kib "$cairn_pid") / 1024 ))
note "1-2: wrk, ${wrk_seconds}s per row and server"
row_wrk nginx "$nport" "$nginx_path"
row_wrk cairn "$cport" "$cairn_path"
note "3: $readers readers at $((rate / 1000)) kB/s for ${read_seconds}s, per server"
row_readers nginx "$nport" "$nginx_path"
row_readers cairn "$cport" "$cairn_path"

# --- row 4 ---------------------------------------------------------------------------------
if [[ $rows == *4* ]]; then
note "4: Cairn's light requests under preview/thumbnail work and 200 slowloris connections"
python3 "$serving/busy_latency.py" --port "$cport" --token "$user_token" --range-path "$cairn_path" \
  --videos "$clips" >"$tmp/busy.json" || die "busy_latency.py failed"
fi

# --- row 5 ---------------------------------------------------------------------------------
if [[ $rows == *5* ]]; then
note "5: /api/activity against $activity_readers readers"
"$readers_bin" --port "$cport" --path "$cairn_path" --clients "$activity_readers" --rate "$rate" --seconds 20 \
  --ramp-ms 500 --snapshot-at 15 --activity-path /api/activity --token "$admin_token" \
  --snapshot-out "$tmp/activity-snapshot.json" >"$tmp/readers-activity.json" || die "activity readers failed"
python3 "$serving/activity_truth.py" "$tmp/activity-snapshot.json" >"$tmp/activity.json" \
  || die "cannot compare /api/activity (see $tmp/activity-snapshot.json)"
fi

# --- report --------------------------------------------------------------------------------
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf (b > 0 ? "%.2fx" : "-"), a / b}'; }
line() { printf '%-44s %12s %12s %8s   %s\n' "$@"; }
echo
echo "Serving: nginx $("$nginx_bin" -v 2>&1 | sed 's/.*\///') vs Cairn $(git -C "$here" rev-parse --short HEAD 2>/dev/null || echo '?')," \
  "$(nproc) cores, loopback, $((size / 1000000)) MB MP4"
line "" nginx Cairn ratio target
line "1 random 1 MiB ranges, 64 conns (req/s)" "${R[nginx.ranges]}" "${R[cairn.ranges]}" \
  "$(ratio "${R[cairn.ranges]}" "${R[nginx.ranges]}")" ">= 0.9x nginx"
line "2 whole file, 8 conns (MB/s)" "${R[nginx.whole]}" "${R[cairn.whole]}" \
  "$(ratio "${R[cairn.whole]}" "${R[nginx.whole]}")" ">= 1.0x nginx"
line "3 $readers readers @40 kB/s: head p99 (ms)" "${R[nginx.heads]}" "${R[cairn.heads]}" "" "< 100 ms"
line "  RSS idle before (MB)" "${R[nginx.rss_idle]}" "${R[cairn.rss_idle]}" "" ""
line "  RSS during, peak (MB)" "${R[nginx.rss_during]}" "${R[cairn.rss_during]}" "" "< 150 MB"
line "  RSS 5 s after they left (MB)" "${R[nginx.rss_after]}" "${R[cairn.rss_after]}" "" "< 100 MB"
line "  CPU (% of one core)" "${R[nginx.cpu]}" "${R[cairn.cpu]}" "" "< 25 %"
echo "  readers served: nginx ${R[nginx.readers_ok]}; Cairn ${R[cairn.readers_ok]}"
[ "${R[nginx.ranges_err]}${R[nginx.whole_err]}${R[cairn.ranges_err]}${R[cairn.whole_err]}" = 0000 ] \
  || echo "  wrk errors (ranges/whole): nginx ${R[nginx.ranges_err]}/${R[nginx.whole_err]}, Cairn ${R[cairn.ranges_err]}/${R[cairn.whole_err]}"
[[ $rows == *4* || $rows == *5* ]] || exit 0
python3 - "$tmp/busy.json" "$tmp/activity.json" <<'EOF'
import json, os, sys
busy = json.load(open(sys.argv[1])) if os.path.exists(sys.argv[1]) else None
act = json.load(open(sys.argv[2])) if os.path.exists(sys.argv[2]) else None
f = lambda v: "-" if v is None else f"{v:.1f}"
if busy:
  print("4 Cairn, new connection every 20 ms: p50 / p99 ms  /health   64 KiB range  (target p99 < 20 ms)")
  names = {"idle": "idle", "previews": "20 previews + 50 thumbnails", "slowloris": "200 slowloris connections"}
  for k, label in names.items():
      b = busy[k]
      print(f"  {label:<42} {f(b['health']['p50']):>6} / {f(b['health']['p99']):<7} "
            f"{f(b['range']['p50']):>6} / {f(b['range']['p99']):<7}  n={b['health']['n']}+{b['range']['n']}"
            + (f", {b['errors']} failed" if b["errors"] else "")
            + (f", {b['timeouts']} unanswered in 30 s (counted as 30 s)" if b["timeouts"] else "")
            + (f", max {f(max(b['health']['max'] or 0, b['range']['max'] or 0))}" if b['range']['max'] else ""))
  p = busy["previews"]
  print(f"  (preview/thumbnail load: {p['load']['made']} made, {p['load']['failed']} failed, "
        f"{p['load']['retries']} answers 503, {p['seconds']} s; slowloris: "
        f"{busy['slowloris']['load']['connections']} connections, {busy['slowloris']['load']['closedByServer']} closed by Cairn)")
if act:
  s, r = act["bytesSentRatio"], act["bytesPerSecondRatio"]
  print(f"5 /api/activity vs {act['readers']} readers ({act['matched']} matched, {act['receivedKBpsPerReader']} kB/s each); "
        "ratio server/received, target 0.9-1.1")
  print(f"  bytesSent       p50 {s['p50']}  (min {s['min']}, max {s['max']}); total {act['bytesSentTotalRatio']}")
  print(f"  bytesPerSecond  p50 {r['p50']}  (min {r['min']}, max {r['max']})")
EOF
