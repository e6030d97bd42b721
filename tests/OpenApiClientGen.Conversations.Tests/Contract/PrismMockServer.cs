using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace OpenApiClientGen.Conversations.Tests.Contract;

/// <summary>
/// Stoplight Prism's mock server on 127.0.0.1, serving one of the vendors' published documents. Prism checks each
/// request against the document and names every mismatch in the <c>sl-violations</c> response header.
/// </summary>
/// <remarks>
/// Prism is installed on first use with npm into a folder under the system's temp directory, outside the repository,
/// and reused by later runs.
/// </remarks>
public sealed class PrismMockServer : IAsyncDisposable
{
    public const string Version = "5.16.0";
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);
    private static readonly SemaphoreSlim InstallLock = new(1, 1);
    private readonly Process _process;
    private readonly StringBuilder _output;

    private PrismMockServer(Process process, StringBuilder output, Uri baseAddress)
    {
        _process = process;
        _output = output;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public static string InstallDirectory { get; } = Path.Combine(Path.GetTempPath(), "openapiclientgen-prism-" + Version);

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static async Task<PrismMockServer> StartAsync(string documentPath)
    {
        string prism = await EnsureInstalledAsync();
        int port = FreePort();
        var start = new ProcessStartInfo(prism)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[] { "mock", "--host", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--errors", "false", documentPath })
        {
            start.ArgumentList.Add(argument);
        }

        var output = new StringBuilder();
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = start };
        void Collect(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (output)
            {
                output.AppendLine(line);
            }

            if (line.Contains("Prism is listening", StringComparison.Ordinal))
            {
                listening.TrySetResult();
            }
        }

        process.OutputDataReceived += (_, e) => Collect(e.Data);
        process.ErrorDataReceived += (_, e) => Collect(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new PrismMockServer(process, output, new Uri($"http://127.0.0.1:{port}/"));
        Task exited = process.WaitForExitAsync();
        Task first = await Task.WhenAny(listening.Task, exited, Task.Delay(StartTimeout));
        if (first != listening.Task)
        {
            string log = server.Output;
            await server.DisposeAsync();
            throw new InvalidOperationException($"Prism did not start on {documentPath} within {StartTimeout}:\n{log}");
        }

        return server;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static async Task<string> EnsureInstalledAsync()
    {
        string prism = Path.Combine(InstallDirectory, "node_modules", ".bin", "prism");
        await InstallLock.WaitAsync();
        try
        {
            if (File.Exists(prism))
            {
                return prism;
            }

            Directory.CreateDirectory(InstallDirectory);
            var install = new ProcessStartInfo("npm")
            {
                WorkingDirectory = InstallDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (string argument in new[] { "install", "--prefix", InstallDirectory, "--no-audit", "--no-fund", "--loglevel=error", "@stoplight/prism-cli@" + Version })
            {
                install.ArgumentList.Add(argument);
            }

            using Process process = Process.Start(install) ?? throw new InvalidOperationException("npm did not start.");
            Task<string> stdout = process.StandardOutput.ReadToEndAsync();
            Task<string> stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(InstallTimeout);
            await process.WaitForExitAsync(timeout.Token);
            if (process.ExitCode != 0 || !File.Exists(prism))
            {
                throw new InvalidOperationException($"npm could not install @stoplight/prism-cli@{Version} into {InstallDirectory}:\n{await stdout}\n{await stderr}");
            }

            return prism;
        }
        finally
        {
            InstallLock.Release();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
