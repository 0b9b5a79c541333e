using System.Diagnostics;
using Google.Protobuf;
using Grader.Contracts.V1;

namespace Grader.Cli.Tests;

/// <summary>Runs the built <c>grader</c> command as a user would, and captures what it prints.</summary>
internal static class GraderProcess
{
    public static string RepositoryRoot => RepositoryPaths.Root;

    public static async Task<(int ExitCode, string StdOut, string StdErr)> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepositoryRoot };
        start.ArgumentList.Add(RepositoryPaths.BuiltBeside("Grader.Cli", "grader.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var bound = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(bound.Token);
        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Grades with --json and parses the proto3 JSON result.</summary>
    public static async Task<GradingResult> GradeAsync(string source, params string[] extra)
    {
        var (exit, stdout, stderr) = await RunAsync(["grade", source, "--exercise", "mlp-vs-cnn", "--json", .. extra]);
        Assert.True(exit == 0, $"exit {exit}: {stderr}\n{stdout}");
        return JsonParser.Default.Parse<GradingResult>(stdout);
    }

    public static string Sample(string name) => Path.Combine(RepositoryRoot, "content", "exercises", "mlp-vs-cnn", "samples", name, "Solution.cs");

    public static string Reference => Path.Combine(RepositoryRoot, "content", "exercises", "mlp-vs-cnn", "reference", "Solution.cs");
}
