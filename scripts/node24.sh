#!/usr/bin/env bash
# Source this file: it puts a Node 24 on PATH, installing the `node@24` npm package
# into .cache/node24 when the system's Node is older. Nothing outside the repo changes.
_cs_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
_cs_major="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)"
if [ "${_cs_major}" -lt 24 ]; then
  _cs_prefix="${_cs_root}/.cache/node24"
  _cs_bin="${_cs_prefix}/node_modules/node/bin"
  if [ ! -x "${_cs_bin}/node" ]; then
    echo "node24: system Node is $(node -v 2>/dev/null || echo missing); installing node@24 into ${_cs_prefix}" >&2
    mkdir -p "${_cs_prefix}"
    npm install --prefix "${_cs_prefix}" --no-audit --no-fund --no-save node@24 >&2
  fi
  export PATH="${_cs_bin}:${PATH}"
fi
echo "node24: using $(command -v node) $(node -v)" >&2
unset _cs_root _cs_major _cs_prefix _cs_bin
