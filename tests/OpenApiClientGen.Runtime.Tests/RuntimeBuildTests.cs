using System.Reflection;
using System.Runtime.Versioning;
using Xunit;

namespace OpenApiClientGen.Runtime.Tests;

/// <summary>These tests run twice, against each build of the runtime; this one says which build is under test.</summary>
public sealed class RuntimeBuildTests
{
    [Fact]
    public void The_tests_run_against_the_intended_build_of_the_runtime()
    {
#if RUNTIME_NETSTANDARD
        const string expected = ".NETStandard,Version=v2.0";
#else
        const string expected = ".NETCoreApp,Version=v8.0";
#endif
        Assert.Equal(expected, typeof(ApiConnection).Assembly.GetCustomAttribute<TargetFrameworkAttribute>()?.FrameworkName);
    }
}
