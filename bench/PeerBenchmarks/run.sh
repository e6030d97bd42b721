#!/usr/bin/env bash
# The peer benchmark in one command: every client against the same loopback server, then the build cost of the
# generated code. Results go to results/ next to this script.
#
#   run.sh              everything (about 20 minutes on 2 cores)
#   run.sh wire         the socket benchmarks and the allocation probe only
#   run.sh build [N]    the build cost only, N interleaved rounds (default 3)
#   run.sh wire --filter '*Stream*' --job short     anything after "wire" goes to BenchmarkDotNet
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
shared=$(cd "$repo/../shared" && pwd)
tools="$here/obj/tools"
results="$here/results"
mode=${1:-all}
shift || true
mkdir -p "$results"

# Kiota 1.38 as a tool of this folder, and its client for OpenAI's full document, which the project compiles in
# when obj/kiota/openai exists (PeerBenchmarks.csproj).
if [ ! -x "$tools/kiota" ]; then
  dotnet tool install Microsoft.OpenApi.Kiota --version 1.38.0 --tool-path "$tools" > /dev/null
fi
if [ ! -d "$here/obj/kiota/openai" ]; then
  # Kiota 1.38 stops now and then with "already contains a child with name ..." on this document; another try passes.
  for attempt in 1 2 3 4 5 6; do
    rm -rf "$here/obj/kiota/openai"
    "$tools/kiota" generate -l CSharp -d "$shared/corpus/openai__openapi.yaml" -o "$here/obj/kiota/openai" \
      -n KiotaOpenAIClient -c KiotaOpenAIApi --ll Error > "$here/obj/kiota-openai.log" 2>&1 && break
    [ "$attempt" -lt 6 ] || { echo "kiota failed (see obj/kiota-openai.log)" >&2; exit 1; }
  done
fi

machine() {
  echo "$(date -u +%Y-%m-%d), $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')), .NET SDK $(dotnet --version)"
}

if [ "$mode" = all ] || [ "$mode" = wire ]; then
  cd "$here"
  dotnet build -c Release -nologo -v:q
  args=("$@")
  [ ${#args[@]} -eq 0 ] && args=(--filter '*')
  dotnet run -c Release --no-build -- "${args[@]}" --exporters github
  {
    echo "# Peer benchmarks over a socket"
    echo
    machine
    echo
    for report in BenchmarkDotNet.Artifacts/results/*-report-github.md; do
      name=$(basename "$report" -report-github.md)
      echo "## ${name#PeerBenchmarks.}"
      cat "$report"
      echo
    done
  } > "$results/wire.md"
  {
    echo "# Bytes allocated per call and per event"
    echo
    machine
    echo
    dotnet run -c Release --no-build -- --allocations
  } > "$results/allocations.md"
fi

if [ "$mode" = all ] || [ "$mode" = build ]; then
  rounds=3
  [ "$mode" = build ] && [ $# -gt 0 ] && rounds=$1
  "$here/build-cost.sh" "$rounds"
fi
