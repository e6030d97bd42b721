using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace OpenApiClientGen.Conformance.Tests;

/// <summary>
/// An npm package installed on first use into a folder under the system's temp directory (outside the repository),
/// and node scripts run against it, as the Prism contract tests install Prism.
/// </summary>
public static class NodeSdk
{
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(2);
    private static readonly SemaphoreSlim InstallLock = new(1, 1);

    /// <summary>Null when node and npm are on the PATH; otherwise why the tests that need them are skipped.</summary>
    public static string? Unavailable { get; } = FindOnPath("node") && FindOnPath("npm") ? null : "Needs node and npm on the PATH, which this machine does not have.";

    public static async Task<string> EnsureInstalledAsync(string package, string version)
    {
        string directory = Path.Combine(Path.GetTempPath(), "openapiclientgen-" + package.Replace("@", "").Replace('/', '-') + "-" + version);
        string marker = Path.Combine(directory, "node_modules", package, "package.json");
        await InstallLock.WaitAsync();
        try
        {
            if (File.Exists(marker))
            {
                return directory;
            }

            Directory.CreateDirectory(directory);
            (int code, string output) = await RunAsync("npm", directory, InstallTimeout, "install", "--prefix", directory, "--no-audit", "--no-fund", "--loglevel=error", package + "@" + version);
            if (code != 0 || !File.Exists(marker))
            {
                throw new InvalidOperationException($"npm could not install {package}@{version} into {directory}:\n{output}");
            }

            return directory;
        }
        finally
        {
            InstallLock.Release();
        }
    }

    /// <summary>Runs <paramref name="script"/> (an ES module) with node in <paramref name="directory"/>.</summary>
    public static async Task<string> RunScriptAsync(string directory, string script, params string[] arguments)
    {
        string path = Path.Combine(directory, "conformance-" + Guid.NewGuid().ToString("N") + ".mjs");
        await File.WriteAllTextAsync(path, script);
        try
        {
            string[] all = new string[arguments.Length + 1];
            all[0] = path;
            arguments.CopyTo(all, 1);
            (int code, string output) = await RunAsync("node", directory, RunTimeout, all);
            if (code != 0)
            {
                throw new InvalidOperationException($"node failed ({code}):\n{output}");
            }

            return output;
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static async Task<(int Code, string Output)> RunAsync(string program, string directory, TimeSpan timeout, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException(program + " did not start.");
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} did not finish within {timeout}.");
        }

        return (process.ExitCode, await stdout + await stderr);
    }

    private static bool FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Any(directory => directory.Length > 0 && File.Exists(Path.Combine(directory, program)));
}
