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

    /// <summary>The runner's environment, identical with and without the sandbox: nothing of ours leaks in.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Environment =>
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
}
