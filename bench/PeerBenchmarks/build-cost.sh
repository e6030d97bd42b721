#!/usr/bin/env bash
# What a generated client costs a build, ours against Kiota's, for the same full documents.
#
#   build-cost.sh [ROUNDS] [DOCUMENT...]   (default 3 rounds of mistral, openai and github; run.sh calls it)
#
# For each document it writes one small project per generator under obj/buildcost/, restores it once, then runs
# ROUNDS rounds in which every project gets a clean Release build in turn (interleaved, so a slow minute hurts all
# alike). Our projects use the OpenApiClientGen package packed from this tree, as a user's project does. Each build
# runs the compiler in its own process (no build server), so /usr/bin/time's peak resident set is the largest process
# of the build: the compiler. Our project also gets a one-line .cs edit rebuilt after each clean build. Medians go to
# results/build-cost.md; a run of some of the documents goes to results/build-cost-NAME-....md, so it never replaces
# the full table.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
shared=$(cd "$repo/../shared" && pwd)
rounds=${1:-3}
work="$here/obj/buildcost"
kiota="$here/obj/tools/kiota"
[ -x "$kiota" ] || dotnet tool install Microsoft.OpenApi.Kiota --version 1.38.0 --tool-path "$here/obj/tools" > /dev/null
results="$here/results"
mkdir -p "$work" "$results"

declare -A documents=(
  [mistral]="$shared/reference-specs/mistral/openapi.yaml"
  [openai]="$shared/corpus/openai__openapi.yaml"
  [github]="$shared/corpus/github__api.github.com.json"
)
names=(mistral openai github)
report="build-cost.md"
if [ $# -gt 1 ]; then
  names=("${@:2}")
  report="build-cost-$(IFS=-; echo "${names[*]}").md"
fi
for name in "${names[@]}"; do
  [ -n "${documents[$name]+set}" ] || { echo "unknown document '$name': mistral, openai or github" >&2; exit 2; }
done
build_flags=(-c Release --no-restore -nologo -v:q -nodeReuse:false -p:UseSharedCompilation=false -p:TreatWarningsAsErrors=false)

# shellcheck source=ours-project.sh
source "$here/ours-project.sh"

kiota_project() { # name document
  rm -rf "$work/kiota-$1"
  mkdir -p "$work/kiota-$1"
  # Kiota 1.38 stops now and then with "already contains a child with name ..." on OpenAI's document; it passes on
  # another try.
  local attempt
  for attempt in 1 2 3 4 5 6; do
    rm -rf "$work/kiota-$1/Client"
    "$kiota" generate -l CSharp -d "$2" -o "$work/kiota-$1/Client" -n KiotaMeasured -c KiotaMeasuredClient --ll Error > "$work/kiota-$1.log" 2>&1 && break
    [ "$attempt" -lt 6 ] || { echo "kiota failed on $2 (see $work/kiota-$1.log)" >&2; return 1; }
  done
  kiota_mend "$work/kiota-$1/Client"
  cat > "$work/kiota-$1/Kiota.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <NoWarn>\$(NoWarn);CS1591;CS8618;CS8632;CS0108;CS0114</NoWarn>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="Microsoft.Kiota.Abstractions" Version="2.1.6" />
    <PackageReference Include="Microsoft.Kiota.Http.HttpClientLibrary" Version="2.1.6" />
    <PackageReference Include="Microsoft.Kiota.Serialization.Json" Version="2.1.6" />
    <PackageReference Include="Microsoft.Kiota.Serialization.Text" Version="2.1.6" />
    <PackageReference Include="Microsoft.Kiota.Serialization.Form" Version="2.1.6" />
    <PackageReference Include="Microsoft.Kiota.Serialization.Multipart" Version="2.1.6" />
  </ItemGroup>
</Project>
EOF
}

# Kiota 1.38's output for two of the documents does not compile. A build with errors skips emitting the assembly, so
# its time would be too short to compare; these are the smallest edits that make it compile, and the size counts them.
kiota_mend() { # client-folder
  # Mistral: a constructor assigns true or false to the stream member, whose type is a generated wrapper class (CS0029).
  find "$1/Models" -maxdepth 1 \( -name 'ConversationRequest.cs' -o -name 'ConversationStreamRequest.cs' \) \
    -exec sed -i -E '/^ *Stream = (true|false);$/d' {} +
  # GitHub: a path parameter named base, a C# keyword, is not escaped (CS1001).
  find "$1" -path '*/Compare/*' -name '*RequestBuilder.cs' -exec sed -i -E \
    -e 's/string base\b/string @base/g' -e 's/\(base\)/(@base)/g' -e 's/, base(, head\)|\))/, @base\1/g' {} +
}

size_of() { # folder -> "files bytes"
  find "$1" -name '*.cs' -printf '%s\n' | awk '{ n++; b += $1 } END { printf "%d %d\n", n, b }'
}

timed_build() { # project-folder -> "seconds peak-KiB errors"; a build with errors still ran the whole compile
  local errors=0
  /usr/bin/time -o "$1/time.txt" -f '%e %M' dotnet build "$1" "${build_flags[@]}" > "$1/build.log" 2>&1 \
    || errors=$(grep ' error ' "$1/build.log" | sort -u | wc -l)
  echo "$(tail -n 1 "$1/time.txt") $errors"
}

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) print "-"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

