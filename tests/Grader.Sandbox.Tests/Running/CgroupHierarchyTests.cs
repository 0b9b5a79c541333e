using Grader.Sandbox.Running.Cgroups;

namespace Grader.Sandbox.Tests.Running;

public sealed class CgroupHierarchyTests
{
    private const string HybridMounts = """
        31 23 0:28 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755
        32 31 0:29 / /sys/fs/cgroup/cpu rw,relatime - cgroup cgroup rw,cpu
        35 31 0:32 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory
        39 31 0:36 / /sys/fs/cgroup/pids rw,relatime - cgroup cgroup rw,pids
        41 31 0:38 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw
        """;

    private const string HybridMembership = """
        8:pids:/
        4:memory:/process_api/0599
        1:cpu:/
        0::/
        """;

    [Fact]
    public void Parse_HybridHost_V1WithEachControllersOwnPath()
    {
        var hierarchy = CgroupHierarchy.Parse(HybridMounts, HybridMembership, out _);

        Assert.Equal(new CgroupHierarchy(CgroupVersion.V1, "/sys/fs/cgroup/memory", "/sys/fs/cgroup/pids", "/process_api/0599", "/"), hierarchy);
    }

    [Fact]
    public void Parse_UnifiedHost_V2AtTheProcessesCgroup()
    {
        const string Mounts = "30 24 0:26 / /sys/fs/cgroup rw,nosuid,nodev,noexec,relatime shared:4 - cgroup2 cgroup2 rw,nsdelegate,memory_recursiveprot";

        var hierarchy = CgroupHierarchy.Parse(Mounts, "0::/system.slice/grader.service\n", out _);

        Assert.Equal(new CgroupHierarchy(CgroupVersion.V2, "/sys/fs/cgroup", "/sys/fs/cgroup", "/system.slice/grader.service", "/system.slice/grader.service"), hierarchy);
    }

    [Fact]
    public void Parse_MountRootedInASubCgroup_PathRelativeToTheMount()
    {
        const string Mounts = "30 24 0:26 /docker/abc /sys/fs/cgroup rw - cgroup2 cgroup2 rw";

        var hierarchy = CgroupHierarchy.Parse(Mounts, "0::/docker/abc/worker\n", out _);

        Assert.Equal("/worker", hierarchy!.OwnMemoryPath);
    }

    [Fact]
    public void Parse_NoMemoryController_NullWithReason()
    {
        var hierarchy = CgroupHierarchy.Parse("31 23 0:28 / /sys/fs/cgroup rw - tmpfs tmpfs rw", "1:name=systemd:/\n", out var problem);

        Assert.Null(hierarchy);
        Assert.Contains("no cgroup memory controller", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_V1MemoryWithoutPids_NullWithReason()
    {
        var hierarchy = CgroupHierarchy.Parse("35 31 0:32 / /sys/fs/cgroup/memory rw - cgroup cgroup rw,memory", "4:memory:/\n", out var problem);

        Assert.Null(hierarchy);
        Assert.Contains("no pids controller", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void DetectCurrent_ThisHost_FindsAHierarchy()
    {
        var hierarchy = CgroupHierarchy.DetectCurrent(out var problem);

        Assert.True(hierarchy is not null, problem);
        Assert.True(Directory.Exists(Path.Join(hierarchy.MemoryMount, hierarchy.OwnMemoryPath)));
    }
}
