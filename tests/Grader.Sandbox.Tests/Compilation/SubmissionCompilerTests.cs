using System.Diagnostics;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Runtime.Loader;
using Grader.Sandbox.Compilation;
using Grader.Sdk;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace Grader.Sandbox.Tests.Compilation;

public sealed class SubmissionCompilerTests(ITestOutputHelper output)
{
    private static readonly SubmissionCompiler Compiler = new(Options.Create(new SubmissionCompilerOptions()), TimeProvider.System);

    [Fact]
    public void Compile_LessonSolution_Succeeds()
    {
        var result = Compiler.Compile([new SourceFile("Solution.cs", LearnerSources.LessonSolution)]);

        Assert.True(result.Succeeded, Describe(result));
        Assert.NotNull(result.Assembly);
        Assert.Empty(result.Errors);
    }

    [Fact]
    public void Compile_CustomModuleWithBaseLibrary_Succeeds()
    {
        var result = Compiler.Compile([new SourceFile("Solution.cs", LearnerSources.CustomModuleSolution)]);

        Assert.True(result.Succeeded, Describe(result));
        Assert.Empty(result.Errors);
    }

    [Fact]
    public void Compile_CustomAutogradFunction_OverridesItsOwnMembers()
    {
        const string source = """
            using System.Collections.Generic;
            using TorchSharp;
            using static TorchSharp.torch;

            public sealed class Square : autograd.SingleTensorFunction<Square>
            {
                public override string Name => "square";

                public override Tensor forward(autograd.AutogradContext ctx, params object[] vars)
                {
                    var input = (Tensor)vars[0];
                    ctx.save_for_backward([input]);
                    return input * input;
                }

                public override List<Tensor> backward(autograd.AutogradContext ctx, Tensor gradOutput) =>
                    [gradOutput * 2 * ctx.get_saved_variables()[0]];
            }
            """;

        var result = Compiler.Compile([new SourceFile("Square.cs", source)]);

        Assert.True(result.Succeeded, Describe(result));
    }

    [Fact]
    public void Compile_LessonSolution_AssemblyExposesSdkImplementation()
    {
        var result = Compiler.Compile([new SourceFile("Solution.cs", LearnerSources.LessonSolution)]);
        Assert.True(result.Succeeded, Describe(result));

        // Loading and inspecting types runs no learner code: the policy forbids module initialisers and static constructors.
        var context = new AssemblyLoadContext("compile-test", isCollectible: true);
        try
        {
            var assembly = context.LoadFromStream(new MemoryStream(result.Assembly!));
            var solution = Assert.Single(assembly.GetExportedTypes(), t => typeof(IMlpVsCnn).IsAssignableFrom(t));
            Assert.Equal("Learner.Solution", solution.FullName);
            Assert.StartsWith("Submission-", assembly.GetName().Name, StringComparison.Ordinal);
        }
        finally
        {
            context.Unload();
        }
    }

    [Fact]
    public void Compile_SameSourceTwice_GivesDistinctAssemblyNames()
    {
        var first = Compiler.Compile([new SourceFile("Solution.cs", LearnerSources.LessonSolution)]);
        var second = Compiler.Compile([new SourceFile("Solution.cs", LearnerSources.LessonSolution)]);

        Assert.NotEqual(AssemblyName(first), AssemblyName(second));
    }

    [Fact]
    public void Compile_TwoFiles_ResolvesAcrossFilesAndReportsEachFile()
    {
        const string model = """
            using TorchSharp;
            using static TorchSharp.torch;
            namespace Learner;
            internal static class Blocks
            {
                public static nn.Module<Tensor, Tensor> Head(long inputs) => nn.Linear(inputs, 10);
            }
            """;
        const string solution = """
            using Grader.Sdk;
            using static TorchSharp.torch;
            namespace Learner;
            public sealed class Solution : IMlpVsCnn
            {
                public nn.Module<Tensor, Tensor> BuildMlp() => nn.Sequential(("flat", nn.Flatten()), ("head", Blocks.Head(3072)));
                public nn.Module<Tensor, Tensor> BuildCnn() => nn.Sequential(("conv", nn.Conv2d(3, 4, 3)), ("flat", nn.Flatten()), ("head", Blocks.Head(3600)));
                public int Broken() => "text";
            }
            """;

        var result = Compiler.Compile([new SourceFile("Blocks.cs", model), new SourceFile("Solution.cs", solution)]);

        var error = Assert.Single(result.Errors);
        Assert.Equal(("CS0029", "Solution.cs", 8, 28), (error.Id, error.File, error.Line, error.Column));
    }

