# Sourced by build-cost.sh and generator-cost.sh, with $repo set to the repository's root.
#
# packages_of_this_tree FEED packs the runtime and the generator as they ship (the generator ReadyToRun when packed
# on linux-x64, see the main README's "Building the package") into the folder FEED.
#
# ours_project FOLDER DOCUMENT [FEED] writes a project that builds our client for DOCUMENT, with a one-line Edited.cs
# to touch between builds. With FEED it uses the OpenApiClientGen package from there, as a user's project does; its
# packages restore into FOLDER.packages, so a package of the same version from another tree is never reused. Without
# FEED it builds the generator and the runtime from source as project references (the generator's files are then
# never precompiled).

packages_of_this_tree() { # feed
  rm -rf "$1"
  dotnet pack "$repo/runtime/OpenApiClientGen.Runtime/OpenApiClientGen.Runtime.csproj" -c Release -o "$1" -nologo -v:q > /dev/null
  dotnet pack "$repo/generator/OpenApiClientGen/OpenApiClientGen.csproj" -c Release -o "$1" -nologo -v:q > /dev/null
}

ours_project() { # folder document [feed]
  local version references imports_before="" imports_after="" restore=""
  if [ -n "${3:-}" ]; then
    version=$(basename "$(ls "$3"/OpenApiClientGen.[0-9]*.nupkg)" .nupkg | sed 's/^OpenApiClientGen\.//')
    references="<PackageReference Include=\"OpenApiClientGen\" Version=\"$version\" />"
    restore="<RestorePackagesPath>$1.packages</RestorePackagesPath><RestoreAdditionalProjectSources>$3</RestoreAdditionalProjectSources>"
    rm -rf "$1.packages"
  else
    references="<ProjectReference Include=\"$repo/generator/OpenApiClientGen/OpenApiClientGen.csproj\" OutputItemType=\"Analyzer\" ReferenceOutputAssembly=\"false\" />
    <ProjectReference Include=\"$repo/runtime/OpenApiClientGen.Runtime/OpenApiClientGen.Runtime.csproj\" />"
    imports_before="<Import Project=\"$repo/generator/OpenApiClientGen/build/OpenApiClientGen.props\" />"
    imports_after="<Import Project=\"$repo/generator/OpenApiClientGen/build/OpenApiClientGen.targets\" />"
  fi
  mkdir -p "$1"
  cat > "$1/Ours.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk">
  $imports_before
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <NoWarn>\$(NoWarn);CS1591</NoWarn>
    <WarningsNotAsErrors>\$(WarningsNotAsErrors);OACG0007</WarningsNotAsErrors>
    $restore
  </PropertyGroup>
  <ItemGroup>
    $references
    <OpenApiClient Include="$2" Namespace="Measured" ClientName="MeasuredClient" />
  </ItemGroup>
  $imports_after
</Project>
EOF
  printf 'namespace Measured;\n\ninternal static class Edited\n{\n    public const int Value = 0;\n}\n' > "$1/Edited.cs"
}
