# Sourced by build-cost.sh and generator-cost.sh: ours_project FOLDER DOCUMENT writes a project that builds our client
# for DOCUMENT from this repository's generator and runtime, with a one-line Edited.cs to touch between builds.
# Needs $repo set to the repository's root.

ours_project() { # folder document
  mkdir -p "$1"
  cat > "$1/Ours.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk">
  <Import Project="$repo/generator/OpenApiClientGen/build/OpenApiClientGen.props" />
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <NoWarn>\$(NoWarn);CS1591</NoWarn>
    <WarningsNotAsErrors>\$(WarningsNotAsErrors);OACG0007</WarningsNotAsErrors>
  </PropertyGroup>
  <ItemGroup>
    <ProjectReference Include="$repo/generator/OpenApiClientGen/OpenApiClientGen.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
    <ProjectReference Include="$repo/runtime/OpenApiClientGen.Runtime/OpenApiClientGen.Runtime.csproj" />
    <OpenApiClient Include="$2" Namespace="Measured" ClientName="MeasuredClient" />
  </ItemGroup>
  <Import Project="$repo/generator/OpenApiClientGen/build/OpenApiClientGen.targets" />
</Project>
EOF
  printf 'namespace Measured;\n\ninternal static class Edited\n{\n    public const int Value = 0;\n}\n' > "$1/Edited.cs"
}
