using System;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace OpenApiClientGen.Runtime.Tests.Bounds;

/// <summary>
/// The largest live managed heap seen while a read runs, above what was live before it: each sample is a full
/// collection, so it counts what is reachable then, not garbage. Samples are taken where the test calls
/// <see cref="Sample"/> (inside the body's reads) or every few milliseconds from a background loop.
/// </summary>
internal sealed class PeakHeap : IAsyncDisposable
{
    private readonly long _baseline;
    private readonly CancellationTokenSource? _stop;
    private readonly Task? _loop;
    private long _peak;

    private PeakHeap(bool background)
    {
        _baseline = GC.GetTotalMemory(forceFullCollection: true);
        _peak = _baseline;
        if (background)
        {
            _stop = new CancellationTokenSource();
            CancellationToken stop = _stop.Token;
            _loop = Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    Sample();
                    await Task.Delay(2, CancellationToken.None);
                }
            });
        }
    }

    /// <summary>The peak above the baseline, in bytes.</summary>
    public long Growth => Interlocked.Read(ref _peak) - _baseline;

    public static PeakHeap Measure(bool background = false) => new(background);

    public void Sample()
    {
        long now = GC.GetTotalMemory(forceFullCollection: true);
        long seen;
        while (now > (seen = Interlocked.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, now, seen) != seen)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stop?.Cancel();
        if (_loop is not null)
        {
            await _loop;
        }

        _stop?.Dispose();
    }
}

/// <summary>Peak heap tests measure the whole process, so they run while no other test allocates.</summary>
[CollectionDefinition(nameof(PeakHeapCollection), DisableParallelization = true)]
public sealed class PeakHeapCollection;
