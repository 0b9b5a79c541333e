using System.Globalization;
using Grader.Sandbox.Running.Cgroups;

namespace Grader.Sandbox.Tests.Running;

/// <summary>The run's cgroup on this host's real cgroup file system.</summary>
[Collection(RunnerCollection.Name)]
public sealed class JobCgroupTests
{
    private const long Memory = 512L * 1024 * 1024;

    private static readonly CgroupHierarchy Hierarchy = CgroupHierarchy.DetectCurrent(out _)!;

    [Fact]
    public void Create_Limits_WrittenToTheControllersAndRemovedOnDispose()
    {
        var name = "test-" + Guid.NewGuid().ToString("N");
        string[] directories;
        using (var cgroup = JobCgroup.Create(Hierarchy, null, name, Memory, 64, TimeProvider.System))
        {
            directories = cgroup.ProcsFiles.Select(f => Path.GetDirectoryName(f)!).ToArray();
            var limits = Hierarchy.Version == CgroupVersion.V1
                ? (Memory: Read(directories[0], "memory.limit_in_bytes"), Pids: Read(directories[1], "pids.max"))
                : (Memory: Read(directories[0], "memory.max"), Pids: Read(directories[0], "pids.max"));
            Assert.Equal(Memory.ToString(CultureInfo.InvariantCulture), limits.Memory);
            Assert.Equal("64", limits.Pids);
            Assert.False(cgroup.OomKilled());
        }

        Assert.All(directories, d => Assert.False(Directory.Exists(d), d));
    }

    [Fact]
    public void Create_EmptyCgroupLeftByADeadGrader_RemovedButAFreshOneKept()
    {
        var parents = new[] { (Hierarchy.MemoryMount, Hierarchy.OwnMemoryPath), (Hierarchy.PidsMount, Hierarchy.OwnPidsPath) }
            .Select(p => Path.Join(p.Item1, p.Item2, JobCgroup.DefaultParentName)).Distinct().ToList();
        var stale = parents.Select(p => Path.Combine(p, "stale-" + Guid.NewGuid().ToString("N"))).ToList();
        var fresh = parents.Select(p => Path.Combine(p, "fresh-" + Guid.NewGuid().ToString("N"))).ToList();
        foreach (var directory in stale.Concat(fresh))
        {
            Directory.CreateDirectory(directory);
        }

        stale.ForEach(d => Directory.SetLastWriteTimeUtc(d, TimeProvider.System.GetUtcNow().UtcDateTime.AddHours(-1)));
        try
        {
            JobCgroup.Create(Hierarchy, null, "test-" + Guid.NewGuid().ToString("N"), Memory, 64, TimeProvider.System).Dispose();

            Assert.All(stale, d => Assert.False(Directory.Exists(d), d));
            Assert.All(fresh, d => Assert.True(Directory.Exists(d), d));
        }
        finally
        {
            foreach (var directory in stale.Concat(fresh).Where(Directory.Exists))
            {
                Directory.Delete(directory);
            }

            foreach (var parent in parents)
            {
                try
                {
                    Directory.Delete(parent);
                }
                catch (IOException)
                {
                    // Another run is using it.
                }
            }
        }
    }

    private static string Read(string directory, string file) => File.ReadAllText(Path.Combine(directory, file)).Trim();
}
