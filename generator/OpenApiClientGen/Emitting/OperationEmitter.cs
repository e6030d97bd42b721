namespace OpenApiClientGen.Emitting;

/// <summary>
/// Writes one operation: its error table, unless an operation of the group before it wrote the same one; the method
/// that returns the result; the <c>...WithResponseAsync</c> method that also returns the status and headers; and for
/// JSON object bodies an overload that takes the body's members.
/// </summary>
internal static class OperationEmitter
{
    private const string Connection = "_connection";

    /// <param name="writtenTables">The error tables the group has written so far; this operation's joins them.</param>
    public static void Write(SourceWriter writer, ApiSpec api, OperationSpec operation, ISet<string> writtenTables)
    {
        List<MethodParameter> parameters = OperationParameters.Of(api, operation);
        string arguments = string.Join(", ", parameters.Select(p => Identifiers.EscapeKeyword(p.Name)).Concat(new[] { "cancellationToken" }));
        string signature = string.Join(", ", parameters.Select(p => p.Declaration).Concat(new[] { OperationParameters.CancellationToken }));
        (string resultType, string responseType, string send) = Response(api, operation.Response);

        if (operation.ErrorTableName is { } table && writtenTables.Add(table))
        {
            WriteErrorTable(writer, api, operation, table);
            writer.WriteLine();
        }

        if (operation.Stream is { } stream)
        {
            // A stream has no WithResponse form: its items arrive after the status has been checked.
            (string streamType, string startStream) = StreamEmitter.Call(api, operation, stream);
            WriteDocs(writer, operation, parameters, MethodDocs.Full);
            WriteSendingMethod(writer, api, operation, parameters, $"public virtual {streamType} {operation.MethodName}({signature})", startStream);
            FlattenedOverloadEmitter.Write(writer, api, operation, parameters);
            return;
        }

        // The docs are written once, on the WithResponse method; the others point at them.
        WriteDocs(writer, operation, parameters, MethodDocs.InheritAll);
        if (operation.Response.Kind == ResponseKind.None)
        {
            writer.WriteLine($"public virtual {resultType} {operation.MethodName}({signature}) =>");
            writer.Indent();
            writer.WriteLine($"{operation.WithResponseName}({arguments});");
        }
        else
        {
            writer.WriteLine($"public virtual async {resultType} {operation.MethodName}({signature}) =>");
            writer.Indent();
            writer.WriteLine($"(await {operation.WithResponseName}({arguments}).ConfigureAwait(false)).Value;");
        }

        writer.Unindent();
        writer.WriteLine();
        WriteDocs(writer, operation, parameters, MethodDocs.FullWithResponse);
        WriteSendingMethod(writer, api, operation, parameters, $"public virtual {responseType} {operation.WithResponseName}({signature})", send);
        FlattenedOverloadEmitter.Write(writer, api, operation, parameters);
        PaginationEmitter.Write(writer, api, operation, parameters);
    }

    /// <summary>The method that builds the request and sends it: <paramref name="declaration"/>, then its body.</summary>
    private static void WriteSendingMethod(SourceWriter writer, ApiSpec api, OperationSpec operation, List<MethodParameter> parameters, string declaration, string send)
    {
        writer.OpenBlock(declaration);
        WriteRequest(writer, api, operation, parameters);
        writer.WriteLine(send);
        writer.CloseBlock();
    }

    /// <summary>Writes <c>var request = new ApiRequest(...)</c> with the operation's security, errors and parameters.</summary>
    internal static void WriteRequest(SourceWriter writer, ApiSpec api, OperationSpec operation, List<MethodParameter> parameters)
    {
        var calls = new List<string>();
        if (!operation.Security.IsEmpty)
        {
            calls.Add($".Security({string.Join(", ", operation.Security.Select(s => $"global::{api.Namespace}.{api.Names.Security}.{s}"))})");
        }

        if (operation.ErrorTableName is { } table)
        {
            calls.Add($".Errors({table})");
        }

        // JSON and stream calls accept what they read on their own; only other lists are written out.
        string? runtimeDefault = operation.Stream is not null ? "text/event-stream" : operation.Response.Kind == ResponseKind.Json ? "application/json" : null;
        if (operation.Accept is { } accept && accept != runtimeDefault)
        {
            calls.Add($".Accept({SpecText.Literal(accept)})");
        }

        foreach (string pair in operation.FixedQuery)
        {
            int equals = pair.IndexOf('=');
            calls.Add($".Query({SpecText.Literal(pair.Substring(0, equals))}, {SpecText.Literal(pair.Substring(equals + 1))})");
        }

        calls.AddRange(parameters.Select(p => p.Call));
        calls.AddRange(OperationParameters.FixedFieldCalls(operation));
        // A literal: the operationId costs the call nothing, and the span carries it when something listens.
        string operationId = operation.OperationId is { } id ? ", " + SpecText.Literal(id) : "";
        string create = $"var request = new {CSharp.Runtime}ApiRequest({SpecText.Literal(operation.HttpMethod)}, {SpecText.Literal(operation.Path)}{operationId})";
        writer.WriteLine(calls.Count == 0 ? create + ";" : create);
        writer.Indent();
        for (int i = 0; i < calls.Count; i++)
        {
            writer.WriteLine(calls[i] + (i == calls.Count - 1 ? ";" : ""));
        }

        writer.Unindent();
    }

