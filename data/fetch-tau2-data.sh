#!/usr/bin/env bash
# Fetch the pinned tau2-bench domain data, or verify a folder that already holds it.
#
#   data/fetch-tau2-data.sh [options] DEST       download into DEST/tau2/... and verify
#   data/fetch-tau2-data.sh --verify-only DEST   only check DEST/tau2/... against the manifest
#                                                (--verify is the same); needs no network
#
# DEST is the folder that will contain tau2/ (the value to give TAU2_DATA_DIR).
# Every file listed in data/tau2-data.manifest.json is checked by size and SHA-256; any
# missing file or mismatch is reported and the script exits 1.
#
# Options:
#   --manifest FILE     manifest to use (default: tau2-data.manifest.json beside this script)
#   --rebuilt-from DIR  copy the files whose source is "rebuilt" (the airline db.json) from
#                       DIR/tau2/... instead of expecting them in DEST; they are verified too
#   --allow-upstream    for "rebuilt" files, accept the file published at the pinned commit
#                       instead (checked by size and git blob id prefix); a fetch downloads it.
#                       Its DB hashes differ from the conformance vectors'.
#   -h, --help          this text
#
# Environment: TAU2_DATA_BASE_URL overrides the download base (default: raw files of the
# manifest's repository at its commit); a file's URL is BASE/<path in manifest>.
set -euo pipefail

script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
manifest="$script_dir/tau2-data.manifest.json"
verify_only=0
allow_upstream=0
rebuilt_from=""
dest=""

usage() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "${BASH_SOURCE[0]}"; }
die() { echo "fetch-tau2-data: $*" >&2; exit 2; }

while [ $# -gt 0 ]; do
  case "$1" in
    --verify-only|--verify) verify_only=1 ;;
    --allow-upstream) allow_upstream=1 ;;
    --manifest) [ $# -ge 2 ] || die "--manifest needs a file"; manifest="$2"; shift ;;
    --rebuilt-from) [ $# -ge 2 ] || die "--rebuilt-from needs a folder"; rebuilt_from="$2"; shift ;;
    -h|--help) usage; exit 0 ;;
    -*) die "unknown option $1 (see --help)" ;;
    *) [ -z "$dest" ] || die "only one DEST may be given"; dest="$1" ;;
  esac
  shift
done
[ -n "$dest" ] || { usage >&2; exit 2; }
[ -f "$manifest" ] || die "manifest not found: $manifest"

# --- tools -------------------------------------------------------------------------------

sha256_of() {
  if command -v sha256sum >/dev/null 2>&1; then sha256sum "$1" | cut -d' ' -f1
  else shasum -a 256 "$1" | cut -d' ' -f1; fi
}

# git's blob id: SHA-1 of "blob <size>\0" followed by the content.
git_blob_of() {
  if command -v git >/dev/null 2>&1; then git hash-object --no-filters "$1"; return; fi
  local size; size=$(wc -c <"$1" | tr -d ' ')
  { printf 'blob %s\0' "$size"; cat "$1"; } | { sha1sum 2>/dev/null || shasum -a 1; } | cut -d' ' -f1
}

size_of() { wc -c <"$1" | tr -d ' '; }

curl_reason() {
  case "$1" in
    5) echo "proxy host not found" ;; 6) echo "host not found" ;; 7) echo "connection refused or no route" ;;
    28) echo "timed out" ;; 35) echo "TLS handshake failed" ;; *) echo "error" ;;
  esac
}

# One tab-separated row per file: path size sha256 source upstream_size upstream_blob_prefix
manifest_rows() {
  if command -v jq >/dev/null 2>&1; then
    jq -r '.files[] | [.path, .size, .sha256, .source, (.upstream.size // ""), (.upstream.git_blob_prefix // "")] | @tsv' "$manifest"
  elif command -v python3 >/dev/null 2>&1; then
    python3 - "$manifest" <<'PY'
import json, sys
for f in json.load(open(sys.argv[1]))["files"]:
    up = f.get("upstream") or {}
    print("\t".join(str(x) for x in (f["path"], f["size"], f["sha256"], f["source"], up.get("size", ""), up.get("git_blob_prefix", ""))))
PY
  else
    die "reading the manifest needs jq or python3"
  fi
}

manifest_field() {
  if command -v jq >/dev/null 2>&1; then jq -r ".$1" "$manifest"
  else python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])' "$manifest" "$1"; fi
}

# --- checks ------------------------------------------------------------------------------

# check_file FILE SIZE SHA256 -> prints a reason and returns 1 on mismatch
check_file() {
  local file="$1" size="$2" sha="$3" actual
  [ -f "$file" ] || { echo "missing"; return 1; }
  actual=$(size_of "$file")
  [ "$actual" = "$size" ] || { echo "size $actual, expected $size"; return 1; }
  actual=$(sha256_of "$file")
  [ "$actual" = "$sha" ] || { echo "sha256 $actual, expected $sha"; return 1; }
}

# check_upstream FILE SIZE BLOB_PREFIX -> the published (non-rebuilt) version of a file
check_upstream() {
  local file="$1" size="$2" prefix="$3" actual
  [ -f "$file" ] || { echo "missing"; return 1; }
  actual=$(size_of "$file")
  [ "$actual" = "$size" ] || { echo "size $actual, expected upstream $size"; return 1; }
  actual=$(git_blob_of "$file")
  case "$actual" in "$prefix"*) ;; *) echo "git blob $actual, expected upstream $prefix..."; return 1 ;; esac
}

