using System.Globalization;
using Grader.Sandbox.Running.Isolation;

namespace Grader.Sandbox.Running.Cgroups;

/// <summary>
/// One run's cgroup: a memory limit for the whole process tree (swap included where the host accounts
/// it) and a cap on its processes and threads. The launch wrapper moves itself in before it execs
/// anything, so every descendant is inside from its first instruction. Disposing kills whatever is still
/// in it and removes it, and the shared parent too once no other run uses it.
/// </summary>
internal sealed class JobCgroup : IDisposable
{
    /// <summary>The parent's name under this process's own cgroup when none is configured.</summary>
    public const string DefaultParentName = "grader-sandbox";

    private static readonly string[] Controllers = ["memory", "pids"];

    private static readonly TimeSpan EmptyWait = TimeSpan.FromSeconds(3);

    /// <summary>
    /// A run joins its cgroup milliseconds after making it, so an empty one this old was left by a grader
    /// that died before it could clean up, and is removed by the next run.
    /// </summary>
    private static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(10);

    private readonly TimeProvider time;
    private readonly CgroupVersion version;
    private readonly string memoryDirectory;
    private readonly string pidsDirectory;
    private readonly string[] parents;

    private JobCgroup(TimeProvider time, CgroupVersion version, string memoryDirectory, string pidsDirectory, string[] parents)
    {
        this.time = time;
        this.version = version;
        this.memoryDirectory = memoryDirectory;
        this.pidsDirectory = pidsDirectory;
        this.parents = parents;
    }

    /// <summary>The cgroup.procs files the wrapper writes its own pid to (one per hierarchy).</summary>
    public IReadOnlyList<string> ProcsFiles => version == CgroupVersion.V1
        ? [Path.Combine(memoryDirectory, "cgroup.procs"), Path.Combine(pidsDirectory, "cgroup.procs")]
        : [Path.Combine(memoryDirectory, "cgroup.procs")];

