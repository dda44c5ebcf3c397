#!/bin/sh
# psh's launcher (installed as dist/bundle/cli/psh, the package's bin). It starts Node from the
# start-up snapshot when the snapshot was built by this very Node binary, and from the plain
# bundle otherwise (no snapshot, another or a newer Node, or PSH_NO_SNAPSHOT set). Only shell
# built-ins run on the common path: every extra process would cost start-up time.

self=$0
case $self in */*) ;; *) self=$(command -v -- "$self") ;; esac
[ -L "$self" ] && self=$(readlink -f -- "$self")
dir=${self%/*}

node=$(command -v node) || { echo 'psh: node was not found on PATH' >&2; exit 127; }
real=$node
[ -L "$real" ] && real=$(readlink -f -- "$real")

# Node reads NODE_EXTRA_CA_CERTS eagerly at start-up, and psh makes no TLS connection: psh
# takes it back from PSH_SAVED_NODE_EXTRA_CA_CERTS before anything reads the environment.
if [ "${NODE_EXTRA_CA_CERTS+set}" = set ]; then
  PSH_SAVED_NODE_EXTRA_CA_CERTS=$NODE_EXTRA_CA_CERTS
  export PSH_SAVED_NODE_EXTRA_CA_CERTS
  unset NODE_EXTRA_CA_CERTS
fi

blob=$dir/psh.blob
if [ -z "${PSH_NO_SNAPSHOT-}" ] && [ -f "$blob" ] && [ ! "$real" -nt "$blob" ] &&
  read -r builder < "$blob.node" && [ "$builder" = "$real" ]; then
  exec "$node" --snapshot-blob "$blob" "$dir/main.js" "$@"
fi
exec "$node" "$dir/main.js" "$@"
