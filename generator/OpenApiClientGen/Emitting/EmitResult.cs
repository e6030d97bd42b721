namespace OpenApiClientGen.Emitting;

/// <summary>The files written for one spec, or the reason none could be.</summary>
internal sealed record EmitResult(EquatableArray<GeneratedFile> Files, DiagnosticInfo? Error)
{
    public static EmitResult From(ModelResult model)
    {
        if (model.Api is null)
        {
            return new EmitResult(EquatableArray<GeneratedFile>.Empty, null);
        }

        try
        {
            return new EmitResult(SourceEmitter.Emit(model.Api), null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new EmitResult(
                EquatableArray<GeneratedFile>.Empty,
                DiagnosticInfo.Create(DiagnosticDescriptors.InternalError.Id, SpecLocation.AtFileStart(model.Options.FilePath), ex.GetType().Name, ex.Message));
        }
    }
}
