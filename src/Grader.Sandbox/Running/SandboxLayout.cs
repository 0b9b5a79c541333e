using System.Globalization;

namespace Grader.Sandbox.Running;

/// <summary>Host paths the runner needs, resolved and checked before a run starts.</summary>
/// <param name="Dotnet">The real dotnet host executable (no symlinks).</param>
/// <param name="RunnerDirectory">The directory holding Grader.Runner.dll and its dependencies.</param>
/// <param name="RunnerFileName">Usually Grader.Runner.dll.</param>
/// <param name="JobDirectory">This run's job directory.</param>
/// <param name="ReadOnlyMounts">Extra host paths visible read-only at the same path.</param>
internal sealed record SandboxLayout(string Dotnet, string RunnerDirectory, string RunnerFileName, string JobDirectory, IReadOnlyList<string> ReadOnlyMounts)
{
    public string DotnetRoot => Path.GetDirectoryName(Dotnet)!;

    /// <summary>System library files bound read-only (host file, path inside); see <see cref="Isolation.SystemLibraries"/>.</summary>
    public IReadOnlyList<(string Source, string Destination)> Libraries { get; init; } = [];

    /// <summary>The size of the private /tmp; null leaves it to tmpfs (half the host's memory).</summary>
    public long? TmpSizeBytes { get; init; }

    /// <summary>The .NET GC's hard heap limit, so managed allocations fail before the cgroup's limit kills the tree.</summary>
    public long? GcHeapLimitBytes { get; init; }

    /// <summary>The descriptor bubblewrap reads the seccomp program from, if one is installed.</summary>
    public int? SeccompDescriptor { get; init; }

    /// <summary>What runs inside; null: the runner on <c>/job</c>. Tests run probes under the same sandbox.</summary>
    public IReadOnlyList<string>? Command { get; init; }

    /// <summary>The runner's environment, identical with and without the sandbox: nothing of ours leaks in.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Environment
    {
        get
        {
            List<KeyValuePair<string, string>> variables =
            [
                new("DOTNET_ROOT", DotnetRoot),
                new("DOTNET_CLI_TELEMETRY_OPTOUT", "1"),
                new("DOTNET_NOLOGO", "1"),
                // No diagnostic IPC socket: nothing should attach to the runner, and it saves start-up work.
                new("DOTNET_EnableDiagnostics", "0"),
                new("DOTNET_gcServer", "0"),
                new("HOME", "/tmp"),
                new("TMPDIR", "/tmp"),
            ];
            if (GcHeapLimitBytes is { } limit)
            {
                variables.Add(new("DOTNET_GCHeapHardLimit", "0x" + limit.ToString("X", CultureInfo.InvariantCulture)));
            }

            return variables;
        }
    }
}