safe_path() {
  case "$1" in /*|*..*|"") return 1 ;; *) return 0 ;; esac
}

# --- main --------------------------------------------------------------------------------

rows=$(manifest_rows) || die "cannot read the manifest $manifest"
[ -n "$rows" ] || die "the manifest lists no files: $manifest"
listed=$(printf '%s\n' "$rows" | cut -f1 | sort)

failures=0
checked=0
upstream_used=()

if [ "$verify_only" -eq 0 ]; then
  command -v curl >/dev/null 2>&1 || die "downloading needs curl"
  repo=$(manifest_field repository)
  commit=$(manifest_field commit)
  root=$(manifest_field data_root_in_repository)
  base="${TAU2_DATA_BASE_URL:-https://raw.githubusercontent.com/$repo/$commit/$root}"
  mkdir -p "$dest"
  echo "fetching tau2 data from $base into $dest"
fi

while IFS=$'\t' read -r path size sha source up_size up_prefix; do
  safe_path "$path" || die "unsafe path in manifest: $path"
  target="$dest/$path"
  checked=$((checked + 1))

  if [ "$verify_only" -eq 0 ]; then
    if reason=$(check_file "$target" "$size" "$sha"); then
      echo "ok (present)  $path"
      continue
    fi
    if [ "$source" = "rebuilt" ] && [ "$allow_upstream" -eq 1 ] && [ -z "$rebuilt_from" ] \
       && check_upstream "$target" "$up_size" "$up_prefix" >/dev/null; then
      upstream_used+=("$path")
      echo "ok (upstream, present) $path"
      continue
    fi
    mkdir -p "$(dirname "$target")"
    tmp="$target.part.$$"
    if [ "$source" = "rebuilt" ] && [ -n "$rebuilt_from" ]; then
      cp "$rebuilt_from/$path" "$tmp" 2>/dev/null || { echo "FAILED        $path: not found in $rebuilt_from" >&2; failures=$((failures + 1)); continue; }
    elif [ "$source" = "rebuilt" ] && [ "$allow_upstream" -eq 0 ]; then
      echo "FAILED        $path: source 'rebuilt' cannot be downloaded byte-for-byte (see the manifest's note);" >&2
      echo "              supply it with --rebuilt-from DIR, or accept the published file with --allow-upstream" >&2
      failures=$((failures + 1))
      continue
    else
      curl_rc=0
      curl -fsSL --retry 3 --connect-timeout 20 -o "$tmp" "$base/$path" || curl_rc=$?
      if [ "$curl_rc" -ne 0 ]; then
        rm -f "$tmp"
        case "$curl_rc" in
          5|6|7|28|35)
            # no network, no DNS, nothing listening, or timed out: every other file would fail alike
            echo "fetch-tau2-data: cannot reach $base (curl exit $curl_rc: $(curl_reason "$curl_rc"))." >&2
            echo "  Without internet access: copy a whole tau2 data folder (not only --rebuilt-from's file) and check it" >&2
            echo "  with: $0 --verify-only DIR; or set TAU2_DATA_BASE_URL to a reachable mirror." >&2
            exit 2 ;;
        esac
        echo "FAILED        $path: download of $base/$path failed (curl exit $curl_rc)" >&2
        failures=$((failures + 1))
        continue
      fi
    fi
    if reason=$(check_file "$tmp" "$size" "$sha"); then
      mv -f "$tmp" "$target"
      if [ "$source" = "rebuilt" ] && [ -n "$rebuilt_from" ]; then echo "ok (copied)   $path"; else echo "ok (fetched)  $path"; fi
    elif [ "$source" = "rebuilt" ] && [ "$allow_upstream" -eq 1 ] && [ -z "$rebuilt_from" ] \
         && reason=$(check_upstream "$tmp" "$up_size" "$up_prefix"); then
      mv -f "$tmp" "$target"
      upstream_used+=("$path")
      echo "ok (upstream) $path"
    else
      rm -f "$tmp"
      echo "MISMATCH      $path: $reason (file discarded)" >&2
      failures=$((failures + 1))
    fi
  else
    if reason=$(check_file "$target" "$size" "$sha"); then
      echo "ok            $path"
    elif [ "$source" = "rebuilt" ] && [ "$allow_upstream" -eq 1 ] \
         && check_upstream "$target" "$up_size" "$up_prefix" >/dev/null; then
      upstream_used+=("$path")
      echo "ok (upstream) $path"
    else
      echo "MISMATCH      $path: $reason" >&2
      failures=$((failures + 1))
    fi
  fi
done <<<"$rows"

# Files under DEST/tau2 that the manifest does not list are reported, not rejected.
if [ -d "$dest/tau2" ]; then
  extra=$(cd "$dest" && find tau2 -type f ! -name '*.part.*' | sort | comm -13 <(echo "$listed") -)
  if [ -n "$extra" ]; then
    echo "note: files not in the manifest (left alone):"
    # shellcheck disable=SC2001 # indent each line
    echo "$extra" | sed 's/^/  /'
  fi
fi

for path in "${upstream_used[@]+"${upstream_used[@]}"}"; do
  echo "warning: $path is the published upstream file, not the pinned rebuilt copy: its DB hashes differ from the conformance vectors'" >&2
done

if [ "$failures" -gt 0 ]; then
  echo "tau2 data: $failures of $checked files FAILED verification in $dest" >&2
  exit 1
fi
echo "tau2 data: all $checked files verified in $dest"
