using System.Buffers;

namespace OpenApiClientGen.Runtime;

/// <summary>
/// A response body that HttpClient has buffered already, read into an array from the shared pool instead of a copy
/// of its own, for a reader that is done with the bytes before the call returns. <see cref="Return"/> gives the array
/// back, cleared, since a body may hold what its caller would not leave lying in a pool.
/// </summary>
internal readonly struct BufferedBody
{
    private readonly byte[]? _rented;
    private readonly byte[] _bytes;
    private readonly int _length;

    private BufferedBody(byte[] bytes, int length, bool rented)
    {
        _bytes = bytes;
        _length = length;
        _rented = rented ? bytes : null;
    }

    public ReadOnlySpan<byte> Span => _bytes.AsSpan(0, _length);

    public static async Task<BufferedBody> ReadAsync(HttpContent? content, CancellationToken cancellationToken)
    {
        if (content is null)
        {
            return new BufferedBody(Array.Empty<byte>(), 0, rented: false);
        }
#if NET
        Stream stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
        Stream stream = await content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
        using (stream)
        {
            // A buffered body is a memory stream over HttpClient's own buffer; anything else is read the plain way.
            if (stream is not MemoryStream memory || memory.Length > int.MaxValue)
            {
                byte[] copied = await content.ReadAsByteArrayAsync().ConfigureAwait(false);
                return new BufferedBody(copied, copied.Length, rented: false);
            }

            int length = (int)(memory.Length - memory.Position);
            byte[] rented = ArrayPool<byte>.Shared.Rent(Math.Max(length, 1));
            int read = 0;
            while (read < length && memory.Read(rented, read, length - read) is int n and > 0)
            {
                read += n;
            }

            return new BufferedBody(rented, read, rented: true);
        }
    }

    public void Return()
    {
        if (_rented is not null)
        {
            ArrayPool<byte>.Shared.Return(_rented, clearArray: true);
        }
    }
}
