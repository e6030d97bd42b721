using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics.Tracing;
using System.Linq;

namespace PeerBenchmarks;

/// <summary>
/// Samples the runtime's allocation ticks (one about every 100 KB allocated) by type, to tell where the bytes of a
/// call go without a profiler.
/// </summary>
internal sealed class AllocationTicks : EventListener
{
    private const int GCKeyword = 0x1;
    private readonly ConcurrentDictionary<string, int> _ticks = new();
    private volatile bool _counting;

    public void Start()
    {
        _ticks.Clear();
        _counting = true;
    }

    public IReadOnlyList<KeyValuePair<string, int>> Stop()
    {
        _counting = false;
        return _ticks.OrderByDescending(t => t.Value).Take(12).ToList();
    }

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(source, EventLevel.Verbose, (EventKeywords)GCKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (_counting && e.EventName is "GCAllocationTick_V4" or "GCAllocationTick_V3" && e.Payload is { } payload)
        {
            int index = e.PayloadNames!.IndexOf("TypeName");
            string type = index >= 0 ? payload[index] as string ?? "?" : "?";
            _ticks.AddOrUpdate(type, 1, static (_, n) => n + 1);
        }
    }
}
