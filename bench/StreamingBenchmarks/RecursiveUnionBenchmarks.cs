using System;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using OpenApiClientGen.Runtime;
using OpenApiClientGen.Runtime.Tests.RecursiveUnion;

namespace StreamingBenchmarks;

/// <summary>
/// Reads an untagged recursive union, <c>Node = oneOf[Left{child: Node, flag: boolean}, Right{child: Node, flag: string}]</c>,
/// whose two variants fit every level equally well by their members, with the runtime's codecs written as the generator
/// writes them (tests/OpenApiClientGen.Runtime.Tests/Models/RecursiveNode.cs, shared with the tests). <c>LeafFitsNoVariant</c> is nested objects around a number, which no variant takes, so every level
/// fails both ways; <c>EveryLevelIsTheSecondVariant</c> is valid, but each level fails as Left only at its flag, after
/// its child was read. Judged anew each time a variant is tried, both would cost 2^depth reads.
/// </summary>
[MemoryDiagnoser]
public class RecursiveUnionBenchmarks
{
    private byte[] _noVariant = Array.Empty<byte>();
    private byte[] _secondVariant = Array.Empty<byte>();

    [Params(20, 30)]
    public int Depth { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _noVariant = Encoding.UTF8.GetBytes(RecursiveUnionCodecs.LeafThatFitsNoVariant(Depth));
        _secondVariant = Encoding.UTF8.GetBytes(RecursiveUnionCodecs.EveryLevelTheSecondVariant(Depth));
    }

    [Benchmark]
    public int LeafFitsNoVariant()
    {
        try
        {
            JsonCodecs.Deserialize(_noVariant, RecursiveUnionCodecs.Node);
            throw new InvalidOperationException("The body was expected to fit no variant.");
        }
        catch (JsonException ex)
        {
            return ex.Message.Length;
        }
    }

    [Benchmark]
    public object EveryLevelIsTheSecondVariant() => JsonCodecs.Deserialize(_secondVariant, RecursiveUnionCodecs.Node).Value;
}
