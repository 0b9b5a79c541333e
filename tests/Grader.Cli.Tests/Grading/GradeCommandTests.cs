using Grader.Contracts.V1;
using YamlDotNet.RepresentationModel;

namespace Grader.Cli.Tests.Grading;

/// <summary>
/// End to end: the real CLI compiles with the real policy, runs the real runner in bubblewrap,
/// trains with TorchSharp on the synthetic dataset and judges with the exercise's rubric.
/// </summary>
public sealed class GradeCommandTests
{
    [Fact]
    public async Task Grade_ReferenceSolution_PassesEveryCriterion()
    {
        var result = await GraderProcess.GradeAsync(GraderProcess.Reference);

        Assert.Equal(GradingState.Succeeded, result.State);
        Assert.Equal("synthetic", result.Dataset);
        Assert.All(result.Criteria, c => Assert.True(c.Passed, $"{c.Id}: {c.Feedback}"));
        Assert.Equal(result.MaxScore, result.Score);
        Assert.True(result.Measurements["cnn.test_accuracy"] - result.Measurements["mlp.test_accuracy"] >= 0.2, "gap should clear 10 pp with margin");
        Assert.Equal(8, result.Curves.Single(c => c.Name == "cnn.test_accuracy").Values.Count);
    }

    public static TheoryData<string> Samples() => [.. Expectations().Keys];

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task Grade_Sample_FailsAsItsExpectationSays(string sample)
    {
        var expected = Expectations()[sample];
        string[] extra = sample == "hangs-forever" ? ["--content", ShortLimitContent()] : [];

        var result = await GraderProcess.GradeAsync(GraderProcess.Sample(sample), extra);

        Assert.Equal(GradingState.Failed, result.State);
        if (expected.Reason is { } reason)
        {
            Assert.Equal(reason, result.Reason);
            Assert.Empty(result.Criteria);
        }
        else
        {
            Assert.Equal("criteria_failed", result.Reason);
            Assert.Equal(expected.Fails.Order(), result.Criteria.Where(c => !c.Passed).Select(c => c.Id).Order());
        }
    }

    [Fact]
    public async Task Grade_CompileError_ReportsLineAndColumn()
    {
        var result = await GraderProcess.GradeAsync(GraderProcess.Sample("compile-error"));

        var error = result.Diagnostics.First(d => d.Severity == "error");
        Assert.Equal("Solution.cs", error.File);
        Assert.True(error.Line > 1 && error.Column > 0, $"{error.Line}:{error.Column}");
        Assert.StartsWith("CS", error.Id, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Grade_ReadsFiles_RejectedAtCompileTimeNamingTheSymbol()
    {
        var result = await GraderProcess.GradeAsync(GraderProcess.Sample("reads-files"));

        var error = Assert.Single(result.Diagnostics, d => d.Id.StartsWith("GRD", StringComparison.Ordinal));
        Assert.Contains("System.IO", error.Message, StringComparison.Ordinal);
        Assert.Empty(result.Measurements);
    }

    [Fact]
    public async Task Grade_HumanOutput_ShowsEpochsTableAndVerdict()
    {
        var (exit, stdout, _) = await GraderProcess.RunAsync("grade", GraderProcess.Sample("bottlenecked-mlp"), "--exercise", "mlp-vs-cnn");

        Assert.Equal(0, exit);
        Assert.Contains("MLP epoch  8/8", stdout, StringComparison.Ordinal);
        Assert.Contains("CNN epoch  1/8", stdout, StringComparison.Ordinal);
        Assert.Contains("mlp-learns", stdout, StringComparison.Ordinal);
        Assert.Contains("FAILED 80/100", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--exercise", "no-such-exercise", "unknown exercise 'no-such-exercise'")]
    [InlineData("--profile", "turbo", "has no profile 'turbo'")]
    [InlineData("--dataset", "cifar10", "grader datasets fetch cifar10")]
    public async Task Grade_BadUsage_ExitsNonZeroWithOneLineReason(string option, string value, string reason)
    {
        string[] args = option == "--exercise"
            ? ["grade", GraderProcess.Reference, option, value]
            : ["grade", GraderProcess.Reference, "--exercise", "mlp-vs-cnn", option, value, "--data-dir", Path.Combine(Path.GetTempPath(), "grader-empty-" + Guid.NewGuid())];

        var (exit, _, stderr) = await GraderProcess.RunAsync(args);

        Assert.NotEqual(0, exit);
        Assert.Contains(reason, stderr, StringComparison.Ordinal);
        Assert.Single(stderr.Trim().Split('\n'));
    }

    private sealed record Expectation(string? Reason, IReadOnlyList<string> Fails);

    private static Dictionary<string, Expectation> Expectations()
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(Path.Combine(GraderProcess.RepositoryRoot, "content", "exercises", "mlp-vs-cnn", "samples", "expectations.yaml"))));
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        return root.Children.ToDictionary(
            entry => ((YamlScalarNode)entry.Key).Value!,
            entry =>
            {
                var fields = (YamlMappingNode)entry.Value;
                var reason = fields.Children.TryGetValue(new YamlScalarNode("reason"), out var r) ? ((YamlScalarNode)r).Value : null;
                var fails = fields.Children.TryGetValue(new YamlScalarNode("fails"), out var f)
                    ? ((YamlSequenceNode)f).Children.Select(n => ((YamlScalarNode)n).Value!).ToList()
                    : [];
                return new Expectation(reason, fails);
            });
    }

    /// <summary>A copy of the content folder whose quick profile stops after 15 s, so a hang test is short.</summary>
    private static string ShortLimitContent()
    {
        var root = Path.Combine(Path.GetTempPath(), "grader-content-" + Guid.NewGuid().ToString("N"));
        var exerciseDir = Path.Combine(root, "exercises", "mlp-vs-cnn");
        Directory.CreateDirectory(exerciseDir);
        var yaml = File.ReadAllText(Path.Combine(GraderProcess.RepositoryRoot, "content", "exercises", "mlp-vs-cnn", "exercise.yaml"));
        yaml = yaml.Replace("time_limit_seconds: 90", "time_limit_seconds: 15", StringComparison.Ordinal)
                   .Replace("wall_clock_seconds: 150", "wall_clock_seconds: 15", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(exerciseDir, "exercise.yaml"), yaml);
        return root;
    }
}
