#!/usr/bin/env bash
# Build the Debian package with CPack and install it into a fresh Debian 12 root made by debootstrap:
# apt must resolve its runtime dependencies, and `aseankg export` must work there.
# The bootstrapped root is cached in the machine-level cache directory ($ASEANKG_DEBIAN_CACHE, else
# /var/cache/aseankg; see debian-root.sh), shared with tests/fresh-debian and CI: it takes minutes to
# make, seconds to unpack.
set -u
build_dir=$1

passed=0
failed=0
check() {
  local name=$1; shift
  if "$@"; then passed=$((passed + 1)); echo "ok   $name"; else failed=$((failed + 1)); echo "FAIL $name"; fi
}
finish() {
  mountpoint -q "$root/proc" && umount "$root/proc"
  echo "$passed passed, $failed failed"
  [ "$failed" -eq 0 ]
  exit $?
}

work=$build_dir/deb-test
root=$work/root
mkdir -p "$work"
(cd "$work" && cpack --config "$build_dir/CPackConfig.cmake" -G DEB > cpack.log 2>&1)
deb=$(ls "$work"/aseankg_*_amd64.deb 2>/dev/null | head -n 1)
check "cpack -G DEB builds a package" test -n "$deb"
[ -n "$deb" ] || finish
check "the package depends on the runtime libraries" \
  bash -c "dpkg-deb -f '$deb' Depends | grep -q libraptor2-0 && dpkg-deb -f '$deb' Depends | grep -q libyaml-0-2"

source "$(dirname "${BASH_SOURCE[0]}")/debian-root.sh"
debian_root "$(debian_cache)/bookworm-minbase.tar" "$root" "$work/debootstrap.log" 2>/dev/null
check "a fresh Debian 12 root exists" test -x "$root/usr/bin/apt-get"
[ -x "$root/usr/bin/apt-get" ] || finish

mount -t proc proc "$root/proc"
cp "$deb" "$root/tmp/aseankg.deb"
cp /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null
chroot "$root" sh -c 'apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q /tmp/aseankg.deb' \
  > "$work/apt.log" 2>&1
check "apt installs the package and its dependencies" chroot "$root" test -x /usr/bin/aseankg
chroot "$root" sh -c 'cd / && aseankg export --format ntriples' > "$work/export.nt" 2> "$work/export.err"
check "aseankg export works in the fresh root" \
  bash -c "[ \$(wc -l < '$work/export.nt') -gt 1000 ] && grep -q 'entity/china>' '$work/export.nt'"
finish
