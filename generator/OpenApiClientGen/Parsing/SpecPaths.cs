namespace OpenApiClientGen.Parsing;

/// <summary>Path arithmetic on spec file names, done on strings so the generator never touches the disk.</summary>
internal static class SpecPaths
{
    public static string Normalize(string path)
    {
        string unified = path.Replace('\\', '/');
        bool rooted = unified.StartsWith("/", StringComparison.Ordinal);
        var parts = new List<string>();
        foreach (string part in unified.Split('/'))
        {
            if (part.Length == 0 || part == ".")
            {
                continue;
            }

            if (part == ".." && parts.Count > 0 && parts[parts.Count - 1] != "..")
            {
                parts.RemoveAt(parts.Count - 1);
                continue;
            }

            parts.Add(part);
        }

        return (rooted ? "/" : "") + string.Join("/", parts);
    }

    public static string Combine(string fromFile, string relative)
    {
        string unified = relative.Replace('\\', '/');
        if (unified.StartsWith("/", StringComparison.Ordinal) || (unified.Length > 1 && unified[1] == ':'))
        {
            return Normalize(unified);
        }

        string normalized = Normalize(fromFile);
        int slash = normalized.LastIndexOf('/');
        return Normalize((slash < 0 ? "" : normalized.Substring(0, slash + 1)) + unified);
    }

    public static bool IsAbsoluteUri(string reference)
    {
        int colon = reference.IndexOf(':');
        return colon > 1 && reference.IndexOf('/') > colon;
    }

    public static string FileNameWithoutExtension(string path)
    {
        string normalized = path.Replace('\\', '/');
        string name = normalized.Substring(normalized.LastIndexOf('/') + 1);
        int dot = name.IndexOf('.');
        return dot > 0 ? name.Substring(0, dot) : name;
    }
}
