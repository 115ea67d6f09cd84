#!/usr/bin/env bash
# The README's promise on a fresh Debian 12 machine: in a root made by
# `debootstrap --variant=minbase bookworm`, as root, on a clean clone of the project with ../shared
# beside it, `bash scripts/build.sh export` and then `bash scripts/build.sh test` both pass.
#
#   bash tests/fresh-debian/run.sh SOURCE_DIR SHARED_DIR BUILD_DIR
#
# Needs root, debootstrap, unshare, chroot, Debian's mirror and the npm registry, and takes many
# minutes (it installs every dependency and runs the whole suite). The project is cloned from
# SOURCE_DIR's committed HEAD: uncommitted changes are not tested. The machine-level cache
# ($ASEANKG_DEBIAN_CACHE, else /var/cache/aseankg; see tests/install/debian-root.sh) saves downloads,
# never steps: the minbase root is unpacked from its bookworm-minbase.tar (debootstrapped first when
# missing), the .deb files apt fetched in earlier runs are put in the root's apt archive (apt still
# resolves, verifies and installs every package; it only skips downloading what it already has), and
# the cache directory is bind-mounted at the same path in the root, so the suite's own deb-package
# test, which makes its own Debian root inside this one, unpacks the same tar. Everything else (apt,
# npm, the build, the suite) happens inside the root as it would on a new machine. The root gets
# only this machine's DNS resolver and its local certificate authorities. npm's cache is CACHE/npm
# (npm ci still checks every package against the lockfile's hashes). Logs: BUILD_DIR/fresh-debian/*.log.
# The root (BUILD_DIR/fresh-debian/root, some GB) is removed on every way out, pass, fail or
# interrupt; ASEANKG_FRESH_DEBIAN_KEEP=1 keeps it for a look when the check fails.
# Prints "ok   ..." / "FAIL ..." per check and ends with "N passed, M failed".
set -u
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source "$here/../lib.sh"
source "$here/../install/debian-root.sh"

