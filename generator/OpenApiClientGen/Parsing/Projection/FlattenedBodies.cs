using System.Collections.Generic;
using System.Linq;
using OpenApiClientGen.Model;

namespace OpenApiClientGen.Parsing;

/// <summary>
/// Decides, for each operation with a required JSON object body, which members its flattened overload takes and the
/// parameter name of each, so that the emitter only spells them: required members first, then optional ones; never a
/// member the schema fixes, a read-only one, a deprecated optional one or the <c>stream</c> flag.
/// </summary>
internal static class FlattenedBodies
{
    /// <summary>Past this many members the overload would be longer than the model is readable; callers build the body.</summary>
    public const int MaxMembers = 30;

    public static EquatableArray<OperationSpec> Of(EquatableArray<OperationSpec> operations, IReadOnlyList<TypeDeclaration> types)
    {
        var models = new Dictionary<string, ObjectTypeSpec>(StringComparer.Ordinal);
        foreach (ObjectTypeSpec model in types.OfType<ObjectTypeSpec>())
        {
            if (!models.ContainsKey(model.Name))
            {
                models.Add(model.Name, model);
            }
        }

        return operations.Select(o => ModelOf(o, models) is { } model ? o with { Flattened = Flatten(o, model) } : o).ToEquatableArray();
    }

    private static ObjectTypeSpec? ModelOf(OperationSpec operation, Dictionary<string, ObjectTypeSpec> models) =>
        operation.Body is { Kind: BodyKind.Json, IsRequired: true, Type: { Kind: TypeKind.Declared, IsValueType: false } type }
        && models.TryGetValue(type.Name, out ObjectTypeSpec? model) && model is { Properties.Count: > 0 and <= MaxMembers }
            ? model
            : null;

    private static FlattenedBodySpec Flatten(OperationSpec operation, ObjectTypeSpec model)
    {
        var names = new UniqueNameScope(operation.Parameters.Select(p => p.Name).Concat(new[] { "cancellationToken", "body" }));
        EquatableArray<FlattenedMemberSpec> members = model.Properties
            .Where(p => p.Presence == Presence.Always || !p.IsDeprecated)
            .Where(p => p.FixedBoolean is null && p.ConstValue is null && !p.IsStreamFlag && p.Access != MemberAccess.ReadOnly)
            .OrderBy(p => p.Presence == Presence.Always ? 0 : 1)
            .Select(p => new FlattenedMemberSpec { Property = p.Name, Parameter = names.Reserve(Identifiers.ToCamelCase(p.Name)) })
            .ToEquatableArray();
        return new FlattenedBodySpec { Model = model.Name, Members = members };
    }
}
