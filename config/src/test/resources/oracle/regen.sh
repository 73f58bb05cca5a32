#!/bin/sh
# Regenerates expected.txt (and expected.stderr) of every oracle case with the real `multipath -t`
# (multipath-tools 0.9.4), without touching the real /etc: an overlay over /etc in a private mount
# namespace receives the case's multipath.conf and conf.d/*.conf. Needs root.
set -e
cd "$(dirname "$0")"
for c in */; do
  c=${c%/}
  t=$(mktemp -d)
  mkdir -p "$t/u" "$t/w"
  unshare --mount sh -c '
    mount -t overlay overlay -o lowerdir=/etc,upperdir="$1/u",workdir="$1/w" /etc || exit 90
    rm -rf /etc/multipath.conf /etc/multipath/conf.d
    mkdir -p /etc/multipath/conf.d
    if [ -f "$2/multipath.conf" ]; then cp "$2/multipath.conf" /etc/multipath.conf; fi
    if [ -d "$2/conf.d" ]; then cp -a "$2"/conf.d/. /etc/multipath/conf.d/; fi
    exec multipath -t' sh "$t" "$PWD/$c" > "$c/expected.txt" 2> "$t/err" || true
  rm -rf "$t"
  echo "$c: $(wc -l < "$c/expected.txt") lines"
done
