# A fresh Debian 12 root made by debootstrap, for the tests that install into one (sourced, not run).
#   debian_cache                 print the machine-level cache directory: $ASEANKG_DEBIAN_CACHE, else
#                                /var/cache/aseankg. It holds bookworm-minbase.tar (the debootstrapped
#                                root) and debs/ (.deb files apt downloaded in such roots). Shared by
#                                deb.sh, tests/fresh-debian and CI, outside any clone or build tree.
#                                Only a cache: delete it at will, the next run debootstraps and
#                                downloads again.
#   debian_root CACHE ROOT LOG   unpack a minbase bookworm root into ROOT (emptied first) from the tar
#                                CACHE, debootstrapping CACHE first when it does not exist or is more
#                                than 30 days old (LOG gets debootstrap's output); non-zero on failure
#   debs_seed CACHEDIR ROOT      put CACHEDIR/debs/*.deb into ROOT's apt archive (hard links when they
#                                can be), so that apt-get install in ROOT downloads only what is new
#   debs_keep ROOT CACHEDIR      add the .deb files of ROOT's apt archive that CACHEDIR/debs lacks
#   mounts_under DIR             print the mount points at or under DIR, deepest first
# The mirror is $DEBIAN_MIRROR, else Debian's own redirector. Every file enters the cache under a
# temporary name and is renamed into place, so concurrent or interrupted runs never see half a file.

DEBIAN_MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}

debian_cache() {
  echo "${ASEANKG_DEBIAN_CACHE:-/var/cache/aseankg}"
}

mounts_under() {
  local dir
  dir=$(realpath -m "$1")
  # Field 5 of mountinfo is the mount point (spaces and such octal-escaped; our paths have none).
  awk -v d="$dir" '$5 == d || index($5, d "/") == 1 { print $5 }' /proc/self/mountinfo | sort -r
}

debian_root() {
  local cache=$1 root=$2 log=$3
  if [ -n "$(mounts_under "$root")" ]; then
    echo "debian_root: something is still mounted under $root; not removing it" >&2
    return 1
  fi
  if [ ! -f "$cache" ] || [ -n "$(find "$cache" -mtime +30 2> /dev/null)" ]; then
    # Made beside the cache and renamed into place: an interrupted run leaves no half cache.
    local fresh
    # (mktemp makes it 0700; a root directory is 0755, or the root's own users cannot reach /.)
    mkdir -p "$(dirname "$cache")" && fresh=$(mktemp -d "$cache.XXXXXX.d") && chmod 755 "$fresh" || return 1
    if ! debootstrap --variant=minbase bookworm "$fresh" "$DEBIAN_MIRROR" > "$log" 2>&1 ||
      ! tar -C "$fresh" -cf "$fresh.tar" . || ! mv "$fresh.tar" "$cache"; then
      rm -rf --one-file-system "$fresh" "$fresh.tar"
      return 1
    fi
    rm -rf --one-file-system "$fresh"
  fi
  rm -rf --one-file-system "$root" && mkdir -p "$root" && tar -C "$root" -xf "$cache"
}

debs_seed() {
  local cache=$1 root=$2 deb
  local archive=$root/var/cache/apt/archives
  mkdir -p "$archive" || return 1
  for deb in "$cache"/debs/*.deb; do
    [ -f "$deb" ] || continue
    ln -f "$deb" "$archive/" 2> /dev/null || cp "$deb" "$archive/" || return 1
  done
}

debs_keep() {
  local root=$1 cache=$2 deb name
  mkdir -p "$cache/debs" || return 1
  for deb in "$root"/var/cache/apt/archives/*.deb; do
    [ -f "$deb" ] || continue
    name=$(basename "$deb")
    [ -f "$cache/debs/$name" ] && continue
    # A new link is complete when its name appears; a copy goes through a temporary name.
    ln "$deb" "$cache/debs/$name" 2> /dev/null ||
      { cp "$deb" "$cache/debs/.$name.$$" && mv "$cache/debs/.$name.$$" "$cache/debs/$name"; } ||
      return 1
  done
}
