# A fresh Debian 12 root made by debootstrap, for the tests that install into one (sourced, not run).
#   debian_root CACHE ROOT LOG   unpack a minbase bookworm root into ROOT (emptied first) from the tar
#                                CACHE, debootstrapping CACHE first when it does not exist (LOG gets
#                                debootstrap's output); returns non-zero on failure
#   mounts_under DIR             print the mount points at or under DIR, deepest first
# The mirror is $DEBIAN_MIRROR, else Debian's own redirector.

DEBIAN_MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}

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
  if [ ! -f "$cache" ]; then
    # Made beside the cache and renamed into place: an interrupted run leaves no half cache.
    local fresh="$cache.$$.d"
    rm -rf --one-file-system "$fresh" && mkdir -p "$(dirname "$cache")" || return 1
    if ! debootstrap --variant=minbase bookworm "$fresh" "$DEBIAN_MIRROR" > "$log" 2>&1 ||
      ! tar -C "$fresh" -cf "$cache.$$.tar" . || ! mv "$cache.$$.tar" "$cache"; then
      rm -rf --one-file-system "$fresh" "$cache.$$.tar"
      return 1
    fi
    rm -rf --one-file-system "$fresh"
  fi
  rm -rf --one-file-system "$root" && mkdir -p "$root" && tar -C "$root" -xf "$cache"
}
