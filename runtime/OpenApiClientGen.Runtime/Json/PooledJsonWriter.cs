using System.Buffers;

namespace OpenApiClientGen.Runtime;

/// <summary>
/// Writes one value as UTF-8 JSON into an array rented from the shared pool and hands back a copy of exactly the
/// bytes written, so that a request body costs one array, its own, as <c>JsonSerializer.SerializeToUtf8Bytes</c> does.
/// </summary>
/// <remarks>
/// The <see cref="Utf8JsonWriter"/> and this buffer are kept one per thread and taken out while in use: a codec that
/// writes another value inside its own <c>Write</c> gets a fresh pair. The rented array goes back to the pool after
/// every value, cleared of what was written, since a body may hold what its caller would not leave lying in a pool,
/// and so that one large body does not keep a large array alive on its thread.
/// </remarks>
internal sealed class PooledJsonWriter : IBufferWriter<byte>
{
    private const int FirstSize = 256;

    [ThreadStatic]
    private static PooledJsonWriter? s_free;

    private readonly Utf8JsonWriter _writer;
    private byte[] _array = Array.Empty<byte>();
    private int _written;

    private PooledJsonWriter() => _writer = new Utf8JsonWriter(this);

    public static byte[] Write<T>(T value, JsonConverter<T> codec, JsonSerializerOptions options) =>
        Write((Value: value, Codec: codec, Options: options), static (writer, state) => state.Codec.Write(writer, state.Value, state.Options));

    /// <summary>The bytes <paramref name="write"/> writes, given <paramref name="state"/>.</summary>
    public static byte[] Write<TState>(TState state, Action<Utf8JsonWriter, TState> write) => Write(state, write, static (written, _) => written.ToArray());

    /// <summary>
    /// What <paramref name="copy"/> makes of the bytes <paramref name="write"/> writes, given <paramref name="state"/>;
    /// the bytes are only lent to it, so it copies what it keeps.
    /// </summary>
    public static byte[] Write<TState>(TState state, Action<Utf8JsonWriter, TState> write, WrittenBytes<TState> copy)
    {
        PooledJsonWriter buffer = s_free ?? new PooledJsonWriter();
        s_free = null;
        try
        {
            buffer._writer.Reset(buffer);
            write(buffer._writer, state);
            buffer._writer.Flush();
            return copy(buffer._array.AsSpan(0, buffer._written), state);
        }
        finally
        {
            buffer.Release();
            s_free = buffer;
        }
    }

    public void Advance(int count) => _written += count;

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _array.AsMemory(_written);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _array.AsSpan(_written);
    }

    private void Ensure(int sizeHint)
    {
        int needed = _written + Math.Max(sizeHint, 1);
        if (needed <= _array.Length)
        {
            return;
        }

        byte[] larger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, Math.Max(FirstSize, _array.Length * 2)));
        _array.AsSpan(0, _written).CopyTo(larger);
        GiveBack(_array, _written);
        _array = larger;
    }

    private void Release()
    {
        GiveBack(_array, _written);
        _array = Array.Empty<byte>();
        _written = 0;
    }

    private static void GiveBack(byte[] array, int written)
    {
        if (array.Length > 0)
        {
            array.AsSpan(0, written).Clear();
            ArrayPool<byte>.Shared.Return(array);
        }
    }
}

/// <summary>An array made from bytes that are only lent for the call, and the state they were written from.</summary>
internal delegate byte[] WrittenBytes<in TState>(ReadOnlySpan<byte> written, TState state);