    /// <summary>
    /// Writes a method's docs and its <c>[Obsolete]</c>. <see cref="MethodDocs.Full"/> writes the summary, remarks,
    /// parameters and exception; the other forms point at the WithResponse method, which holds them, so an operation's
    /// text stands in the output once.
    /// </summary>
    public static void WriteDocs(SourceWriter writer, OperationSpec operation, IEnumerable<MethodParameter> parameters, MethodDocs docs)
    {
        bool full = docs is MethodDocs.Full or MethodDocs.FullWithResponse;
        if (full)
        {
            string summary = operation.Summary ?? operation.Description ?? $"{operation.HttpMethod} {operation.Path}";
            SpecText.WriteDoc(writer, "summary", summary);
            if (operation.Summary is not null)
            {
                SpecText.WriteDoc(writer, "remarks", operation.Description);
            }
        }
        else
        {
            // Everything but the returns, which describe the response; the parameters too, unless this overload has its own.
            string path = docs == MethodDocs.InheritAll ? "/*/node()[not(self::returns)]" : "/*/node()[not(self::param or self::returns)]";
            writer.WriteLine($"/// <inheritdoc cref=\"{operation.WithResponseName}\" path=\"{path}\"/>");
        }

        if (docs != MethodDocs.InheritAll)
        {
            foreach (MethodParameter parameter in parameters)
            {
                SpecText.WriteDocXml(writer, "param", parameter.DocXml, $" name=\"{parameter.Name}\"");
            }

            writer.WriteLine("/// <param name=\"cancellationToken\">Cancels the request.</param>");
        }

        if (docs == MethodDocs.FullWithResponse)
        {
            writer.WriteLine("/// <returns>The response's status and headers, next to its body.</returns>");
        }

        if (full)
        {
            // One line for both cases: these docs stand on every operation, so their length adds up.
            string declared = operation.Errors.IsEmpty
                ? ""
                : $" ({SpecText.Xml(string.Join(", ", operation.Errors.Select(e => e.Status)))}: typed body)";
            SpecText.WriteDocXml(writer, "exception", $"Not a success status{declared}.", $" cref=\"{CSharp.Runtime}ApiException\"");
        }

        if (operation.IsDeprecated)
        {
            writer.WriteLine("[global::System.Obsolete(\"This operation is deprecated.\")]");
        }
    }

    private static void WriteErrorTable(SourceWriter writer, ApiSpec api, OperationSpec operation, string name)
    {
        string table = CSharp.Runtime + "ApiErrorTable";
        writer.WriteLine($"private static readonly {table} {name} = new {table}()");
        writer.Indent();
        for (int i = 0; i < operation.Errors.Count; i++)
        {
            ErrorResponseSpec error = operation.Errors[i];
            string codec = CSharp.Codec(error.Type, api.Namespace, api.Names.Json);
            writer.WriteLine($".On({SpecText.Literal(error.Status)}, {codec}){(i == operation.Errors.Count - 1 ? ";" : "")}");
        }

        writer.Unindent();
    }

    private static (string ResultType, string ResponseType, string Send) Response(ApiSpec api, ResponseSpec response)
    {
        const string Task = "global::System.Threading.Tasks.Task";
        const string ApiResponse = CSharp.Runtime + "ApiResponse";
        string type = response.Kind switch
        {
            ResponseKind.Json => CSharp.TypeName(response.Type!, api.Namespace),
            ResponseKind.Text => "string",
            ResponseKind.Binary => "global::System.IO.Stream",
            _ => "",
        };
        string send = response.Kind switch
        {
            ResponseKind.Json => $"SendForJsonResponseAsync(request, {CSharp.Codec(response.Type!, api.Namespace, api.Names.Json)}, cancellationToken)",
            ResponseKind.Text => "SendForTextResponseAsync(request, cancellationToken)",
            ResponseKind.Binary => "SendForStreamResponseAsync(request, cancellationToken)",
            _ => "SendForResponseAsync(request, cancellationToken)",
        };
        return type.Length == 0
            ? (Task, $"{Task}<{ApiResponse}>", $"return {Connection}.{send};")
            : ($"{Task}<{type}>", $"{Task}<{ApiResponse}<{type}>>", $"return {Connection}.{send};");
    }
}

/// <summary>Which docs <see cref="OperationEmitter.WriteDocs"/> writes for a method.</summary>
internal enum MethodDocs
{
    /// <summary>All of them, on a method with no WithResponse form: a stream.</summary>
    Full,

    /// <summary>All of them and the returns, on the WithResponse method.</summary>
    FullWithResponse,

    /// <summary>Those of the WithResponse method with the same parameters.</summary>
    InheritAll,

    /// <summary>Those of the WithResponse method, and the overload's own parameters.</summary>
    InheritWithOwnParameters,
}
