using System;
using System.Text.Json.Nodes;
using Xunit;

namespace OpenApiClientGen.Tests.Infrastructure;

/// <summary>Asserts that two JSON texts hold the same value, members in any order.</summary>
public static class JsonAssert
{
    public static void Equal(string expected, string actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(actual)), $"Expected {expected}{Environment.NewLine}but got  {actual}");
}
