using System;
using System.Collections;
using System.Collections.Generic;
using System.Reflection;
using System.Runtime.CompilerServices;
using Xunit.Sdk;

namespace OpenApiClientGen.Tests.Infrastructure;

/// <summary>
/// Walks a pipeline step's output and fails on anything that would keep a compilation or a parsed document alive,
/// or that compares by reference and so would defeat caching.
/// </summary>
public static class ModelGraph
{
    private static readonly string[] ForbiddenNamespaces = { "Microsoft.CodeAnalysis", "Microsoft.OpenApi", "System.Text.Json.Nodes", "YamlDotNet" };

    public static void AssertHoldsOnlyPlainData(object root, string step)
    {
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<(object Value, string Path)>();
        pending.Push((root, step));
        while (pending.Count > 0)
        {
            (object value, string path) = pending.Pop();
            Type type = value.GetType();
            if (type.IsPrimitive || type.IsEnum || value is string || !seen.Add(value))
            {
                continue;
            }

            foreach (string forbidden in ForbiddenNamespaces)
            {
                if (type.FullName is { } name && name.StartsWith(forbidden, StringComparison.Ordinal) && !name.StartsWith("Microsoft.CodeAnalysis.IncrementalStepRunReason", StringComparison.Ordinal))
                {
                    throw new XunitException($"{path} holds a {type.FullName}, which does not belong in pipeline output.");
                }
            }

            if (value is IEnumerable items)
            {
                int index = 0;
                foreach (object? item in items)
                {
                    if (item is not null)
                    {
                        pending.Push((item, $"{path}[{index}]"));
                    }

                    index++;
                }

                continue;
            }

            for (Type? current = type; current is not null && current != typeof(object); current = current.BaseType)
            {
                foreach (FieldInfo field in current.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                {
                    if (field.GetValue(value) is { } child)
                    {
                        pending.Push((child, $"{path}.{field.Name}"));
                    }
                }
            }
        }
    }
}
