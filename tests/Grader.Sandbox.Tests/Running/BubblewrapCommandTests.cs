using Grader.Sandbox.Running;

namespace Grader.Sandbox.Tests.Running;

public sealed class BubblewrapCommandTests
{
    private static readonly SandboxLayout Layout = new(
        "/usr/share/dotnet/dotnet",
        "/opt/grader/runner",
        "Grader.Runner.dll",
        "/tmp/grader-jobs/abc",
        ["/tmp/datasets/cifar10"])
    {
        Libraries = [("/usr/lib/x86_64-linux-gnu/libstdc++.so.6.0.33", "/usr/lib/x86_64-linux-gnu/libstdc++.so.6")],
        TmpSizeBytes = 64L * 1024 * 1024,
        GcHeapLimitBytes = 3L * 1024 * 1024 * 1024,
        SeccompDescriptor = 9,
    };

    [Fact]
    public void Arguments_Always_UnshareEveryNamespaceNoNestedUserNamespacesClearEnvironmentAndDieWithParent()
    {
        var args = BubblewrapCommand.Arguments(Layout);

        Assert.Contains("--unshare-all", args);
        Assert.Contains("--unshare-user", args);
        Assert.Contains("--disable-userns", args);
        Assert.Contains("--clearenv", args);
        Assert.Contains("--die-with-parent", args);
        Assert.Contains("--new-session", args);
        Assert.DoesNotContain("--share-net", args);
    }

    [Fact]
    public void Arguments_SeccompDescriptorAndTmpSize_Passed()
    {
        var args = BubblewrapCommand.Arguments(Layout).ToList();

        Assert.Equal(["--seccomp", "9"], Following(args, "--seccomp", 0, 2));
        Assert.Equal(["--size", "67108864", "--tmpfs", "/tmp"], Following(args, "--size", 0, 4));
    }

    [Fact]
    public void Arguments_Mounts_JobAndRunnerReadOnlyAndHostPathsUnderTmpAfterTheTmpfs()
    {
        var args = BubblewrapCommand.Arguments(Layout).ToList();

        Assert.Equal(["--ro-bind", "/tmp/grader-jobs/abc", "/job"], Following(args, "/tmp/grader-jobs/abc", -1, 3));
        Assert.Equal(["--ro-bind", "/opt/grader/runner", "/runner"], Following(args, "/opt/grader/runner", -1, 3));
        Assert.DoesNotContain("--bind", args);
        var tmpfs = args.IndexOf("--tmpfs");
        Assert.True(args.IndexOf("/tmp/datasets/cifar10") > tmpfs, "a mount under /tmp placed before the tmpfs would be hidden by it");
        Assert.True(args.IndexOf("/tmp/grader-jobs/abc") > tmpfs);
    }

    [Fact]
    public void Arguments_SystemFiles_OnlyTheListedLibrariesNotUsr()
    {
        var args = BubblewrapCommand.Arguments(Layout).ToList();

        Assert.Equal(
            ["--ro-bind", "/usr/lib/x86_64-linux-gnu/libstdc++.so.6.0.33", "/usr/lib/x86_64-linux-gnu/libstdc++.so.6"],
            Following(args, "/usr/lib/x86_64-linux-gnu/libstdc++.so.6.0.33", -1, 3));
        Assert.DoesNotContain("/usr", args);
        Assert.DoesNotContain(args, a => a.StartsWith("/bin", StringComparison.Ordinal) || a.StartsWith("/usr/bin", StringComparison.Ordinal));
    }

    [Fact]
    public void Arguments_Command_RunsRunnerOnJobMount()
    {
        var args = BubblewrapCommand.Arguments(Layout).ToList();

        Assert.Equal(["--", "/usr/share/dotnet/dotnet", "/runner/Grader.Runner.dll", "--job", "/job"], args[^5..]);
    }

    [Fact]
    public void Arguments_Environment_OnlyTheRunnersVariablesWithTheHeapLimitInHex()
    {
        var args = BubblewrapCommand.Arguments(Layout).ToList();

        var names = args.Select((a, i) => (a, i)).Where(x => x.a == "--setenv").Select(x => args[x.i + 1]).ToList();
        Assert.Equal(["DOTNET_ROOT", "DOTNET_CLI_TELEMETRY_OPTOUT", "DOTNET_NOLOGO", "DOTNET_EnableDiagnostics", "DOTNET_gcServer", "HOME", "TMPDIR", "DOTNET_GCHeapHardLimit"], names);
        Assert.Equal("0xC0000000", args[args.IndexOf("DOTNET_GCHeapHardLimit") + 1]);
    }

    [Fact]
    public void Arguments_HostConfiguration_NeitherEtcNorSysMounted()
    {
        var args = BubblewrapCommand.Arguments(Layout);

        Assert.DoesNotContain(args, a => a.StartsWith("/etc", StringComparison.Ordinal) || a.StartsWith("/sys", StringComparison.Ordinal));
        Assert.DoesNotContain(args, a => a.StartsWith("/home", StringComparison.Ordinal) || a.StartsWith("/root", StringComparison.Ordinal));
    }

    private static List<string> Following(List<string> args, string value, int offset, int count) =>
        args.GetRange(args.IndexOf(value) + offset, count);
}
