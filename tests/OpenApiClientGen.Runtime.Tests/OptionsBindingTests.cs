using System;
using System.Collections.Generic;
using Xunit;

namespace OpenApiClientGen.Runtime.Tests;

/// <summary><see cref="ApiClientOptions.Bind"/>: configuration keys to properties, without the reflection-based binder.</summary>
public sealed class OptionsBindingTests
{
    [Fact]
    public void Settings_set_the_properties_they_name_and_skip_the_rest()
    {
        var options = new ApiClientOptions();

        options.Bind(new Dictionary<string, string?>
        {
            ["apikey"] = "key-1",
            ["BaseAddress"] = "https://api.example.com/v1/",
            ["MaxRetries"] = "4",
            ["RetryBaseDelay"] = "00:00:02",
            ["StreamIdleTimeout"] = "00:01:00",
            ["StreamFirstItemTimeout"] = "",
            ["DefaultHeaders"] = null,
            ["DefaultHeaders:X-Source"] = "settings",
            ["Credentials:oauth"] = "token-1",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Unrelated"] = "ignored",
        });

        Assert.Equal("key-1", options.ApiKey);
        Assert.Equal(new Uri("https://api.example.com/v1/"), options.BaseAddress);
        Assert.Equal(4, options.MaxRetries);
        Assert.Equal(TimeSpan.FromSeconds(2), options.RetryBaseDelay);
        Assert.Equal(TimeSpan.FromMinutes(1), options.StreamIdleTimeout);
        Assert.Null(options.StreamFirstItemTimeout);
        Assert.Equal("settings", options.DefaultHeaders["x-source"]);
        Assert.Equal("token-1", options.Credentials["oauth"]);
        Assert.Single(options.DefaultHeaders);
        Assert.Single(options.Credentials);
    }

    [Theory]
    [InlineData("BaseAddress", "not/absolute")]
    [InlineData("MaxRetries", "two")]
    [InlineData("MaxRetryAfter", "soon")]
    public void A_value_that_does_not_read_names_the_key_and_never_the_value(string key, string value)
    {
        var error = Assert.Throws<InvalidOperationException>(() => new ApiClientOptions().Bind(new Dictionary<string, string?> { [key] = value }));

        Assert.Contains(key, error.Message);
        Assert.DoesNotContain(value, error.Message);
    }
}
