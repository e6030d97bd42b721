using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json.Serialization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Emit;
using OpenApiClientGen.Runtime;

namespace OpenApiClientGen.Tests.Infrastructure;

/// <summary>
/// A generator run's compiled output, loaded into a collectible context so tests can call the generated codecs and
/// any probe code compiled beside them. The runtime library is shared with the test, so its types line up.
/// </summary>
public sealed class GeneratedAssembly : IDisposable
{
    private readonly AssemblyLoadContext _context;

    private GeneratedAssembly(AssemblyLoadContext context, Assembly assembly)
    {
        _context = context;
        Assembly = assembly;
    }

    public Assembly Assembly { get; }

    public static GeneratedAssembly Load(GeneratorRun run)
    {
        using var image = new MemoryStream();
        EmitResult result = run.Output.Emit(image);
        if (!result.Success)
        {
            throw new InvalidOperationException("The generated code does not compile:" + Environment.NewLine + run.Describe(result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        }

        image.Position = 0;
        var context = new AssemblyLoadContext("generated-" + Guid.NewGuid().ToString("N"), isCollectible: true);
        return new GeneratedAssembly(context, context.LoadFromStream(image));
    }

    /// <summary>Calls a public static method of the probe code compiled with the generated code.</summary>
    public object? Call(string typeName, string methodName, params object?[] arguments)
    {
        Type type = Assembly.GetType(typeName, throwOnError: true)!;
        MethodInfo method = type.GetMethod(methodName, BindingFlags.Public | BindingFlags.Static) ?? throw new MissingMethodException(typeName, methodName);
        try
        {
            return method.Invoke(null, arguments);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
            throw;
        }
    }

    /// <summary>The generated codec <c>{jsonContext}.{codecName}</c>, e.g. <c>Vendor.VendorClientJson.Pet</c>.</summary>
    public object Codec(string jsonContext, string codecName)
    {
        Type context = Assembly.GetType(jsonContext, throwOnError: true)!;
        FieldInfo field = context.GetField(codecName, BindingFlags.Public | BindingFlags.Static) ?? throw new MissingFieldException(jsonContext, codecName);
        return field.GetValue(null)!;
    }

    /// <summary>The codec the generated code uses for <paramref name="type"/>; <paramref name="allowNull"/> wraps value types as nullable.</summary>
    internal object CodecFor(OpenApiClientGen.Model.TypeRef type, string jsonContext, bool allowNull = false)
    {
        object codec = type.Kind switch
        {
            OpenApiClientGen.Model.TypeKind.Declared => Codec(jsonContext, type.Name),
            OpenApiClientGen.Model.TypeKind.Array => Compose(nameof(JsonCodecs.List), CodecFor(type.Element!, jsonContext)),
            OpenApiClientGen.Model.TypeKind.Map => Compose(nameof(JsonCodecs.Map), CodecFor(type.Element!, jsonContext)),
            _ => typeof(JsonCodecs).GetProperty(type.Codec, BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!,
        };

        return allowNull && ValueTypeOf(codec.GetType()).IsValueType ? Compose(nameof(JsonCodecs.Nullable), codec) : codec;
    }

    private static object Compose(string factory, object inner)
    {
        MethodInfo method = typeof(JsonCodecs).GetMethod(factory, BindingFlags.Public | BindingFlags.Static)!.MakeGenericMethod(ValueTypeOf(inner.GetType()));
        return method.Invoke(null, new[] { inner })!;
    }

    /// <summary>Reads <paramref name="json"/> with the codec and writes the value back.</summary>
    public string RoundTrip(object codec, string json)
    {
        Type valueType = ValueTypeOf(codec.GetType());
        MethodInfo roundTrip = typeof(GeneratedAssembly).GetMethod(nameof(RoundTripTyped), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(valueType);
        try
        {
            return (string)roundTrip.Invoke(null, new[] { codec, json })!;
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
            throw;
        }
    }

    public void Dispose() => _context.Unload();

    private static string RoundTripTyped<T>(JsonConverter<T> codec, string json) => JsonCodecs.Serialize(JsonCodecs.Deserialize(json, codec), codec);

    private static Type ValueTypeOf(Type codecType)
    {
        for (Type? type = codecType; type is not null; type = type.BaseType)
        {
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(JsonConverter<>))
            {
                return type.GetGenericArguments()[0];
            }
        }

        throw new ArgumentException(codecType + " is not a JsonConverter<T>.");
    }
}