    /// <summary>
    /// Creates the run's cgroup under <paramref name="parent"/> (a cgroup path such as "/grader"; empty:
    /// <see cref="DefaultParentName"/> under this process's own cgroup). Throws IOException or
    /// UnauthorizedAccessException with an operator-facing message when the host does not allow it.
    /// </summary>
    public static JobCgroup Create(CgroupHierarchy hierarchy, string? parent, string name, long memoryBytes, int maxProcesses, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(hierarchy);
        var memoryParent = ParentDirectory(hierarchy.MemoryMount, hierarchy.OwnMemoryPath, parent);
        var pidsParent = ParentDirectory(hierarchy.PidsMount, hierarchy.OwnPidsPath, parent);
        var memory = Path.Combine(memoryParent, name);
        var pids = Path.Combine(pidsParent, name);
        string[] parents = hierarchy.Version == CgroupVersion.V1 ? [memoryParent, pidsParent] : [memoryParent];

        // Another run may remove an empty parent between our mkdirs: then simply make it again.
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                foreach (var directory in parents)
                {
                    Directory.CreateDirectory(directory);
                    RemoveStale(directory, time);
                }

                if (hierarchy.Version == CgroupVersion.V2)
                {
                    EnableControllers(memoryParent);
                }

                Directory.CreateDirectory(memory);
                if (hierarchy.Version == CgroupVersion.V1)
                {
                    Directory.CreateDirectory(pids);
                }

                break;
            }
            catch (DirectoryNotFoundException) when (attempt < 3)
            {
            }
        }

        var cgroup = new JobCgroup(time, hierarchy.Version, memory, pids, parents);
        try
        {
            cgroup.SetLimits(memoryBytes, maxProcesses);
            return cgroup;
        }
        catch
        {
            cgroup.Dispose();
            throw;
        }
    }

    /// <summary>Whether the kernel's OOM killer fired inside this cgroup (the memory limit was hit).</summary>
    public bool OomKilled()
    {
        var (file, key) = version == CgroupVersion.V1 ? ("memory.oom_control", "oom_kill") : ("memory.events", "oom_kill");
        return ReadKeyed(Path.Combine(memoryDirectory, file), key) > 0;
    }

    /// <summary>The most memory the run used at once, if the host reports it.</summary>
    public long? PeakMemoryBytes() =>
        ReadNumber(Path.Combine(memoryDirectory, version == CgroupVersion.V1 ? "memory.max_usage_in_bytes" : "memory.peak"));

    /// <summary>SIGKILLs every process still in the cgroup until it is empty (or a few seconds passed).</summary>
    public void KillAll()
    {
        var killFile = Path.Combine(memoryDirectory, "cgroup.kill");
        if (version == CgroupVersion.V2 && File.Exists(killFile))
        {
            TryWrite(killFile, "1");
        }

        var started = time.GetTimestamp();
        while (time.GetElapsedTime(started) < EmptyWait)
        {
            var pids = ProcsFiles.SelectMany(ReadPids).Distinct().ToList();
            if (pids.Count == 0)
            {
                return;
            }

            foreach (var pid in pids)
            {
                HostCalls.Kill(pid);
            }

            Thread.Sleep(10);
        }
    }

    public void Dispose()
    {
        KillAll();
        foreach (var directory in new[] { memoryDirectory, pidsDirectory }.Distinct())
        {
            RemoveWhenEmpty(directory, EmptyWait);
        }

        foreach (var parent in parents)
        {
            // Busy while other runs use it; the last one out removes it, so nothing is left behind.
            RemoveWhenEmpty(parent, TimeSpan.Zero);
        }
    }

    private static string ParentDirectory(string mount, string own, string? configured)
    {
        var cgroupPath = string.IsNullOrWhiteSpace(configured) ? $"{own.TrimEnd('/')}/{DefaultParentName}" : configured;
        return Path.Join(mount, cgroupPath.TrimStart('/'));
    }

    /// <summary>v2 only hands controllers to children that the parent lists in cgroup.subtree_control.</summary>
    private static void EnableControllers(string parent)
    {
        var available = File.ReadAllText(Path.Combine(parent, "cgroup.controllers")).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var missing = Controllers.Except(available).ToList();
        if (missing.Count > 0)
        {
            throw new IOException($"the cgroup {parent} lacks the {string.Join(" and ", missing)} controller(s); delegate a cgroup with them to the grader (systemd: Delegate=yes) and set Sandbox:CgroupParent");
        }

        File.WriteAllText(Path.Combine(parent, "cgroup.subtree_control"), "+memory +pids");
    }

    private void SetLimits(long memoryBytes, int maxProcesses)
    {
        var bytes = memoryBytes.ToString(CultureInfo.InvariantCulture);
        var processes = maxProcesses.ToString(CultureInfo.InvariantCulture);
        if (version == CgroupVersion.V1)
        {
            File.WriteAllText(Path.Combine(memoryDirectory, "memory.limit_in_bytes"), bytes);
            var withSwap = Path.Combine(memoryDirectory, "memory.memsw.limit_in_bytes");
            if (File.Exists(withSwap))
            {
                // Memory plus swap at the same figure: the run cannot spill into swap to exceed its limit.
                File.WriteAllText(withSwap, bytes);
            }

            File.WriteAllText(Path.Combine(pidsDirectory, "pids.max"), processes);
            return;
        }

        File.WriteAllText(Path.Combine(memoryDirectory, "memory.max"), bytes);
        TryWrite(Path.Combine(memoryDirectory, "memory.swap.max"), "0");
        // On OOM the kernel kills the whole group at once rather than one process of it.
        TryWrite(Path.Combine(memoryDirectory, "memory.oom.group"), "1");
        File.WriteAllText(Path.Combine(memoryDirectory, "pids.max"), processes);
    }

    private static void RemoveStale(string parent, TimeProvider time)
    {
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var child in Directory.EnumerateDirectories(parent))
        {
            if (now - Directory.GetLastWriteTimeUtc(child) > StaleAfter && !ReadPids(Path.Combine(child, "cgroup.procs")).Any())
            {
                try
                {
                    Directory.Delete(child, recursive: false);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // In use after all, or not ours to remove: leave it.
                }
            }
        }
    }

    private void RemoveWhenEmpty(string directory, TimeSpan wait)
    {
        var started = time.GetTimestamp();
        while (true)
        {
            try
            {
                // rmdir: a cgroup's control files go with it, and it fails while processes remain.
                Directory.Delete(directory, recursive: false);
                return;
            }
            catch (DirectoryNotFoundException)
            {
                return;
            }
            catch (IOException) when (time.GetElapsedTime(started) < wait)
            {
                Thread.Sleep(20);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return;
            }
        }
    }

    private static IEnumerable<int> ReadPids(string procsFile)
    {
        try
        {
            return File.ReadAllLines(procsFile).Select(l => int.TryParse(l, CultureInfo.InvariantCulture, out var pid) ? pid : 0).Where(p => p > 0).ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    private static long ReadKeyed(string file, string key)
    {
        try
        {
            return File.ReadAllLines(file)
                .Select(l => l.Split(' ', 2))
                .Where(p => p.Length == 2 && p[0] == key)
                .Select(p => long.TryParse(p[1], CultureInfo.InvariantCulture, out var value) ? value : 0)
                .FirstOrDefault();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }

    private static long? ReadNumber(string file)
    {
        try
        {
            return long.TryParse(File.ReadAllText(file).Trim(), CultureInfo.InvariantCulture, out var value) ? value : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static void TryWrite(string file, string value)
    {
        try
        {
            File.WriteAllText(file, value);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Optional knobs (swap accounting, oom.group, cgroup.kill) are missing on older kernels.
        }
    }
}