if [ $# -ne 3 ]; then
  echo "usage: bash tests/fresh-debian/run.sh SOURCE_DIR SHARED_DIR BUILD_DIR" >&2
  exit 2
fi
source_dir=$(realpath "$1")
shared_dir=$(realpath "$2")
build_dir=$(realpath -m "$3")
work=$build_dir/fresh-debian
root=$work/root
src=/root/src # where the clone and shared/ go inside the root

[ "$(id -u)" -eq 0 ] || setup_failed "setup: needs root (debootstrap, chroot, mount)"
for tool in debootstrap unshare chroot git; do
  command -v "$tool" > /dev/null 2>&1 || setup_failed "setup: $tool is not installed"
done
[ -d "$shared_dir/w3c" ] || setup_failed "setup: $shared_dir has no w3c/ (the shared folder)"
mkdir -p "$work" || setup_failed "setup: cannot create $work"
cache=$(realpath -m "$(debian_cache)")
mkdir -p "$cache" || setup_failed "setup: cannot create the cache directory $cache"

# The commands run in their own mount and PID namespaces (in_root): when this script is stopped, it
# kills unshare (SIGKILL: unshare ignores SIGTERM and SIGINT while it waits), --kill-child makes the
# kernel kill the namespace's first process, every other one in it dies with it, and its mounts go
# with the namespace.
started=$(date +%s)
elapsed() { echo "$(($(date +%s) - $1))s"; }

inner=
cleanup() {
  local status=$? t
  if [ -n "$inner" ]; then
    kill -KILL "$inner" 2> /dev/null
    wait "$inner" 2> /dev/null
    inner=
  fi
  [ -d "$root" ] || return
  # The root's mounts live only in the namespace, so none shows here; if one ever did, rm would go
  # through it, so nothing is removed then.
  if [ -n "$(mounts_under "$root")" ]; then
    echo "# something is still mounted under $root: not removing it"
  elif [ "$status" -ne 0 ] && [ "${ASEANKG_FRESH_DEBIAN_KEEP:-0}" = 1 ]; then
    echo "# the root is kept for a look: $root"
  else
    t=$(date +%s)
    # A process of the killed namespace may still be exiting and writing: a second try after it.
    rm -rf --one-file-system "$root" 2> /dev/null || { sleep 2 && rm -rf --one-file-system "$root"; }
    echo "# removing the root took $(elapsed "$t")"
  fi
  echo "# the whole check took $(elapsed "$started")"
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

# --- a fresh root, and the project in it --------------------------------------------------------
t=$(date +%s)
debian_root "$cache/bookworm-minbase.tar" "$root" "$work/debootstrap.log" 2> "$work/root.err" ||
  setup_failed "setup: a fresh Debian 12 root (logs: $work/debootstrap.log, $work/root.err)"
debs_seed "$cache" "$root" || setup_failed "setup: put the cached .deb files into the root's apt archive"
# dpkg syncs every file it unpacks, which makes installing some 800 packages slow; a root that is
# thrown away after the check does not need that (Docker's official Debian images set the same).
echo force-unsafe-io > "$root/etc/dpkg/dpkg.cfg.d/aseankg-unsafe-io" ||
  setup_failed "setup: dpkg configuration in the root"
echo "# cache $cache: $(find "$cache/debs" -name '*.deb' 2> /dev/null | wc -l) .deb files"
check "a fresh Debian 12 minbase root ($(elapsed "$t"))" \
  bash -c "grep -q '^12\\.' '$root/etc/debian_version' && [ -x '$root/usr/bin/apt-get' ] && ! [ -e '$root/usr/bin/node' ]"
commit=$(git -C "$source_dir" rev-parse HEAD)
git clone --quiet --no-hardlinks "$source_dir" "$root$src/aseankg" &&
  git -C "$root$src/aseankg" checkout --quiet "$commit" &&
  cp -a "$shared_dir" "$root$src/shared" &&
  cp /etc/resolv.conf "$root/etc/resolv.conf" ||
  setup_failed "setup: copy the project into the root"
# The network's own certificate authorities, if this machine has any (Debian keeps local ones in
# /usr/local/share/ca-certificates): a machine on this network would have them too, and npm's TLS
# needs them where HTTPS is intercepted. Debian's ca-certificates, once installed, adds them.
for crt in /usr/local/share/ca-certificates/*.crt; do
  [ -f "$crt" ] || continue
  mkdir -p "$root/usr/local/share/ca-certificates" && cp "$crt" "$root/usr/local/share/ca-certificates/" ||
    setup_failed "setup: copy $crt into the root"
done
echo "# testing commit $commit"

# --- the README's two commands, each with the machine's mounts for its duration ----------------
in_root() { # LOG COMMAND
  # In the background so that the trap above can act at once; env undoes the SIGINT and SIGQUIT
  # ignoring that bash gives background commands, so the suite sees the signals a login would.
  unshare --mount --propagation private --pid --fork --kill-child \
    env --default-signal=INT,QUIT bash "$here/in-root.sh" "$root" "$src/aseankg" "$2" "$cache" \
    > "$work/$1" 2>&1 < /dev/null &
  inner=$!
  wait "$inner"
  local status=$?
  inner=
  # Whatever apt downloaded, for the next run (a cache: failing to keep it fails nothing).
  debs_keep "$root" "$cache" || echo "# could not keep the root's .deb files in $cache/debs"
  return $status
}
t=$(date +%s)
in_root export.log 'bash scripts/build.sh export'
status=$?
check "bash scripts/build.sh export passes ($(elapsed "$t"); log: $work/export.log)" test $status -eq 0
[ $status -eq 0 ] || tail -n 30 "$work/export.log" | sed 's/^/# /'
out=$root$src/aseankg/out
check "it wrote out/statement.{ttl,nt,nq,dot,svg,png,html}" \
  bash -c "for f in ttl nt nq dot svg png html; do [ -s '$out/statement.'\$f ] || exit 1; done"

t=$(date +%s)
in_root test.log 'bash scripts/build.sh test'
status=$?
check "bash scripts/build.sh test passes ($(elapsed "$t"); log: $work/test.log)" \
  bash -c "[ $status -eq 0 ] && grep -q '^100% tests passed' '$work/test.log'"
if [ $status -ne 0 ]; then
  sed -n '/tests passed/,$p' "$work/test.log" | sed 's/^/# /'
  cp "$root$src/aseankg/build/Testing/Temporary/LastTest.log" "$work/LastTest.log" 2> /dev/null &&
    echo "# the failing tests' output: $work/LastTest.log"
fi

check "nothing is left mounted under the root" test -z "$(mounts_under "$root")"
finish
