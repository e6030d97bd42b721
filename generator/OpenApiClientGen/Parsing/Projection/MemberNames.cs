namespace OpenApiClientGen.Parsing;

/// <summary>
/// The names inside a client's classes that no spec gives: the scopes its parameters, fields and group classes are
/// named in, each with the names it holds from the start, and the names of the members a method's code needs (its
/// error table, its event reader, the parameters of its flattened overload, the locals of its paged methods). The
/// emitters spell what is decided here.
/// </summary>
internal static class MemberNames
{
    // The last parameter of every method; the parameter of a body named after nothing else; the parameter of a body
    // whose media type the generator does not know. Beside them, `request` is the local every method builds its request in.
    public const string CancellationToken = "cancellationToken";
    public const string Body = "body";
    public const string Content = "content";

    /// <summary>The scope of an operation's path, query, header and cookie parameters.</summary>
    public static UniqueNameScope Parameters() => new(new[] { CancellationToken, Body, "request", Content });

    /// <summary>The scope of a form body's fields, which sit beside <paramref name="parameters"/> in the method.</summary>
    public static UniqueNameScope FormFields(IEnumerable<string> parameters) => new(parameters.Concat(new[] { CancellationToken }));

    /// <summary>The scope of the security class's schemes, beside <c>All</c>, the list of every scheme.</summary>
    public static UniqueNameScope SecuritySchemes() => new(new[] { "All" });

    /// <summary>The scope of the group classes, beside the client's own classes; type names differ in more than case.</summary>
    public static UniqueNameScope GroupClasses(ClientNames names) => new(names.Reserved, ignoreCase: true);

    /// <summary>The scope of the methods of one group.</summary>
    public static UniqueNameScope Methods() => new();

    /// <summary>
    /// <paramref name="operation"/> with the names of the members its code needs, once every method, group and type
    /// has its own.
    /// </summary>
    public static OperationSpec Name(OperationSpec operation, IReadOnlyList<GroupSpec> groups, IReadOnlyList<TypeDeclaration> types) => operation with
    {
        EventReaderName = operation.Stream is EventStreamSpec ? EventReader(operation, groups) : null,
        Flattened = FlattenedOverloads.Of(operation, types),
        Pagination = operation.Pagination is { } pagination ? pagination with { Walk = PageWalk(operation, pagination) } : null,
    };

    /// <summary>
    /// <paramref name="operations"/> with the names of their error tables: one table a group for each set of typed
    /// error bodies, since most operations of an API declare the same ones (Mistral's 152 tables hold 2 sets).
    /// </summary>
    public static List<OperationSpec> ErrorTables(IEnumerable<OperationSpec> operations)
    {
        // Private fields beside the group's methods and properties, which are PascalCase, and `_connection`.
        var scopes = new Dictionary<string, UniqueNameScope>(StringComparer.Ordinal);
        var tables = new Dictionary<(string Group, EquatableArray<ErrorResponseSpec> Errors), string>();
        var named = new List<OperationSpec>();
        foreach (OperationSpec operation in operations)
        {
            if (operation.Errors.IsEmpty)
            {
                named.Add(operation);
                continue;
            }

            if (!tables.TryGetValue((operation.GroupPath, operation.Errors), out string? name))
            {
                if (!scopes.TryGetValue(operation.GroupPath, out UniqueNameScope? scope))
                {
                    scopes[operation.GroupPath] = scope = new UniqueNameScope(new[] { "_connection" });
                }

                string statuses = string.Join("And", operation.Errors.Select(e => StatusName(e.Status)));
                name = scope.Reserve("_on" + statuses + "Errors");
                tables[(operation.GroupPath, operation.Errors)] = name;
            }

            named.Add(operation with { ErrorTableName = name });
        }

        return named;
    }

