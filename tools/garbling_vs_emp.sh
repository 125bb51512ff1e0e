#!/usr/bin/env bash
# Measures the engine's garbling rate beside emp-tool's on this machine, alternating the two in one
# run, so that a slower or busier host moves both figures and their ratio stays comparable.
#   tools/garbling_vs_emp.sh EMP_TOOL_DIR [ROUNDS] [PORT]
# EMP_TOOL_DIR is a checkout of github.com/emp-toolkit/emp-tool (its Bristol circuit files are
# needed); its test_garble is built there under build-deepreshape/ (cmake, g++ and libssl-dev).
# Each round runs emp-tool's test_garble (half-gates, AES circuit, 6,800 AND gates, 1,000 times; its
# two parties talk over 127.0.0.1:PORT, default 12345) and then the engine's JMH GcBenchmark.garble
# under three-halves and half-gates (one fork, 2 warm-up and 3 measured iterations of 2 s). Prints
# one line per round and the medians, in million AND gates per second on one core.
set -euo pipefail

fail() { echo "garbling_vs_emp: $*" >&2; exit 2; }

[ $# -ge 1 ] || fail "usage: tools/garbling_vs_emp.sh EMP_TOOL_DIR [ROUNDS] [PORT]"
EMP="$(cd "$1" 2>/dev/null && pwd)" || fail "no such folder: $1"
ROUNDS="${2:-4}"
PORT="${3:-12345}"
[[ "$ROUNDS" =~ ^[1-9][0-9]*$ ]] || fail "ROUNDS must be a positive whole number, got '$ROUNDS'"
[[ "$PORT" =~ ^[0-9]+$ ]] && [ "$PORT" -ge 1024 ] && [ "$PORT" -le 65535 ] \
  || fail "PORT must be in 1024..65535, got '$PORT'"
CIRCUIT="$EMP/emp-tool/circuits/files/bristol_format/AES-non-expanded.txt"
[ -f "$CIRCUIT" ] || fail "$EMP is not an emp-tool checkout (no $CIRCUIT)"
for tool in cmake g++ java mvn; do
  command -v "$tool" >/dev/null 2>&1 || fail "$tool is not installed"
done

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH="$ROOT/bench/target/deepreshape-bench.jar"
if [ ! -f "$BENCH" ]; then
  (cd "$ROOT" && mvn -q -B -ntp -DskipTests package -pl bench -am) >&2 || fail "cannot build $BENCH"
fi

BUILD="$EMP/build-deepreshape"
if [ ! -x "$BUILD/test_garble" ]; then
  echo "building emp-tool's test_garble in $BUILD ..." >&2
  mkdir -p "$BUILD"
  cmake -S "$EMP" -B "$BUILD" -DCMAKE_BUILD_TYPE=Release >"$BUILD/build.log" 2>&1 \
    || fail "cmake failed for $EMP (see $BUILD/build.log)"
  cmake --build "$BUILD" --target test_garble -j "$(nproc)" >>"$BUILD/build.log" 2>&1 \
    || fail "cannot build test_garble (see $BUILD/build.log)"
fi
GARBLE="$(find "$BUILD" -maxdepth 2 -type f -name test_garble -perm -u+x | head -1)"
[ -n "$GARBLE" ] || fail "test_garble was not built under $BUILD"

# emp-tool's rate: its test reads the circuit by a path relative to the checkout
emp_rate() {
  local out
  out="$(cd "$EMP" && { (sleep 0.2; timeout 120 "$GARBLE" 2 "$PORT" >/dev/null 2>&1) & \
    timeout 120 "$GARBLE" 1 "$PORT" 2>&1; wait; })"
  echo "$out" | sed -n 's/.*Pure AES garbling speed : *\([0-9.]*\).*/\1/p'
}

# the engine's rates, three-halves then half-gates
engine_rates() {
  java -jar "$BENCH" 'GcBenchmark.garble' -p scheme=THREE_HALVES,HALF_GATES -wi 2 -i 3 -w 2s -r 2s \
    -f 1 2>&1 | awk '/^GcBenchmark.garble:andGates/ {printf "%s=%.2f ", $2, $5 / 1e6}'
}

median() { sort -g | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }

E=() T=() H=()
for r in $(seq "$ROUNDS"); do
  e="$(emp_rate)"
  [ -n "$e" ] || fail "emp-tool's test_garble printed no rate (is port $PORT free?)"
  rates="$(engine_rates)"
  t="$(echo "$rates" | sed -n 's/.*THREE_HALVES=\([0-9.]*\).*/\1/p')"
  h="$(echo "$rates" | sed -n 's/.*HALF_GATES=\([0-9.]*\).*/\1/p')"
  [ -n "$t" ] && [ -n "$h" ] || fail "the JMH run printed no garbling rate"
  printf 'round %d: emp-tool half-gates %.2f M, engine three-halves %.2f M (%.2fx), half-gates %.2f M (%.2fx)\n' \
    "$r" "$e" "$t" "$(echo "$t / $e" | bc -l)" "$h" "$(echo "$h / $e" | bc -l)"
  E+=("$e") T+=("$t") H+=("$h")
done
me="$(printf '%s\n' "${E[@]}" | median)"
mt="$(printf '%s\n' "${T[@]}" | median)"
mh="$(printf '%s\n' "${H[@]}" | median)"
printf 'medians over %d rounds: emp-tool half-gates %.2f M AND/s; engine three-halves %.2f M (%.2fx), half-gates %.2f M (%.2fx)\n' \
  "$ROUNDS" "$me" "$mt" "$(echo "$mt / $me" | bc -l)" "$mh" "$(echo "$mh / $me" | bc -l)"
