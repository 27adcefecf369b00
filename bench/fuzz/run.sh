#!/usr/bin/env bash
# Fuzzing run of issue 15: each libFuzzer target of tests/fuzz for a fixed time, one after the
# other, from its committed seed corpus, then a table of target / executions / exec/s / crashes
# (exec/s per wall-clock second; "cpu s" is the CPU time the target got, for a busy machine).
# A crash does not end a target's run: the input is kept and fuzzing goes on for the time left
# (each restart reads the corpus grown so far).
# Builds its own clang tree (CAIRN_FUZZ=ON) in build-fuzz; never run by CTest. Needs clang and
# libFuzzer's runtime (installed with apt-get when run as root) besides what tools/dev.sh installs.
# Usage: bench/fuzz/run.sh
# Environment: FUZZ_SECONDS (60, per target), FUZZ_RUNS (stop a target once it has run this
#   many inputs, e.g. 10000000, within FUZZ_SECONDS, which then bounds it), FUZZ_TARGETS ("fuzz_range fuzz_query", default all),
#   FUZZ_BUILD_DIR (build-fuzz), FUZZ_OUT (<build dir>/fuzz-out: grown corpora and crashes),
#   FUZZ_NICE (10), FUZZ_ARGS (more libFuzzer flags, e.g. "-max_len=65536"),
#   FUZZ_BUILD=0 (run the targets as they are built, e.g. while the tree builds others),
#   ASAN_OPTIONS (default malloc_context_size=0: allocation stacks are not recorded, which
#   nearly doubles the allocation-heavy targets such as fuzz_tags; run a saved crash input
#   alone, `build-fuzz/tests/fuzz/<target> <input>`, with ASAN_OPTIONS= for full reports).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build="${FUZZ_BUILD_DIR:-$here/build-fuzz}"
out="${FUZZ_OUT:-$build/fuzz-out}"
seconds="${FUZZ_SECONDS:-60}"
runs_wanted="${FUZZ_RUNS:-0}"
export ASAN_OPTIONS="${ASAN_OPTIONS-malloc_context_size=0}"
niceness="${FUZZ_NICE:-10}"
corpora="$here/tests/fuzz/corpus"
regressions="$here/tests/fuzz/regressions"

die() { echo "fuzz: $*" >&2; exit 1; }
note() { echo "fuzz: $*" >&2; }

# --- what it needs -------------------------------------------------------------------------
missing=()
for p in clang cmake ninja-build; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
install() {
  [ "$(id -u)" -eq 0 ] || die "missing packages: $* (run as root, or: sudo apt-get install $*)"
  note "installing $*"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}
[ ${#missing[@]} -eq 0 ] || install "${missing[@]}"
# libFuzzer's runtime ships apart from clang: libclang-rt-N-dev on Debian 12 (N = clang's major).
if [ -z "$(clang++ -print-file-name=libclang_rt.fuzzer-x86_64.a | grep /)" ] \
   || [ ! -f "$(clang++ -print-file-name=libclang_rt.fuzzer-x86_64.a)" ]; then
  major=$(clang++ -dumpversion | cut -d. -f1)
  install "libclang-rt-$major-dev"
fi

# --- the fuzz build ------------------------------------------------------------------------
if [ ! -f "$build/build.ninja" ]; then
  launcher=()
  command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  # Debug keeps Q_ASSERT and Cairn's asserts on; -O1 keeps the fuzzer fast.
  cmake -S "$here" -B "$build" -G Ninja -DCAIRN_FUZZ=ON -DCMAKE_CXX_COMPILER=clang++ \
    -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-O1 -g" "${launcher[@]}" >/dev/null
fi
all_targets=$(sed -n 's/^cairn_add_fuzz_target(\([A-Za-z0-9_]*\).*/\1/p' "$here/tests/fuzz/CMakeLists.txt")
targets="${FUZZ_TARGETS:-$all_targets}"
if [ "${FUZZ_BUILD:-1}" != 0 ]; then
  # shellcheck disable=SC2086
  cmake --build "$build" --target $targets
fi

# --- the runs ------------------------------------------------------------------------------
mkdir -p "$out"
declare -A execs rates crashes cpu
TIMEFORMAT="%3U %3S"
for t in $targets; do
  [ -x "$build/tests/fuzz/$t" ] || die "no fuzz target $t"
  mkdir -p "$out/corpus/$t" "$out/crashes/$t"
  # Inputs that once crashed are seeds too: a fix that comes undone shows at once.
  seeds=("$corpora/$t")
  [ -d "$regressions/$t" ] && seeds+=("$regressions/$t")
  log="$out/$t.log"
  : > "$log"
  total=0
  cpu_ms=0
  left=$seconds
  started=$(date +%s)
  note "$t: ${seconds}s${FUZZ_RUNS:+ or $runs_wanted executions}"
  while [ "$left" -gt 0 ]; do
    runs_arg=()
    if [ "$runs_wanted" -gt 0 ]; then
      [ "$total" -lt "$runs_wanted" ] || break
      runs_arg=(-runs=$((runs_wanted - total)))
    fi
    # The grown corpus comes first: new inputs go there, the committed seeds stay as they are.
    # shellcheck disable=SC2086
    times=$( { time nice -n "$niceness" "$build/tests/fuzz/$t" -max_total_time="$left" -timeout=10 \
      -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$out/crashes/$t/" "${runs_arg[@]}" ${FUZZ_ARGS:-} \
      "$out/corpus/$t" "${seeds[@]}" >>"$log" 2>&1 || true; } 2>&1 )
    read -r user sys <<<"$times"
    cpu_ms=$((cpu_ms + 10#${user/./} + 10#${sys/./}))
    runs=$(grep -o 'stat::number_of_executed_units: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*$' || echo 0)
    total=$((total + ${runs:-0}))
    # A crash ends a run early (or reaching FUZZ_RUNS): the counter line is printed once per run.
    sed -i 's/stat::number_of_executed_units/counted::number_of_executed_units/' "$log"
    left=$((seconds - ($(date +%s) - started)))
  done
  elapsed=$(($(date +%s) - started))
  execs[$t]=$total
  rates[$t]=$((total / (elapsed > 0 ? elapsed : 1)))
  crashes[$t]=$(find "$out/crashes/$t" -type f | wc -l)
  cpu[$t]=$((cpu_ms / 1000))
done

printf '\n%-18s %14s %10s %8s %8s\n' target executions exec/s "cpu s" crashes
for t in $targets; do
  printf '%-18s %14s %10s %8s %8s\n' "$t" "${execs[$t]}" "${rates[$t]}" "${cpu[$t]}" "${crashes[$t]}"
done
echo
echo "crashing inputs: $out/crashes/<target>/ (logs: $out/<target>.log)"
