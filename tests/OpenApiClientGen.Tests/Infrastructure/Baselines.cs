using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Xunit.Sdk;

namespace OpenApiClientGen.Tests.Infrastructure;

/// <summary>
/// Compares generated files with checked-in baselines under <c>Baselines/{name}/</c>: one file per hint name plus
/// <c>files.txt</c>, the list of hint names. A mismatch writes <c>*.received.*</c> beside the baseline and fails
/// with a diff. Set <c>OACG_UPDATE_BASELINES=1</c> to rewrite the baselines instead; review the diff before committing.
/// </summary>
public static class Baselines
{
    public const string UpdateVariable = "OACG_UPDATE_BASELINES";

    private static bool Updating => Environment.GetEnvironmentVariable(UpdateVariable) == "1";

    public static void AssertMatches(string name, IReadOnlyList<(string HintName, string Text)> files)
    {
        string directory = Path.Combine(TestPaths.TestProjectDirectory, "Baselines", name);
        Directory.CreateDirectory(directory);
        var failures = new List<string>();

        string listing = string.Join("\n", files.Select(f => f.HintName).OrderBy(h => h, StringComparer.Ordinal)) + "\n";
        Compare(directory, "files.txt", listing, failures);
        foreach ((string hintName, string text) in files)
        {
            Compare(directory, hintName, text, failures);
        }

        if (Updating)
        {
            var expected = new HashSet<string>(files.Select(f => f.HintName).Append("files.txt"), StringComparer.Ordinal);
            foreach (string stale in Directory.GetFiles(directory).Where(f => !expected.Contains(Path.GetFileName(f))))
            {
                File.Delete(stale);
            }

            return;
        }

        if (failures.Count > 0)
        {
            throw new XunitException(
                $"Generated output differs from the baselines in Baselines/{name}. " +
                $"If the change is intended, rerun with {UpdateVariable}=1 and review the diff.\n\n" + string.Join("\n\n", failures));
        }
    }

    private static void Compare(string directory, string fileName, string actual, List<string> failures)
    {
        string path = Path.Combine(directory, fileName);
        string normalized = actual.Replace("\r\n", "\n").TrimStart('\uFEFF');
        string received = ReceivedPath(path);
        if (Updating)
        {
            File.WriteAllText(path, normalized, new UTF8Encoding(false));
            File.Delete(received);
            return;
        }

        string? expected = File.Exists(path) ? File.ReadAllText(path).Replace("\r\n", "\n") : null;
        if (expected == normalized)
        {
            File.Delete(received);
            return;
        }

        File.WriteAllText(received, normalized, new UTF8Encoding(false));
        failures.Add(expected is null ? $"{fileName}: no baseline yet (written to {Path.GetFileName(received)})" : $"{fileName}:\n{Diff(expected, normalized)}");
    }

    // Pet.g.cs -> Pet.g.received.cs; files.txt -> files.received.txt (both git-ignored).
    private static string ReceivedPath(string path) =>
        Path.Combine(Path.GetDirectoryName(path)!, Path.GetFileNameWithoutExtension(path) + ".received" + Path.GetExtension(path));

    /// <summary>A short diff: the first differing region with three lines of context on each side.</summary>
    public static string Diff(string expected, string actual)
    {
        string[] left = expected.Split('\n'), right = actual.Split('\n');
        int start = 0;
        while (start < left.Length && start < right.Length && left[start] == right[start])
        {
            start++;
        }

        int endLeft = left.Length - 1, endRight = right.Length - 1;
        while (endLeft >= start && endRight >= start && left[endLeft] == right[endRight])
        {
            endLeft--;
            endRight--;
        }

        var diff = new StringBuilder();
        diff.AppendLine($"@@ line {start + 1} @@");
        for (int i = Math.Max(0, start - 3); i < start; i++)
        {
            diff.AppendLine("  " + left[i]);
        }

        for (int i = start; i <= endLeft && i < start + 40; i++)
        {
            diff.AppendLine("- " + left[i]);
        }

        for (int i = start; i <= endRight && i < start + 40; i++)
        {
            diff.AppendLine("+ " + right[i]);
        }

        for (int i = endLeft + 1; i < Math.Min(left.Length, endLeft + 4); i++)
        {
            diff.AppendLine("  " + left[i]);
        }

        return diff.ToString();
    }
}
