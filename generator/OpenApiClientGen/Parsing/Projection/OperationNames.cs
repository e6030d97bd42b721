using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using OpenApiClientGen.Model;

namespace OpenApiClientGen.Parsing;

/// <summary>
/// Names an operation's group and method as a person writing the SDK would: explicit names as given, operationIds
/// without the words a framework or the group already says, and for documents without groups the path's first segment.
/// </summary>
internal static class OperationNames
{
    // Words that name the server's code, not the operation: FastAPI routers (`files_api_routes_...`), NestJS controllers.
    private static readonly char[] WordSeparators = { '_', '-' };

    private static readonly HashSet<string> NoiseWords = new(StringComparer.OrdinalIgnoreCase) { "api", "apis", "route", "routes", "controller" };

    private static readonly HashSet<string> Prepositions = new(StringComparer.OrdinalIgnoreCase) { "from", "to", "by", "for", "with", "of", "in", "into", "on", "as" };

    // Verbs an operation's name starts with. A word here is never dropped for repeating the group (`judge_conversation`
    // in `Judges` judges a conversation), and one that a machine-made id puts after its object moves to the front
    // (`batches_list` is ListBatches). HTTP methods are left out: `post` at an id's end only says the method again.
    private static readonly HashSet<string> Verbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "get", "list", "create", "update", "delete", "remove", "add", "set", "fetch", "retrieve", "search", "find", "query",
        "cancel", "start", "stop", "restart", "resume", "pause", "append", "archive", "unarchive", "upload", "download",
        "send", "run", "execute", "generate", "complete", "classify", "moderate", "share", "unshare", "import", "export",
        "copy", "move", "rename", "reset", "signal", "terminate", "schedule", "unschedule", "count", "validate", "verify",
        "submit", "regenerate", "approve", "reject", "enable", "disable", "register", "unregister", "invite", "revoke",
        "replace", "upsert", "merge", "sync", "refresh", "publish", "unpublish", "deploy", "close", "lock", "unlock",
        "assign", "unassign", "attach", "detach", "link", "unlink", "subscribe", "unsubscribe", "check", "preview",
        "process", "transcribe", "translate", "embed", "judge", "evaluate", "score", "tokenize", "confirm", "accept",
        "decline", "retry", "apply", "fork", "clone", "save", "install", "uninstall", "join", "leave", "extract",
        "convert", "render", "notify", "edit", "modify", "upgrade", "downgrade", "restore", "purge", "clear", "read",
        "call", "stream",
    };

    private static readonly Regex Version = new("^(v[0-9]+([a-z]+[0-9]*)?|beta|alpha)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>
    /// The group a document without tags or groups gives an operation: its path's first segment that is not a version,
    /// a parameter or <c>api</c> (<c>/v1/messages</c> gives <c>Messages</c>); empty for the root.
    /// </summary>
    public static string PathGroup(string path)
    {
        string? segment = Segments(path).FirstOrDefault(s => !IsParameter(s) && !IsVersion(s) && !NoiseWords.Contains(s));
        return segment is null ? "" : Identifiers.ToPascalCase(segment);
    }

    /// <summary>
    /// The method names to try for an operation, the cleanest first. Each later one keeps more of the operationId, so
    /// that operations whose cleaned names collide in their group fall back to longer names rather than to numbers.
    /// </summary>
    /// <param name="path">The path key without its fragment and query.</param>
    /// <param name="group">The operation's dotted group path, <c>Beta.Agents</c>.</param>
    public static IReadOnlyList<string> Candidates(string? explicitName, string? operationId, string httpMethod, string path, string group)
    {
        if (explicitName is not null)
        {
            // The explicit name is the method's; types still take the whole operationId, which tells groups apart.
            return string.IsNullOrWhiteSpace(operationId)
                ? new[] { Identifiers.ToPascalCase(explicitName) }
                : new[] { Identifiers.ToPascalCase(explicitName), Identifiers.ToPascalCase(operationId!) };
        }

        var groupWords = new HashSet<string>(group.Split('.').SelectMany(Identifiers.Words).SelectMany(w => new[] { w, Identifiers.Singular(w) }), StringComparer.OrdinalIgnoreCase);
        string verbName = VerbName(httpMethod, path, groupWords);
        if (string.IsNullOrWhiteSpace(operationId))
        {
            return new[] { verbName, Identifiers.ToPascalCase(httpMethod + " " + path) };
        }

        string function = FastApiFunction(operationId!, httpMethod, path) ?? operationId!;
        IReadOnlyList<string> words = Identifiers.Words(function);
        string versions = string.Concat(words.Where(IsVersion).Select(Identifiers.ToPascalCase));
        // What comes before `api` or `routes` names the server's module: `agents_api_v1_conversations_append`. Only in
        // an id of separated words, as such servers make them; in a camelCase `checkAPIKey` the word is the name's.
        int module = operationId!.IndexOfAny(WordSeparators) < 0 ? -1 : words.Count - 1;
        while (module >= 0 && !NoiseWords.Contains(words[module]))
        {
            module--;
        }

        // An id a person wrote (`createPet`) is kept as it is; only one that shows a machine's hand is cleaned.
        bool machineMade = words.Count == 0 || function.Length < operationId!.Length || module >= 0 || words.Any(IsVersion)
            || words[words.Count - 1].Equals(httpMethod, StringComparison.OrdinalIgnoreCase);
        // After `api` or `routes`, the words before the verb name the router too: `jobs_api_routes_fine_tuning_archive_fine_tuned_model`.
        int verb = module < 0 ? -1 : words.Skip(module + 1).ToList().FindIndex(Verbs.Contains);
        string cleaned = machineMade
            ? Clean(words.Skip(module + 1 + Math.Max(verb, 0)).Where(w => !IsVersion(w)).ToList(), httpMethod, path, groupWords, Identifiers.Singular(group.Split('.').Last()), verbName)
            : Identifiers.ToPascalCase(operationId!);
        // One entry per step, repeats included, so that the operations of a group step through the same kinds of name.
        return new[] { cleaned, versions + cleaned, Identifiers.ToPascalCase(function), Identifiers.ToPascalCase(operationId!) };
    }

    /// <summary>
    /// The name of the parameter that takes an operation's body: the name the document gives it (openapi-generator's
    /// <c>x-codegen-request-body-name</c>, or a Swagger 2.0 body parameter's <c>name</c>), else the component its schema
    /// refers to, as OpenAPI Generator's SDKs name it (<c>$ref: SeededConversation</c> is <c>seededConversation</c>), else
    /// <c>body</c>. A name another parameter or the method itself already uses is <c>body</c> as well.
    /// </summary>
    public static string BodyParameter(string? explicitName, string? component, IEnumerable<string> takenNames)
    {
        string? preferred = explicitName ?? component;
        string name = preferred is null ? "body" : Identifiers.ToCamelCase(preferred);
        // `request` is the method's own local, `content` the name an unknown media type's parameter takes.
        return name is "cancellationToken" or "request" or "content" || takenNames.Contains(name, StringComparer.Ordinal) ? "body" : name;
    }

    /// <summary>
    /// What an operation's inline types are named from: its operationId without what only a machine adds (FastAPI's
    /// <c>_{path}_{method}</c> suffix, version words, and <c>api</c> or <c>routes</c> beside them), but with every word
    /// a person wrote, so that types stay apart where methods share a short name:
    /// <c>execute_workflow_v1_workflows__id__execute_post</c> gives <c>ExecuteWorkflow</c>, and
    /// <c>agents_api_v1_agents_get</c> gives <c>AgentsGet</c>.
    /// </summary>
    public static string? TypeStem(string? operationId, string httpMethod, string path)
    {
        if (string.IsNullOrWhiteSpace(operationId))
        {
            return null;
        }

        string function = FastApiFunction(operationId!, httpMethod, path) ?? operationId!;
        IReadOnlyList<string> all = Identifiers.Words(function);
        // `api` and `routes` are a module's mark only beside a version or each other (`agents_api_v1`, `jobs_api_routes`);
        // in `admin_api_keys_list` they are what the operation is about.
        bool Marks(int i) => i >= 0 && i < all.Count && (IsVersion(all[i]) || NoiseWords.Contains(all[i]));
        List<string> words = all.Where((w, i) => !IsVersion(w) && !(NoiseWords.Contains(w) && (Marks(i - 1) || Marks(i + 1)))).ToList();
        // With `api` and the version gone, a module named after its resource says it twice: `agents_api_v1_agents_get`.
        words = words.Where((w, i) => i == 0 || !w.Equals(words[i - 1], StringComparison.OrdinalIgnoreCase)).ToList();
        return words.Count == 0 ? null : Identifiers.ToPascalCase(string.Join(" ", words));
    }

    /// <summary>
    /// The function name in FastAPI's default operationId, <c>{function}{path with non-word characters as _}_{method}</c>
    /// (<c>speech_v1_audio_speech_post</c> for <c>POST /v1/audio/speech</c> gives <c>speech</c>); null for any other id.
    /// </summary>
    private static string? FastApiFunction(string operationId, string httpMethod, string path)
    {
        string suffix = Regex.Replace(path, @"\W", "_") + "_" + httpMethod.ToLowerInvariant();
        return operationId.Length > suffix.Length && operationId.EndsWith(suffix, StringComparison.Ordinal)
            ? operationId.Substring(0, operationId.Length - suffix.Length)
            : null;
    }

    /// <summary>
    /// Drops the words that repeat the group (<c>agents_create</c> in <c>Beta.Agents</c> is <c>Create</c>) unless they
    /// follow a preposition (<c>records_from_dataset</c>) or are the verb (<c>judge_conversation</c> in <c>Judges</c>),
    /// and a POST, PUT or PATCH that only repeats the HTTP method (<c>transcriptions_post_stream</c>); nothing left, or
    /// only the HTTP method, is the verb name. What is left starts with its verb: one that follows its object moves to
    /// the front (<c>batches_list</c> is <c>ListBatches</c>), and words without one take the HTTP method's
    /// (<c>conversations_history</c>, a GET, is <c>GetHistory</c>; <c>message_batches_post</c> is <c>CreateBatch</c>).
    /// </summary>
    /// <param name="thing">What the innermost group holds, singular: <c>Model</c> in <c>Models</c>.</param>
    private static string Clean(List<string> words, string httpMethod, string path, HashSet<string> groupWords, string thing, string verbName)
    {
        List<string> segments = Segments(path).ToList();
        // `by id` at the end only says what the path's last parameter already says: `get_judge_by_id` is Get.
        if (words.Count > 2 && segments.Count > 0 && IsParameter(segments[segments.Count - 1])
            && Prepositions.Contains(words[words.Count - 2]) && words[words.Count - 1].Equals("id", StringComparison.OrdinalIgnoreCase))
        {
            words = words.Take(words.Count - 2).ToList();
        }

        int verb = words.FindIndex(Verbs.Contains);
        // A name that ends in the group's thing describes that thing in the words before it, back to the verb, and they
        // go with it: `archive_fine_tuned_model` in `Models` is Archive.
        if (verb >= 0 && words.Count > verb + 2 && Identifiers.Singular(words[words.Count - 1]).Equals(thing, StringComparison.OrdinalIgnoreCase)
            && !words.Skip(verb + 1).Any(w => Prepositions.Contains(w) || Verbs.Contains(w)))
        {
            words = words.Take(verb + 1).ToList();
        }

        var own = new List<string>();
        for (int i = 0; i < words.Count; i++)
        {
            bool repeatsGroup = groupWords.Contains(words[i]) && i != verb && !(i > 0 && Prepositions.Contains(words[i - 1]));
            bool repeatsMethod = i > 0 && words[i].Equals(httpMethod, StringComparison.OrdinalIgnoreCase) && httpMethod.ToUpperInvariant() is "POST" or "PUT" or "PATCH";
            if (!repeatsGroup && !repeatsMethod)
            {
                own.Add(words[i]);
            }
        }

        if (own.Count == 0 || (own.Count == 1 && own[0].Equals(httpMethod, StringComparison.OrdinalIgnoreCase)))
        {
            return verbName;
        }

        int ownVerb = own.FindIndex(Verbs.Contains);
        if (ownVerb > 0)
        {
            own.Insert(0, own[ownVerb]);
            own.RemoveAt(ownVerb + 1);
        }
        else if (ownVerb < 0 && !own[0].Equals(httpMethod, StringComparison.OrdinalIgnoreCase))
        {
            // Things alone: a GET gets them, and an id that ends in its HTTP method (`message_batches_post`) makes that
            // method the verb, one thing at a time for a POST. Other words may be verbs this list does not know (`reprocess`).
            bool endsInMethod = words[words.Count - 1].Equals(httpMethod, StringComparison.OrdinalIgnoreCase);
            switch (httpMethod.ToUpperInvariant())
            {
                case "GET":
                    own.Insert(0, "get");
                    break;
                case "POST" when endsInMethod:
                    own[own.Count - 1] = Identifiers.Singular(own[own.Count - 1]);
                    own.Insert(0, "create");
                    break;
                case "PUT" or "PATCH" when endsInMethod:
                    own.Insert(0, "update");
                    break;
                case "DELETE" when endsInMethod:
                    own.Insert(0, "delete");
                    break;
            }
        }

        return Identifiers.ToPascalCase(string.Join(" ", own));
    }

    /// <summary>
    /// A name from the HTTP method and the path's shape: <c>GET /messages</c> is <c>List</c>, <c>GET /messages/{id}</c> is
    /// <c>Get</c>, <c>POST</c> is <c>Create</c> (or the action a path ends in, <c>/batches/{id}/cancel</c> is <c>CancelBatch</c>),
    /// <c>PUT</c> and <c>PATCH</c> are <c>Update</c> and <c>DELETE</c> is <c>Delete</c>, followed by the path's words the group
    /// does not already say.
    /// </summary>
    private static string VerbName(string httpMethod, string path, HashSet<string> groupWords)
    {
        List<string> segments = Segments(path).Where(s => !IsVersion(s)).ToList();
        bool endsInParameter = segments.Count > 0 && IsParameter(segments[segments.Count - 1]);
        bool endsInAction = segments.Count > 1 && !endsInParameter && IsParameter(segments[segments.Count - 2]);
        List<string> literals = segments
            .Where(s => !IsParameter(s) && !NoiseWords.Contains(s) && !Identifiers.Words(s).All(groupWords.Contains))
            .Select(Identifiers.ToPascalCase)
            .ToList();
        string Singulars(IEnumerable<string> names) => string.Concat(names.Select(Identifiers.Singular));
        switch (httpMethod.ToUpperInvariant())
        {
            case "GET" when endsInParameter:
                return "Get" + Singulars(literals);
            case "GET" when literals.LastOrDefault() == "List":
                // A path that ends in `/list` already says it: `/workflows/events/list` is List, not ListList.
                return "List" + Singulars(literals.Take(literals.Count - 1));
            case "GET":
                return "List" + Singulars(literals.Take(literals.Count - 1)) + literals.LastOrDefault();
            case "POST" when endsInAction && literals.Count > 0:
                return literals[literals.Count - 1] + Singulars(literals.Take(literals.Count - 1));
            case "POST" when !endsInParameter:
                return "Create" + Singulars(literals);
            case "POST" or "PUT" or "PATCH":
                return "Update" + Singulars(literals);
            case "DELETE":
                return "Delete" + Singulars(literals);
            default:
                return Identifiers.ToPascalCase(httpMethod) + string.Concat(literals);
        }
    }

    private static IEnumerable<string> Segments(string path) => path.Split('/').Where(s => s.Length > 0);

    private static bool IsParameter(string segment) => segment.StartsWith("{", StringComparison.Ordinal) && segment.EndsWith("}", StringComparison.Ordinal);

    private static bool IsVersion(string word) => Version.IsMatch(word);
}
