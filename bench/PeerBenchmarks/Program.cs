using System;
using System.Threading.Tasks;
using BenchmarkDotNet.Running;

namespace PeerBenchmarks;

public static class Program
{
    public static async Task Main(string[] args)
    {
        if (args is ["--allocations", ..])
        {
            await AllocationProbe.RunAsync();
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
