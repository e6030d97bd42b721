using System.Globalization;

namespace OpenApiClientGen.Runtime;

public partial class ApiClientOptions
{
    /// <summary>
    /// Sets the properties that <paramref name="settings"/> names, by keys as a configuration section lists them
    /// (<c>IConfiguration.AsEnumerable(makePathsRelative: true)</c>): <c>ApiKey</c>, <c>BaseAddress</c>,
    /// <c>MaxRetries</c>, <c>RetryBaseDelay</c> (a <see cref="TimeSpan"/> such as <c>00:00:01</c>),
    /// <c>DefaultHeaders:X-Name</c>, <c>Credentials:scheme</c>. Keys are compared without regard to case; keys of other
    /// settings and keys without a value are skipped, so the section can hold more than the client's settings. The
    /// generated <c>services.AddXClient(configuration)</c> calls this, written out property by property rather than
    /// through the reflection-based configuration binder, so it works with trimming and Native AOT.
    /// </summary>
    /// <param name="settings">Key and value pairs; <see cref="CredentialProvider"/> cannot be set this way.</param>
    /// <exception cref="InvalidOperationException">A value does not read as its property's type. The message names the key, never the value.</exception>
    public void Bind(IEnumerable<KeyValuePair<string, string?>> settings)
    {
        foreach (KeyValuePair<string, string?> setting in settings ?? throw new ArgumentNullException(nameof(settings)))
        {
            if (setting.Value is { } value)
            {
                Bind(setting.Key, value);
            }
        }
    }

    private void Bind(string key, string value)
    {
        int colon = key.IndexOf(':');
        if (colon > 0)
        {
            string section = key.Substring(0, colon);
            string name = key.Substring(colon + 1);
            if (section.Equals(nameof(DefaultHeaders), StringComparison.OrdinalIgnoreCase))
            {
                DefaultHeaders[name] = value;
            }
            else if (section.Equals(nameof(Credentials), StringComparison.OrdinalIgnoreCase))
            {
                Credentials[name] = value;
            }

            return;
        }

        if (Setters.TryGetValue(key, out Action<ApiClientOptions, string, string>? set))
        {
            set(this, key, value);
        }
    }

    // One row a setting: the key it is read from and how its value is set.
    private static readonly Dictionary<string, Action<ApiClientOptions, string, string>> Setters =
        new(StringComparer.OrdinalIgnoreCase)
        {
            [nameof(BaseAddress)] = (o, k, v) => o.BaseAddress = Uri.TryCreate(v, UriKind.Absolute, out Uri? address) ? address : throw Invalid(k, "an absolute URI"),
            [nameof(UserAgent)] = (o, _, v) => o.UserAgent = v,
            [nameof(BearerToken)] = (o, _, v) => o.BearerToken = v,
            [nameof(ApiKey)] = (o, _, v) => o.ApiKey = v,
            [nameof(Username)] = (o, _, v) => o.Username = v,
            [nameof(Password)] = (o, _, v) => o.Password = v,
            [nameof(MaxErrorBodyLength)] = (o, k, v) => o.MaxErrorBodyLength = Int32(k, v),
            [nameof(MaxEventSize)] = (o, k, v) => o.MaxEventSize = Int32(k, v),
            [nameof(MaxMessageSize)] = (o, k, v) => o.MaxMessageSize = Int32(k, v),
            [nameof(StreamIdleTimeout)] = (o, k, v) => o.StreamIdleTimeout = OptionalDuration(k, v),
            [nameof(StreamFirstItemTimeout)] = (o, k, v) => o.StreamFirstItemTimeout = OptionalDuration(k, v),
            [nameof(MaxRetries)] = (o, k, v) => o.MaxRetries = Int32(k, v),
            [nameof(RetryBaseDelay)] = (o, k, v) => o.RetryBaseDelay = Duration(k, v),
            [nameof(MaxRetryDelay)] = (o, k, v) => o.MaxRetryDelay = Duration(k, v),
            [nameof(MaxRetryAfter)] = (o, k, v) => o.MaxRetryAfter = Duration(k, v),
        };

    private static TimeSpan? OptionalDuration(string key, string value) => value.Length == 0 ? null : Duration(key, value);

    private static int Int32(string key, string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int number) ? number : throw Invalid(key, "a whole number");

    private static TimeSpan Duration(string key, string value) =>
        TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out TimeSpan duration) ? duration : throw Invalid(key, "a time span such as 00:00:30");

    // The value is left out: the key might hold a credential typed into the wrong setting.
    private static InvalidOperationException Invalid(string key, string expected) => new($"The client setting '{key}' is not {expected}.");
}
