#!/usr/bin/env bash
# Publishes the conversations demo as a Native AOT binary and runs it offline.
# Needs clang (Debian/Ubuntu: apt-get install -y clang). Fails on any trim or AOT warning.
set -euo pipefail
cd "$(dirname "$0")"

out="bin/aot"
mkdir -p bin  # tee writes its log beside the output, before publish has made bin/
dotnet publish -c Release -p:PublishAot=true -p:TreatWarningsAsErrors=true -o "$out" | tee "$out.log"
if grep -E "warning (IL|AOT)[0-9]+" "$out.log"; then
  echo "trim or AOT warnings above" >&2
  exit 1
fi

binary="$out/ConversationsDemo"
echo "binary: $binary, $(du -h "$binary" | cut -f1)"
start=$(date +%s%N)
"$binary"
end=$(date +%s%N)
echo "demo ran in $(( (end - start) / 1000000 )) ms"
