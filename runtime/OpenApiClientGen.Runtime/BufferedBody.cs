using System.Buffers;

namespace OpenApiClientGen.Runtime;

/// <summary>
/// A response body read whole into an array from the shared pool instead of into HttpClient's buffer and then a copy,
/// for a reader that is done with the bytes before the call returns. <see cref="Return"/> gives the array back,
/// cleared, since a body may hold what its caller would not leave lying in a pool.
/// </summary>
internal readonly struct BufferedBody
{
    private const int UnknownLengthFirstSize = 4096;

    private readonly byte[]? _rented;
    private readonly int _length;

    private BufferedBody(byte[] rented, int length)
    {
        _rented = rented;
        _length = length;
    }

    public ReadOnlySpan<byte> Span => _rented.AsSpan(0, _length);

    /// <summary>
    /// Reads the body to its end, or fails as HttpContent does once it passes <paramref name="limit"/> bytes: with an
    /// <see cref="HttpRequestException"/> that has no inner exception.
    /// </summary>
    public static async Task<BufferedBody> ReadAsync(HttpContent? content, long limit, CancellationToken cancellationToken)
    {
        if (content is null)
        {
            return default;
        }
#if NET
        Stream stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
        Stream stream = await content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
        using (stream)
        {
            // One byte past a declared length, so that the read which finds the end needs no larger array.
            long declared = content.Headers.ContentLength ?? UnknownLengthFirstSize - 1;
            byte[] rented = ArrayPool<byte>.Shared.Rent((int)Math.Min(Math.Min(declared, limit) + 1, int.MaxValue - 64));
            int length = 0;
            try
            {
                while (true)
                {
                    if (length == rented.Length)
                    {
                        rented = Grow(rented, length);
                    }

                    // Never more than one byte past the limit, which is enough to tell that the body is longer.
                    int wanted = (int)Math.Min(rented.Length - length, limit + 1 - length);
                    int read = await stream.ReadAsync(rented, length, wanted, cancellationToken).ConfigureAwait(false);
                    if (read == 0)
                    {
                        return new BufferedBody(rented, length);
                    }

                    length += read;
                    if (length > limit)
                    {
                        throw new HttpRequestException($"The response body is longer than the buffer limit of {limit} bytes.");
                    }
                }
            }
            catch
            {
                Give(rented, length);
                throw;
            }
        }
    }

    private static byte[] Grow(byte[] rented, int length)
    {
        if (rented.Length >= int.MaxValue - 64)
        {
            throw new HttpRequestException("The response body is longer than an array can hold.");
        }

        byte[] larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(2L * rented.Length, int.MaxValue - 64));
        rented.AsSpan(0, length).CopyTo(larger);
        Give(rented, length);
        return larger;
    }

    private static void Give(byte[] rented, int length)
    {
        rented.AsSpan(0, length).Clear();
        ArrayPool<byte>.Shared.Return(rented);
    }

    public void Return()
    {
        if (_rented is not null)
        {
            Give(_rented, _length);
        }
    }
}
