using Google.Protobuf;
using Grader.Contracts.Runner.V1;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Grader.Sandbox.Tests.Grading;

/// <summary>
/// A stand-in for Grader.Runner that writes a fixed sequence of events to the job's pipe and exits with a chosen
/// code: what a runner taken over by learner code could do. It runs in the real sandbox through the real launcher,
/// so the tests see exactly what the host believes of such a runner.
/// </summary>
internal sealed class ForgedRunner : IDisposable
{
    private ForgedRunner(string directory) => Directory = directory;

    public string Directory { get; }

    public string Path => System.IO.Path.Combine(Directory, "Forged.dll");

    public static ForgedRunner Write(int exitCode, params RunnerEvent[] events)
    {
        using var stream = new MemoryStream();
        foreach (var runnerEvent in events)
        {
            runnerEvent.WriteDelimitedTo(stream);
        }

        var source = $$"""
            using System;
            using System.IO;

            public static class Program
            {
                public static int Main(string[] args)
                {
                    var events = Convert.FromBase64String("{{Convert.ToBase64String(stream.ToArray())}}");
                    using (var pipe = new FileStream(Path.Combine(args[1], "events.pipe"), FileMode.Open, FileAccess.Write))
                    {
                        pipe.Write(events, 0, events.Length);
                    }

                    return {{exitCode}};
                }
            }
            """;
        var compilation = CSharpCompilation.Create(
            "Forged",
            [CSharpSyntaxTree.ParseText(source)],
            ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(System.IO.Path.PathSeparator).Select(p => MetadataReference.CreateFromFile(p)),
            new CSharpCompilationOptions(OutputKind.ConsoleApplication));
        var runner = new ForgedRunner(System.IO.Directory.CreateDirectory(System.IO.Path.Combine(System.IO.Path.GetTempPath(), "grader-forged-" + Guid.NewGuid().ToString("N"))).FullName);
        var emitted = compilation.Emit(runner.Path);
        if (!emitted.Success)
        {
            throw new InvalidOperationException(string.Join(Environment.NewLine, emitted.Diagnostics));
        }

        File.WriteAllText(
            System.IO.Path.Combine(runner.Directory, "Forged.runtimeconfig.json"),
            System.Text.Json.JsonSerializer.Serialize(new
            {
                runtimeOptions = new
                {
                    tfm = $"net{Environment.Version.Major}.0",
                    framework = new { name = "Microsoft.NETCore.App", version = $"{Environment.Version.Major}.0.0" },
                },
            }));
        return runner;
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