    /// <summary><c>404</c>, <c>4XX</c> or <c>Default</c>: the status as the spec writes it, kept to letters and digits.</summary>
    private static string StatusName(string status) =>
        status == "default" ? "Default" : new string(status.Where(c => c is (>= '0' and <= '9') or (>= 'A' and <= 'Z') or (>= 'a' and <= 'z')).ToArray()).ToUpperInvariant();

    /// <summary>The method's name with <c>Events</c> for <c>Async</c>, or with <c>EventsReader</c> where a group of the same class has that name.</summary>
    private static string EventReader(OperationSpec operation, IReadOnlyList<GroupSpec> groups)
    {
        string name = operation.MethodName.Substring(0, operation.MethodName.Length - "Async".Length) + "Events";
        bool takenByGroup = groups.Any(g => g.ParentPath == operation.GroupPath && g.PropertyName == name);
        return takenByGroup ? name + "Reader" : name;
    }

    /// <summary>The lambdas' parameters and the locals of the paged methods, clear of the method's parameters.</summary>
    private static PageWalkNames PageWalk(OperationSpec operation, PaginationSpec pagination)
    {
        var locals = new UniqueNameScope(operation.ParameterNames.Concat(new[] { CancellationToken }));
        string position = locals.Reserve(pagination switch { CursorPaginationSpec => "cursor", NextLinkPaginationSpec => "nextLink", _ => "position" });
        string token = locals.Reserve("ct");
        string page = locals.Reserve("listPage");
        bool linked = pagination is NextLinkPaginationSpec;
        string? nextPage = linked ? locals.Reserve("NextPageAsync") : null;
        string? link = linked ? locals.Reserve("link") : null;
        return new PageWalkNames { Position = position, Token = token, Page = page, NextPage = nextPage, Link = link };
    }
}

/// <summary>Which members the flattened overload of a method takes, and the parameter names it takes them under.</summary>
internal static class FlattenedOverloads
{
    /// <summary>Past this many members the overload would be longer than the model is readable; callers build the body.</summary>
    public const int MaxMembers = 30;

    public static FlattenedBodySpec? Of(OperationSpec operation, IReadOnlyList<TypeDeclaration> types)
    {
        if (ModelOf(operation, types) is not { } model)
        {
            return null;
        }

        var names = new UniqueNameScope(operation.Parameters.Select(p => p.Name).Concat(new[] { MemberNames.CancellationToken, MemberNames.Body }));
        var members = model.Properties
            .Where(p => p.Presence == Presence.Always || !p.IsDeprecated)
            .Where(p => p.FixedBoolean is null && p.ConstValue is null && !p.IsStreamFlag && p.Access != MemberAccess.ReadOnly)
            .OrderBy(p => p.Presence == Presence.Always ? 0 : 1)
            .Select(p => new FlattenedMemberSpec { Property = p, ParameterName = names.Reserve(Identifiers.ToCamelCase(p.Name)) })
            .ToEquatableArray();
        // A body the spec leaves optional gets the overload only when the model has a member it must be given: with
        // none, the overload and the method could both be called with no arguments.
        if (operation.Body is { IsRequired: false } && !members.Any(m => m.Property.Presence == Presence.Always))
        {
            return null;
        }

        // A required flag the overload does not take still needs a value; the method's own one goes out.
        var flags = model.Properties.Where(p => p.FixedBoolean is null && p.IsStreamFlag && p.Presence == Presence.Always).Select(p => p.Name).ToEquatableArray();
        return new FlattenedBodySpec { ModelName = model.Name, Members = members, StreamFlags = flags };
    }

    private static ObjectTypeSpec? ModelOf(OperationSpec operation, IReadOnlyList<TypeDeclaration> types)
    {
        if (operation.Body is not { Kind: BodyKind.Json, Type: { Kind: TypeKind.Declared, IsValueType: false } type })
        {
            return null;
        }

        ObjectTypeSpec? model = types.OfType<ObjectTypeSpec>().FirstOrDefault(t => t.Name == type.Name);
        return model is { Properties.Count: > 0 and <= MaxMembers } ? model : null;
    }
}
