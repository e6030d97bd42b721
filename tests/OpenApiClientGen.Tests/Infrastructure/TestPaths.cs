using System;
using System.IO;
using System.Runtime.CompilerServices;

namespace OpenApiClientGen.Tests.Infrastructure;

/// <summary>Where the repository, this test project's sources and the shared folder beside the repository are.</summary>
public static class TestPaths
{
    public static string TestProjectDirectory { get; } = Path.GetDirectoryName(ThisFile())!;

    public static string RepositoryRoot { get; } = Path.GetFullPath(Path.Combine(TestProjectDirectory, "..", ".."));

    /// <summary>The shared folder that sits beside the repository in development and CI; absent in a user's clone.</summary>
    public static string SharedDirectory { get; } = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"));

    public static bool SharedAvailable => Directory.Exists(SharedDirectory);

    public static string TestSpec(string fileName) => Path.Combine(RepositoryRoot, "tests", "Specs", fileName);

    public static string Shared(string relativePath) => Path.Combine(SharedDirectory, relativePath);

    private static string ThisFile([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
