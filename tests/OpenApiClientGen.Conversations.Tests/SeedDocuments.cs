using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace OpenApiClientGen.Conversations.Tests;

/// <summary>One operation of a seed document: the SDK group it sits in, its SDK name and its parameters' names.</summary>
public sealed record SeedOperation(string SeedFile, string[] GroupPath, string Name, IReadOnlyList<string> Parameters)
{
    public override string ToString() => $"{string.Join('.', GroupPath)}.{Name}";
}

/// <summary>
/// Reads the seed documents in ../shared/seeds. Two layouts occur: Speakeasy's (a <c># Group</c> title, optionally
/// <c>(*beta.conversations*)</c> under it, then <c>## name</c> sections with a <c>| `param` |</c> table) and
/// OpenAPI Generator's (<c># pieces_os_client.ConversationsApi</c>, then <c># **name**</c> sections with a
/// <c> **param** |</c> table).
/// </summary>
public static class SeedDocuments
{
    /// <summary>Parameters every Speakeasy method takes for its own machinery; they are not API parameters.</summary>
    private static readonly string[] SdkOnlyParameters = ["retries"];

    public static IReadOnlyList<SeedOperation> Read(string path)
    {
        string[] lines = File.ReadAllLines(path);
        string[] group = GroupPath(lines);
        string namePrefix = ToSnake(group[^1]) + "_";
        var operations = new List<SeedOperation>();
        string? current = null;
        List<string>? parameters = null;
        bool inParameters = false;
        foreach (string line in lines)
        {
            Match heading = Regex.Match(line, @"^(?:## (?<name>\w+)\s*$|# \*\*(?<name>\w+)\*\*)");
            if (heading.Success && heading.Groups["name"].Value != "Overview")
            {
                Flush();
                current = heading.Groups["name"].Value;
                parameters = [];
                continue;
            }

            if (current is null)
            {
                continue;
            }

            if (line.StartsWith("### Parameters", StringComparison.Ordinal))
            {
                inParameters = true;
            }
            else if (line.StartsWith("###", StringComparison.Ordinal))
            {
                inParameters = false;
            }
            else if (inParameters)
            {
                Match parameter = Regex.Match(line, @"^(?:\|\s*`(?<name>\w+)`|\s*\*\*(?<name>\w+)\*\*\s*\|)");
                if (parameter.Success && !SdkOnlyParameters.Contains(parameter.Groups["name"].Value))
                {
                    parameters!.Add(parameter.Groups["name"].Value);
                }
            }
        }

        Flush();
        return operations;

        void Flush()
        {
            if (current is not null)
            {
                string name = current.StartsWith(namePrefix, StringComparison.Ordinal) ? current[namePrefix.Length..] : current;
                operations.Add(new SeedOperation(Path.GetFileName(path), group, name, parameters!));
            }

            current = null;
        }
    }

    /// <summary>The SDK's path to the group: <c>(*beta.conversations*)</c> when given, else the title without its package and <c>Api</c>.</summary>
    private static string[] GroupPath(string[] lines)
    {
        string? sdkPath = lines.Take(5).Select(l => Regex.Match(l, @"^\(\*(?<path>[\w.]+)\*\)")).FirstOrDefault(m => m.Success)?.Groups["path"].Value;
        if (sdkPath is not null)
        {
            return sdkPath.Split('.').Select(ToPascal).ToArray();
        }

        string title = lines.First(l => l.StartsWith("# ", StringComparison.Ordinal))[2..].Trim();
        title = title[(title.LastIndexOf('.') + 1)..];
        return [title.EndsWith("Api", StringComparison.Ordinal) ? title[..^3] : title];
    }

    public static string ToPascal(string snake) =>
        string.Concat(snake.Split('_', StringSplitOptions.RemoveEmptyEntries).Select(w => char.ToUpperInvariant(w[0]) + w[1..]));

    public static string ToCamel(string snake)
    {
        string pascal = ToPascal(snake);
        return char.ToLowerInvariant(pascal[0]) + pascal[1..];
    }

    private static string ToSnake(string pascal) => Regex.Replace(pascal, "(?<=[a-z0-9])([A-Z])", "_$1").ToLowerInvariant();
}