packages_of_this_tree "$work/feed"
dotnet build "$repo/generator/OpenApiClientGen.Cli/OpenApiClientGen.Cli.csproj" -c Release -nologo -v:q > /dev/null
cli="$repo/generator/OpenApiClientGen.Cli/bin/Release/net8.0/oacg.dll"

declare -A size
for name in "${names[@]}"; do
  ours_project "$work/ours-$name" "${documents[$name]}" "$work/feed"
  kiota_project "$name" "${documents[$name]}"
  rm -rf "$work/ours-$name-generated"
  dotnet "$cli" generate "${documents[$name]}" -o "$work/ours-$name-generated" --namespace Measured --client MeasuredClient > "$work/ours-$name-generated.log" 2>&1
  size[ours-$name]=$(size_of "$work/ours-$name-generated")
  size[kiota-$name]=$(size_of "$work/kiota-$name/Client")
  dotnet restore "$work/ours-$name" -nologo -v:q > /dev/null
  dotnet restore "$work/kiota-$name" -nologo -v:q > /dev/null
done

: > "$work/samples.txt"
for round in $(seq 1 "$rounds"); do
  for name in "${names[@]}"; do
    for peer in ours kiota; do
      project="$work/$peer-$name"
      rm -rf "$project/bin" "$project/obj/Release"
      echo "$round $peer $name clean $(timed_build "$project")" | tee -a "$work/samples.txt"
      if [ "$peer" = ours ]; then
        sed -i "s/Value = [0-9]*/Value = $round/" "$project/Edited.cs"
        echo "$round $peer $name edit $(timed_build "$project")" | tee -a "$work/samples.txt"
      fi
    done
  done
done

{
  echo "# Build cost, ours against Kiota $("$kiota" --version | cut -d+ -f1)"
  echo
  echo "$(date -u +%Y-%m-%d), $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')), .NET SDK $(dotnet --version), medians of $rounds interleaved rounds."
  echo "Clean = Release build after deleting bin/ and obj/Release; edit = rebuild after a one-line .cs change in the same project."
  echo "Peak = largest resident set of any process of the build (the compiler, which runs in its own process here)."
  echo
  echo "| document | generator | files | size | clean build | compiler peak | .cs edit rebuild |"
  echo "| --- | --- | ---: | ---: | ---: | ---: | ---: |"
  for name in "${names[@]}"; do
    for peer in ours kiota; do
      read -r files bytes <<< "${size[$peer-$name]}"
      pick() { awk -v p="$peer" -v n="$name" -v k="$1" -v f="$2" '$2 == p && $3 == n && $4 == k { print $f }' "$work/samples.txt"; }
      clean=$(pick clean 5 | median)
      peak=$(pick clean 6 | median)
      edit=$( [ "$peer" = ours ] && pick edit 5 | median || echo "-")
      errors=$(pick clean 7 | sort -n | tail -n 1)
      note=$( [ "${errors:-0}" -gt 0 ] && echo " (fails: $errors compile errors)" || true)
      peak_mib=$( [ "$peak" = "-" ] && echo "-" || awk -v k="$peak" 'BEGIN { printf "%.0f MiB", k / 1024 }')
      echo "| $name | $peer | $files | $(awk -v b="$bytes" 'BEGIN { printf "%.2f MB", b / 1e6 }') | ${clean} s$note | $peak_mib | $( [ "$edit" = "-" ] && echo "-" || echo "$edit s") |"
    done
  done
} > "$results/$report"
cat "$results/$report"
