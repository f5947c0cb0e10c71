#!/usr/bin/env bash
# Checks every package of this suite (or the ones named) on scratch copies: the buggy program must fail at
# least one test and the reference fix (.fixed/) must pass them all. Prints one table row per package.
#
# usage: bench/own/check.sh [--language java|python] [PACKAGE_DIR...]
# Exit status: 0 when every package holds, 1 when one does not, 2 on a usage error.
# The package folders are only read; Java runs offline on what ~/.m2 holds.
set -u
here=$(cd "$(dirname "$0")" && pwd)
lang_only=""
pkgs=()
while [ $# -gt 0 ]; do
  case "$1" in
    --language) lang_only="${2:?--language needs java or python}"; shift 2 ;;
    -h|--help) sed -n '2,7p' "$0"; exit 0 ;;
    -*) echo "check.sh: unknown option $1" >&2; exit 2 ;;
    *) pkgs+=("$1"); shift ;;
  esac
done
if [ ${#pkgs[@]} -eq 0 ]; then
  for d in "$here"/java/*/ "$here"/python/*/; do
    [ -f "$d/bench.json" ] || continue
    [ -n "$lang_only" ] && [ "$(basename "$(dirname "$d")")" != "$lang_only" ] && continue
    pkgs+=("${d%/}")
  done
fi

field() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1])).get(sys.argv[2], ""))' "$1/bench.json" "$2"; }

# run_copy PKG SWAP: runs the test command in a scratch copy (SWAP=fixed puts the reference fix in place);
# prints the exit status of the test command, or "build" when the tests did not even run (a compile error,
# a collection error): a buggy program must fail tests, not the build
run_copy() {
  local pkg=$1 swap=$2 work rc
  work=$(mktemp -d "${TMPDIR:-/tmp}/owncheck.XXXXXX")
  tar -C "$pkg" --exclude=./target --exclude='__pycache__' --exclude=./.pytest_cache -cf - . | tar -C "$work" -xf -
  chmod -R u+w "$work"
  [ "$swap" = fixed ] && cp "$pkg/$(field "$pkg" fixed_file)" "$work/$(field "$pkg" buggy_file)"
  ( cd "$work" && PYTHONDONTWRITEBYTECODE=1 timeout -k 10 "$(field "$pkg" timeout_s)" \
      bash -c "$(field "$pkg" test_command)" ) > "$work/.log" 2>&1
  rc=$?
  if [ "$rc" != 0 ]; then
    case "$(field "$pkg" language)" in
      python) [ "$rc" = 1 ] || rc=build ;;
      java) grep -qsE '<(failure|error)' "$work"/target/surefire-reports/TEST-*.xml || rc=build ;;
    esac
  fi
  rm -rf "$work"
  echo "$rc"
}

bad=0
printf '%-8s %-24s %-22s %5s %7s %-13s %-11s %s\n' LANG PACKAGE CLASS TESTS FAILING BUGGY FIXED VERDICT
for pkg in "${pkgs[@]}"; do
  pkg=$(cd "$pkg" && pwd)
  b=$(run_copy "$pkg" buggy)
  f=$(run_copy "$pkg" fixed)
  buggy=$([ "$b" = 0 ] && echo "passes" || echo "fails ($b)")
  fixed=$([ "$f" = 0 ] && echo "passes" || echo "fails ($f)")
  verdict=ok
  if [ "$b" = 0 ] || [ "$b" = build ] || [ "$f" != 0 ]; then verdict=BROKEN; bad=$((bad + 1)); fi
  nfail=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["failing_tests"]))' "$pkg/bench.json")
  printf '%-8s %-24s %-22s %5s %7s %-13s %-11s %s\n' "$(field "$pkg" language)" "$(field "$pkg" name)" \
    "$(field "$pkg" bug_class)" "$(field "$pkg" tests_total)" "$nfail" "$buggy" "$fixed" "$verdict"
done
echo "${#pkgs[@]} package(s), $bad broken"
[ "$bad" = 0 ]
