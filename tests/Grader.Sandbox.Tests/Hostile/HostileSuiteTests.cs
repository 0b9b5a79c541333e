using System.Globalization;
using Grader.Contracts.V1;

namespace Grader.Sandbox.Tests.Hostile;

/// <summary>
/// Hostile submissions (Submissions/*.cs) graded end to end, each against the verdict expectations.json gives it.
/// The reference solution is graded before and after them on the tiny recipe (too little training for the accuracy
/// criteria, so those may fail): it must grade sanely both times, with the same measurements (nothing a hostile run
/// did carried over), and no job directory or sandboxed process may be left behind.
/// </summary>
[TestCaseOrderer(SuiteOrder.Name, SuiteOrder.Assembly)]
public sealed class HostileSuiteTests(HostileGrading grading) : IClassFixture<HostileGrading>
{
    /// <summary>What the issue asks the suite to cover; each must appear in some row's "covers".</summary>
    private static readonly string[] IssueItems =
    [
        "reading host files: directly", "reading host files: through reflection by string", "reading host files: through torch.from_file",
        "the network: sockets", "the network: HttpClient", "the network: torch.hub", "processes and shells", "native interop",
        "type confusion: Unsafe.As", "type confusion: overlapping fields", "module initialisers", "static constructors",
        "environment dumps", "symlinks planted in output", "nested namespaces", "infinite loops", "sleeping forever",
        "thread bombs", "process bombs", "memory bombs: managed", "memory bombs: libtorch", "disk filling", "stdout floods",
        "stack overflow", "Environment.Exit", "Environment.FailFast", "printing fake results on stdout",
        "writing files meant for the next submission", "tampering with global seeds", "a module that lies about its parameters",
    ];

    // Measurements that repeat exactly for a seed on a CPU (timings do not).
    private static readonly string[] Deterministic =
    [
        "mlp.parameters", "cnn.parameters", "mlp.conv_layers", "cnn.conv_layers",
        "mlp.train_accuracy", "cnn.train_accuracy", "mlp.test_accuracy", "cnn.test_accuracy",
    ];

    public static TheoryData<string> Submissions => [.. HostileExpectation.All.Select(e => e.File)];

    [Fact]
    [BeforeSuite]
    public async Task Grade_ReferenceBeforeTheSuite_Passes()
    {
        var result = await grading.GradeAsync(grading.ReferenceSource);

        AssertGradesSanely(result);
        grading.ReferenceBefore = result;
    }

    [Theory]
    [MemberData(nameof(Submissions))]
    public async Task Grade_HostileSubmission_GetsItsExpectedVerdict(string file)
    {
        var expected = HostileExpectation.All.Single(e => e.File == file);

        var result = await grading.GradeAsync(expected.Source());

        var verdict = $"{file}: {result.State} [{result.Reason}] {result.Summary}{Environment.NewLine}{string.Join(Environment.NewLine, result.Diagnostics.Select(d => $"{d.Id} {d.Message}"))}";
        Assert.True(result.State == GradingState.Failed && result.Reason == expected.Reason, $"expected FAILED [{expected.Reason}], got {verdict}");
        if (expected.Diagnostic is { } id)
        {
            Assert.True(result.Diagnostics.Any(d => d.Id == id && d.Severity == "error"), $"expected diagnostic {id}: {verdict}");
        }

        if (expected.SummaryContains is { } text)
        {
            Assert.Contains(text, result.Summary, StringComparison.Ordinal);
        }

        foreach (var criterion in expected.FailedCriteria ?? [])
        {
            Assert.Contains(result.Criteria, c => c.Id == criterion && !c.Passed);
        }

        if (expected.RejectedAtCompileTime)
        {
            Assert.Empty(result.Measurements);
            Assert.Empty(result.Logs);
        }
    }

