using System.Diagnostics;
using Grader.Contracts.Runner.V1;
using Grader.Sandbox.Running;
using Grader.Sandbox.Running.Cgroups;
using Grader.Sandbox.Running.Isolation;

namespace Grader.Bench;

/// <summary>
/// Sandbox start-up, first sandbox against the hardened one: the same command (the runner's runtime
/// starting and exiting at once, no job) under the first argument set (all of /usr, run as the caller,
/// no seccomp, cgroup or rlimits) and under today's full chain (cgroup made and removed, sh, prlimit,
/// setpriv, bubblewrap with seccomp and the narrow mounts). Also bubblewrap alone with no runtime.
/// </summary>
internal static class SandboxOverhead
{
    public static void Print(SandboxOptions options, int rounds)
    {
        var runner = Path.GetFullPath(options.RunnerPath);
        var request = new RunnerRequest([0], new RunJob { AssemblyFile = "solution.dll" }, TimeSpan.FromMinutes(1));
        var plan = SandboxPreflight.Plan(options, request, out var problem) ?? throw new InvalidOperationException(problem);
        var job = JobDirectory.Create(options.JobRoot, request.Job, request.Assembly, plan.User);
        try
        {
            var layout = new SandboxLayout(plan.Dotnet, Path.GetDirectoryName(runner)!, Path.GetFileName(runner), job.Path, [])
            {
                Libraries = plan.Libraries,
                TmpSizeBytes = options.TmpSizeBytes,
                GcHeapLimitBytes = options.DefaultMemoryLimitBytes / 100 * options.GcHeapLimitPercent,
                SeccompDescriptor = SandboxCommand.SeccompDescriptor,
                Command = [plan.Dotnet, $"{BubblewrapCommand.RunnerMount}/{Path.GetFileName(runner)}"],
            };
            var bare = new List<double>();
            var first = new List<double>();
            var hardened = new List<double>();
            var firstEmpty = new List<double>();
            var hardenedEmpty = new List<double>();
            var cgroupOnly = new List<double>();
            var empty = layout with { Command = [plan.Dotnet, "--list-runtimes"] };
            for (var round = 0; round < rounds; round++)
            {
                // Interleaved, so that a slow moment of a shared machine hits every configuration alike.
                bare.Add(Time(Bare(layout, runner)));
                first.Add(Time(FirstSandbox(layout, options.BubblewrapPath)));
                hardened.Add(TimeHardened(layout, plan, options, job));
                firstEmpty.Add(Time(FirstSandbox(empty, options.BubblewrapPath)));
                hardenedEmpty.Add(TimeHardened(empty, plan, options, job));
                cgroupOnly.Add(TimeCgroup(plan, options));
            }

            Console.WriteLine($"runtime start-up, no sandbox: {Median(bare):0} ms (median of {rounds})");
            Console.WriteLine($"runtime start-up, first sandbox: {Median(first):0} ms; hardened sandbox: {Median(hardened):0} ms; ratio {Median(hardened) / Median(first):0.00}");
            Console.WriteLine($"sandbox alone (the native dotnet host lists its runtimes): first {Median(firstEmpty):0} ms, hardened {Median(hardenedEmpty):0} ms; ratio {Median(hardenedEmpty) / Median(firstEmpty):0.00}");
            Console.WriteLine($"of which making and removing the run's cgroup: {Median(cgroupOnly):0.0} ms");
        }
        finally
        {
            job.Delete();
        }
    }

    private static double Time(ProcessStartInfo startInfo)
    {
        var clock = Stopwatch.StartNew();
        Run(startInfo);
        return clock.Elapsed.TotalMilliseconds;
    }

    /// <summary>The hardened chain, its cgroup made before and removed after, as in a real run, inside the timing.</summary>
    private static double TimeHardened(SandboxLayout layout, LaunchPlan plan, SandboxOptions options, JobDirectory job)
    {
        var clock = Stopwatch.StartNew();
        using (var cgroup = JobCgroup.Create(plan.Cgroups!, options.CgroupParent, "bench-" + Guid.NewGuid().ToString("N"), options.DefaultMemoryLimitBytes, options.MaxProcesses, TimeProvider.System))
        {
            var startInfo = SandboxCommand.StartInfo(layout, plan, cgroup.ProcsFiles, job.SeccompFile);
            startInfo.RedirectStandardInput = false;
            Run(startInfo);
        }

        return clock.Elapsed.TotalMilliseconds;
    }

    private static double TimeCgroup(LaunchPlan plan, SandboxOptions options)
    {
        var clock = Stopwatch.StartNew();
        JobCgroup.Create(plan.Cgroups!, options.CgroupParent, "bench-" + Guid.NewGuid().ToString("N"), options.DefaultMemoryLimitBytes, options.MaxProcesses, TimeProvider.System).Dispose();
        return clock.Elapsed.TotalMilliseconds;
    }

    private static void Run(ProcessStartInfo startInfo)
    {
        using var process = Process.Start(startInfo)!;
        var error = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode is not (0 or 64))
        {
            throw new InvalidOperationException($"'{startInfo.FileName}' exited with {process.ExitCode}: {error.Result}");
        }
    }

    private static ProcessStartInfo Bare(SandboxLayout layout, string runner)
    {
        var startInfo = Quiet(layout.Dotnet);
        startInfo.ArgumentList.Add(runner);
        return startInfo;
    }

    /// <summary>The first sandbox's arguments (issue 2), kept here only to compare against.</summary>
    private static ProcessStartInfo FirstSandbox(SandboxLayout layout, string bubblewrap)
    {
        var startInfo = Quiet(bubblewrap);
        List<string> args = ["--unshare-all", "--die-with-parent", "--new-session", "--clearenv"];
        foreach (var (name, value) in layout.Environment)
        {
            args.AddRange(["--setenv", name, value]);
        }

        args.AddRange(["--ro-bind", "/usr", "/usr"]);
        foreach (var root in new[] { "/lib", "/lib64" })
        {
            if (new DirectoryInfo(root).LinkTarget is { } target)
            {
                args.AddRange(["--symlink", target, root]);
            }
            else if (Directory.Exists(root))
            {
                args.AddRange(["--ro-bind", root, root]);
            }
        }

        args.AddRange(["--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp"]);
        args.AddRange(["--ro-bind", layout.DotnetRoot, layout.DotnetRoot, "--ro-bind", layout.RunnerDirectory, BubblewrapCommand.RunnerMount]);
        args.AddRange(["--ro-bind", layout.JobDirectory, BubblewrapCommand.JobMount, "--chdir", BubblewrapCommand.JobMount, "--"]);
        args.AddRange(layout.Command!);
        args.ForEach(startInfo.ArgumentList.Add);
        return startInfo;
    }

    private static ProcessStartInfo Quiet(string fileName) => new(fileName) { RedirectStandardError = true, UseShellExecute = false, RedirectStandardOutput = true };

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
