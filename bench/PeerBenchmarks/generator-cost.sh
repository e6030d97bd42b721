#!/usr/bin/env bash
# What our generator itself costs inside a build, as the compiler reports it, and what the rebuild after a one-line
# .cs edit costs in all.
#
#   generator-cost.sh [ROUNDS] [own|server] [DOCUMENT] [package|source]     (defaults: 5, own, mistral, package)
#
# One small project under obj/generatorcost/ holds the client for DOCUMENT (mistral or openai, the vendors' full
# published documents). It uses the OpenApiClientGen package packed from this tree, as a user's project does
# (`package`), or builds the generator from source as a project reference (`source`: its files are not precompiled). Each round makes a one-line .cs edit and rebuilds with -p:ReportAnalyzer=true; the compiler
# then prints each generator's execution time, and ours is taken from that table, next to the build's wall time.
#
#   own     the compiler runs in its own process for every build, as build-cost.sh measures it: the generator and
#           its libraries are loaded and compiled to machine code afresh each time.
#   server  the compiler server that `dotnet build` uses by default: one build first warms it (not counted), and the
#           rounds then run in the same server, as a developer's rebuilds do. The server is shut down at the end.
#
# Results go to results/generator-cost.md (own, mistral) or results/generator-cost-MODE-DOCUMENT.md.
set -euo pipefail
rounds=${1:-5}
mode=${2:-own}
document=${3:-mistral}
from=${4:-package}
here=$(cd "$(dirname "$0")" && pwd)
work="$here/obj/generatorcost"
repo=$(cd "$here/../.." && pwd)
shared=$(cd "$repo/../shared" && pwd)
case "$document" in
  mistral) spec="$shared/reference-specs/mistral/openapi.yaml" ;;
  openai) spec="$shared/corpus/openai__openapi.yaml" ;;
  *) echo "DOCUMENT is mistral or openai" >&2; exit 2 ;;
esac
case "$mode" in
  own) shared_compilation=false; results="$here/results/generator-cost.md" ;;
  server) shared_compilation=true; results="$here/results/generator-cost-server-$document.md" ;;
  *) echo "MODE is own or server" >&2; exit 2 ;;
esac
[ "$mode" = own ] && [ "$document" != mistral ] && results="$here/results/generator-cost-own-$document.md"
case "$from" in
  package) ;;
  source) results="${results%.md}-source.md" ;;
  *) echo "the generator comes from the package or the source" >&2; exit 2 ;;
esac
rm -rf "$work"
mkdir -p "$work" "$here/results"

# shellcheck source=ours-project.sh
source "$here/ours-project.sh"
project="$work/project"
if [ "$from" = package ]; then
  packages_of_this_tree "$work/feed"
  ours_project "$project" "$spec" "$work/feed"
else
  ours_project "$project" "$spec"
fi
dotnet restore "$project" -nologo -v:q > /dev/null

build() {
  local start end
  start=$(date +%s.%N)
  dotnet build "$project" -c Release --no-restore -nologo -nodeReuse:false -p:UseSharedCompilation=$shared_compilation \
    -p:TreatWarningsAsErrors=false -p:ReportAnalyzer=true ${EXTRA_BUILD_FLAGS:-} -v:d > "$project/build.log" 2>&1
  end=$(date +%s.%N)
  wall=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", b - a }')
}

if [ "$mode" = server ]; then
  dotnet build-server shutdown > /dev/null 2>&1 || true
  build
  echo "warm-up: $wall s"
fi

samples=()
walls=()
for round in $(seq 1 "$rounds"); do
  sed -i "s/Value = [0-9]*/Value = $round/" "$project/Edited.cs"
  build
  seconds=$(grep -E '^ +[0-9.<]+ +[0-9<]+ +OpenApiClientGen\.OpenApiClientGenerator$' "$project/build.log" | tail -1 | awk '{print $1}')
  echo "round $round: generator $seconds s, rebuild $wall s"
  samples+=("$seconds")
  walls+=("$wall")
done

[ "$mode" = server ] && { dotnet build-server shutdown > /dev/null 2>&1 || true; }

median() { printf '%s\n' "$@" | sed 's/^<//' | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

{
  echo "# Our generator inside a build, $document's full document, compiler: $mode"
  echo
  echo "$(date -u +%Y-%m-%d), $(nproc) cores, .NET SDK $(dotnet --version). ReportAnalyzer's execution time for"
  if [ "$mode" = own ]; then
    echo "OpenApiClientGen.OpenApiClientGenerator in a rebuild after a one-line .cs edit, the compiler in its own process,"
  else
    echo "OpenApiClientGen.OpenApiClientGenerator in a rebuild after a one-line .cs edit, in the compiler server after one warm-up build,"
  fi
  if [ "$from" = package ]; then
    echo "and the rebuild's wall time (dotnet build, restore done). The project uses the OpenApiClientGen package packed from this tree."
  else
    echo "and the rebuild's wall time (dotnet build, restore done). The generator is built from source, as a project reference."
  fi
  echo
  echo "| rounds | generator, median | samples | rebuild, median | samples |"
  echo "| ---: | ---: | --- | ---: | --- |"
  echo "| $rounds | $(median "${samples[@]}") s | ${samples[*]} | $(median "${walls[@]}") s | ${walls[*]} |"
} > "$results"
cat "$results"