    [Fact]
    public async Task Grade_FakeResultsOnStdout_AreOnlyLogs()
    {
        var fake = HostileExpectation.All.Single(e => e.File == "fake-results-on-stdout.cs");

        var result = await grading.GradeAsync(fake.Source());

        // The printed claim is in the logs, and nowhere else: the measurement is the grader's own.
        Assert.Contains("GRADING_STATE_SUCCEEDED", result.Logs, StringComparison.Ordinal);
        Assert.Equal(1, result.Measurements["mlp.conv_layers"]);
        Assert.NotEqual(result.MaxScore, result.Score);
    }

    [Fact]
    public void Expectations_CoverTheIssueWithAtLeastThirtySubmissions()
    {
        var files = Directory.GetFiles(HostileExpectation.Directory, "*.cs").Select(Path.GetFileName).Order().ToList();

        Assert.True(files.Count >= 30, $"only {files.Count} hostile submissions");
        Assert.Equal(files, HostileExpectation.All.Select(e => e.File).Order());
        Assert.All(IssueItems, item => Assert.Contains(HostileExpectation.All, e => e.Covers.StartsWith(item, StringComparison.Ordinal) || e.Covers.Contains(item, StringComparison.Ordinal)));
    }

    [Fact]
    [AfterSuite]
    public async Task Grade_ReferenceAfterTheSuite_PassesTheSameAndLeavesNothingBehind()
    {
        var result = await grading.GradeAsync(grading.ReferenceSource);

        AssertGradesSanely(result);
        if (grading.ReferenceBefore is { } before)
        {
            foreach (var name in Deterministic)
            {
                Assert.True(before.Measurements[name] == result.Measurements[name], $"{name}: {before.Measurements[name]} before the suite, {result.Measurements[name]} after");
            }
        }

        // Every run's job directory is gone, and no process of any run is still alive.
        Assert.Empty(Directory.Exists(grading.JobRoot) ? Directory.EnumerateFileSystemEntries(grading.JobRoot) : []);
        Assert.Empty(ProcessesMentioning(grading.JobRoot));
    }

    /// <summary>
    /// Graded, not errored; the criteria that do not depend on training pass; the measured sizes are the reference's
    /// (its header comment counts them by hand); accuracies are fractions the host computed.
    /// </summary>
    private static void AssertGradesSanely(GradingResult result)
    {
        var verdict = $"reference: {result.State} [{result.Reason}] {result.Summary}{Environment.NewLine}{result.Logs}";
        Assert.True(result.State == GradingState.Succeeded || result.Reason == "criteria_failed", verdict);
        Assert.All(
            result.Criteria.Where(c => c.Id is "mlp-has-no-convolution" or "cnn-has-convolution" or "parameter-parity"),
            c => Assert.True(c.Passed, $"{c.Id}: {verdict}"));
        Assert.Equal(24_674, result.Measurements["mlp.parameters"]);
        Assert.Equal(24_234, result.Measurements["cnn.parameters"]);
        Assert.InRange(result.Measurements["mlp.test_accuracy"], 0, 1);
        Assert.InRange(result.Measurements["cnn.test_accuracy"], 0, 1);
        Assert.Equal("synthetic", result.Dataset);
    }

    /// <summary>Command lines naming <paramref name="path"/>: a sandbox or runner of this suite still running.</summary>
    private static List<string> ProcessesMentioning(string path)
    {
        var found = new List<string>();
        foreach (var process in Directory.EnumerateDirectories("/proc").Where(d => int.TryParse(Path.GetFileName(d), NumberStyles.None, CultureInfo.InvariantCulture, out _)))
        {
            try
            {
                var commandLine = File.ReadAllText(Path.Combine(process, "cmdline")).Replace('\0', ' ');
                if (commandLine.Contains(path, StringComparison.Ordinal))
                {
                    found.Add($"{Path.GetFileName(process)}: {commandLine}");
                }
            }
            catch (IOException)
            {
                // The process ended while we looked.
            }
        }

        return found;
    }
}
