namespace Grader.Sandbox.Running.Cgroups;

/// <summary>Which cgroup interface carries the memory and pids controllers on this host.</summary>
public enum CgroupVersion
{
    /// <summary>One hierarchy per controller (/sys/fs/cgroup/memory, /sys/fs/cgroup/pids).</summary>
    V1,

    /// <summary>The unified hierarchy (memory.max, pids.max in one directory).</summary>
    V2,
}
