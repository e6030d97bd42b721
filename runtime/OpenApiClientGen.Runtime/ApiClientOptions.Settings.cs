using System;
using System.Collections.Generic;
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

        switch (key.ToUpperInvariant())
        {
            case "BASEADDRESS":
                BaseAddress = Uri.TryCreate(value, UriKind.Absolute, out Uri? address) ? address : throw Invalid(key, "an absolute URI");
                break;
            case "USERAGENT":
                UserAgent = value;
                break;
            case "BEARERTOKEN":
                BearerToken = value;
                break;
            case "APIKEY":
                ApiKey = value;
                break;
            case "USERNAME":
                Username = value;
                break;
            case "PASSWORD":
                Password = value;
                break;
            case "MAXERRORBODYLENGTH":
                MaxErrorBodyLength = Int32(key, value);
                break;
            case "MAXEVENTSIZE":
                MaxEventSize = Int32(key, value);
                break;
            case "MAXMESSAGESIZE":
                MaxMessageSize = Int32(key, value);
                break;
            case "STREAMIDLETIMEOUT":
                StreamIdleTimeout = value.Length == 0 ? null : Duration(key, value);
                break;
            case "STREAMFIRSTITEMTIMEOUT":
                StreamFirstItemTimeout = value.Length == 0 ? null : Duration(key, value);
                break;
            case "MAXRETRIES":
                MaxRetries = Int32(key, value);
                break;
            case "RETRYBASEDELAY":
                RetryBaseDelay = Duration(key, value);
                break;
            case "MAXRETRYDELAY":
                MaxRetryDelay = Duration(key, value);
                break;
            case "MAXRETRYAFTER":
                MaxRetryAfter = Duration(key, value);
                break;
        }
    }

    private static int Int32(string key, string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int number) ? number : throw Invalid(key, "a whole number");

    private static TimeSpan Duration(string key, string value) =>
        TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out TimeSpan duration) ? duration : throw Invalid(key, "a time span such as 00:00:30");

    // The value is left out: the key might hold a credential typed into the wrong setting.
    private static InvalidOperationException Invalid(string key, string expected) => new($"The client setting '{key}' is not {expected}.");
}
