using Grader.Sandbox.Running;

namespace Grader.Sandbox.Tests.Running;

public sealed class SandboxOptionsValidatorTests
{
    private static readonly SandboxOptionsValidator Validator = new();

    [Fact]
    public void Validate_Defaults_OnlyRunnerPathMissing()
    {
        var result = Validator.Validate(null, new SandboxOptions());

        Assert.True(result.Failed);
        Assert.Single(result.Failures!);
        Assert.Contains("Sandbox:RunnerPath", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_Configured_Succeeds()
    {
        var result = Validator.Validate(null, new SandboxOptions { RunnerPath = "/opt/grader/runner/Grader.Runner.dll" });

        Assert.True(result.Succeeded);
    }

    [Fact]
    public void Validate_BadLimitsAndRelativeJobRoot_EachReported()
    {
        var options = new SandboxOptions
        {
            RunnerPath = "/opt/grader/runner/Grader.Runner.dll",
            LogCapBytes = 10,
            OutputLimitBytes = 5,
            JobRoot = "jobs",
        };

        var result = Validator.Validate(null, options);

        Assert.Equal(3, result.Failures!.Count());
    }

    [Fact]
    public void Validate_PrivilegedUserRelativeCgroupAndLimitsTooSmallForTheRuntime_EachReported()
    {
        var options = new SandboxOptions
        {
            RunnerPath = "/opt/grader/runner/Grader.Runner.dll",
            User = "root",
            CgroupParent = "grader",
            DefaultMemoryLimitBytes = 64L * 1024 * 1024,
            MaxProcesses = 8,
            MaxFileSizeBytes = 1024 * 1024,
        };

        var result = Validator.Validate(null, options);

        Assert.Equal(5, result.Failures!.Count());
        Assert.Contains("Sandbox:User", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Sandbox:CgroupParent", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Sandbox:MaxFileSizeBytes", result.FailureMessage, StringComparison.Ordinal);
    }
}