    [Fact]
    public void Compile_SyntaxError_ReportsOneBasedLineAndColumn()
    {
        const string source = """
            public sealed class Solution
            {
                public int Value() => 1 +;
            }
            """;

        var result = Compiler.Compile([new SourceFile("Broken.cs", source)]);

        Assert.False(result.Succeeded);
        Assert.Null(result.Assembly);
        var error = Assert.Single(result.Errors);
        Assert.Equal(("CS1525", "Broken.cs", 3, 30), (error.Id, error.File, error.Line, error.Column));
        Assert.Contains(";", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_FileReadAllText_RejectedAtTheCall()
    {
        const string source = """
            public static class Probe
            {
                public static string Steal() =>
                    System.IO.File.ReadAllText("/etc/passwd");
            }
            """;

        var result = Compiler.Compile([new SourceFile("Probe.cs", source)]);

        Assert.False(result.Succeeded);
        Assert.Null(result.Assembly);
        var error = Assert.Single(result.Errors);
        Assert.Equal((CompileDiagnosticIds.FileSystem, "Probe.cs", 4, 24), (error.Id, error.File, error.Line, error.Column));
        Assert.Equal("System.IO.File.ReadAllText is not allowed: file system access.", error.Message);
    }

    [Fact]
    public void Compile_LineDirective_DoesNotMoveDiagnostics()
    {
        const string source = """
            public static class Probe
            {
            #line 900 "elsewhere.cs"
                public static void Stop() => System.GC.Collect();
            }
            """;

        var result = Compiler.Compile([new SourceFile("Probe.cs", source)]);

        var error = Assert.Single(result.Errors);
        Assert.Equal((CompileDiagnosticIds.RuntimeEnvironment, "Probe.cs", 4), (error.Id, error.File, error.Line));
    }

    [Fact]
    public void Compile_NullableWarning_ReportedWithoutFailing()
    {
        const string source = """
            public sealed class Holder
            {
                public string Name;
            }
            """;

        var result = Compiler.Compile([new SourceFile("Holder.cs", source)]);

        Assert.True(result.Succeeded, Describe(result));
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal((CompileDiagnostic.Warning, "CS8618", 3), (warning.Severity, warning.Id, warning.Line));
    }

    [Fact]
    public void Compile_UnsafeBlock_RejectedByCompilerAndPolicy()
    {
        var result = Compiler.Compile([new SourceFile("Probe.cs", LearnerSources.InMethod("unsafe { int x = 1; int* p = &x; }"))]);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Id == "CS0227");
        Assert.Contains(result.Errors, e => e.Id == CompileDiagnosticIds.UnsafeCode && e.Line == LearnerSources.StatementLine);
    }

    [Fact]
    public void Compile_TimeoutAlreadyExpired_ReportsCompileTimeout()
    {
        var compiler = new SubmissionCompiler(Options.Create(new SubmissionCompilerOptions()), new ExpiredTimeProvider());

        var result = compiler.Compile([new SourceFile("Solution.cs", LearnerSources.LessonSolution)]);

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.Equal(CompileDiagnosticIds.CompileTimeout, error.Id);
        Assert.Contains("took too long", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_CallerCancels_Throws()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(
            () => Compiler.Compile([new SourceFile("Solution.cs", LearnerSources.LessonSolution)], cancelled.Token));
    }

    [Fact]
    public void Constructor_InvalidOptions_Throws()
    {
        var options = Options.Create(new SubmissionCompilerOptions { MaxFiles = 0, Timeout = TimeSpan.Zero });

        var error = Assert.Throws<OptionsValidationException>(() => new SubmissionCompiler(options, TimeProvider.System));

        Assert.Equal(2, error.Failures.Count());
    }

    [Fact]
    public void Compile_LessonSolution_PrintsColdAndWarmTimes()
    {
        // Timings are printed for the record, never asserted: this machine's load varies.
        var files = new[] { new SourceFile("Solution.cs", LearnerSources.CustomModuleSolution) };
        var watch = Stopwatch.StartNew();
        var first = Compiler.Compile(files);
        var firstMs = watch.Elapsed.TotalMilliseconds;
        var warm = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            watch.Restart();
            Compiler.Compile(files);
            warm.Add(watch.Elapsed.TotalMilliseconds);
        }

        Assert.True(first.Succeeded, Describe(first));
        output.WriteLine($"first compile in this process: {firstMs:0} ms; warm: {string.Join(", ", warm.Select(ms => ms.ToString("0", System.Globalization.CultureInfo.InvariantCulture)))} ms");
    }

    private static string AssemblyName(CompileResult result)
    {
        using var image = new PEReader(new MemoryStream(result.Assembly!));
        var reader = image.GetMetadataReader();
        return reader.GetString(reader.GetAssemblyDefinition().Name);
    }

    internal static string Describe(CompileResult result) => string.Join(Environment.NewLine, result.Diagnostics);
}
