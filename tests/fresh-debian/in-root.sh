#!/usr/bin/env bash
# Run one command in a Debian root as a root login on that machine would, with /proc, /sys, /dev and its own
# /dev/shm and /dev/pts (terminals: tests use script(1)) mounted for its duration and unmounted on every way out.
#
#   unshare --mount --propagation private --pid --fork bash tests/fresh-debian/in-root.sh ROOT DIR COMMAND [CACHE]
#
# Meant to run in a private mount and PID namespace (as above): the mounts never show outside it, and
# when this script ends the kernel ends whatever the command left running and drops the namespace.
# COMMAND runs in DIR (a path inside ROOT) under `env -i` with a login's PATH and HOME; its exit
# status is this script's. CACHE, when given, is the machine's Debian cache directory (see
# tests/install/debian-root.sh): it is bind-mounted at the same path inside the root and named by
# $ASEANKG_DEBIAN_CACHE there, so the suite's deb-package test unpacks the cached root instead of
# running debootstrap again, and npm keeps its downloads in CACHE/npm (npm ci still checks each
# package against the lockfile's hash).
set -u
source "$(dirname "${BASH_SOURCE[0]}")/../install/debian-root.sh"

root=$1
dir=$2
command=$3
cache=${4:-}

unmount_all() {
  local m
  for m in $(mounts_under "$root"); do
    umount "$m" 2> /dev/null || umount -l "$m"
  done
}
trap unmount_all EXIT
trap 'exit 130' INT TERM HUP

mount -t proc proc "$root/proc" &&
  mount -t sysfs sysfs "$root/sys" &&
  mount --bind /dev "$root/dev" &&
  mount -t tmpfs -o mode=1777,nosuid,nodev shm "$root/dev/shm" &&
  mount -t devpts -o newinstance,ptmxmode=0666,mode=620 devpts "$root/dev/pts" &&
  mount --bind "$root/dev/pts/ptmx" "$root/dev/ptmx" || exit 1
env=()
if [ -n "$cache" ]; then
  mkdir -p "$cache" "$root$cache" && mount --bind "$cache" "$root$cache" || exit 1
  env=("ASEANKG_DEBIAN_CACHE=$cache" "npm_config_cache=$cache/npm")
fi

chroot "$root" /usr/bin/env -i HOME=/root TERM=dumb "${env[@]}" \
  PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
  /bin/bash -c 'cd "$1" && eval "$2"' bash "$dir" "$command"
