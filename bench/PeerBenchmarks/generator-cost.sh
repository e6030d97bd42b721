#!/usr/bin/env bash
# What our generator itself costs inside a build of Mistral's full document, as the compiler reports it.
#
#   generator-cost.sh [ROUNDS]     (default 5)
#
# One small project under obj/generatorcost/ holds the client. Each round makes a one-line .cs edit and rebuilds with
# -p:ReportAnalyzer=true; the compiler then prints each generator's execution time, and ours is taken from that
# table. Results go to results/generator-cost.md.
set -euo pipefail
rounds=${1:-5}
here=$(cd "$(dirname "$0")" && pwd)
work="$here/obj/generatorcost"
repo=$(cd "$here/../.." && pwd)
shared=$(cd "$repo/../shared" && pwd)
rm -rf "$work"
mkdir -p "$work" "$here/results"

# shellcheck source=ours-project.sh
source "$here/ours-project.sh"
ours_project "$work" "$shared/reference-specs/mistral/openapi.yaml"
dotnet restore "$work" -nologo -v:q > /dev/null

samples=()
for round in $(seq 1 "$rounds"); do
  sed -i "s/Value = [0-9]*/Value = $round/" "$work/Edited.cs"
  dotnet build "$work" -c Release --no-restore -nologo -nodeReuse:false -p:UseSharedCompilation=false \
    -p:TreatWarningsAsErrors=false -p:ReportAnalyzer=true -v:d > "$work/build.log" 2>&1
  seconds=$(grep -E '^ +[0-9.]+ +[0-9<]+ +OpenApiClientGen\.OpenApiClientGenerator$' "$work/build.log" | tail -1 | awk '{print $1}')
  echo "round $round: $seconds s"
  samples+=("$seconds")
done
median=$(printf '%s\n' "${samples[@]}" | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}')

{
  echo "# Our generator inside a build, Mistral's full document"
  echo
  echo "$(date -u +%Y-%m-%d), $(nproc) cores, .NET SDK $(dotnet --version). ReportAnalyzer's execution time for"
  echo "OpenApiClientGen.OpenApiClientGenerator in a rebuild after a one-line .cs edit, the compiler in its own process."
  echo
  echo "| rounds | median | samples | target |"
  echo "| ---: | ---: | --- | ---: |"
  echo "| $rounds | $median s | ${samples[*]} | under 0.35 s |"
} > "$here/results/generator-cost.md"
cat "$here/results/generator-cost.md"
