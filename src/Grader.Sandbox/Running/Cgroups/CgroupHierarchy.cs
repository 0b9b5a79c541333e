namespace Grader.Sandbox.Running.Cgroups;

/// <summary>
/// Where the memory and pids controllers are mounted and where this process sits in them, read from
/// /proc/self/mountinfo and /proc/self/cgroup. cgroup v1 wins when its memory controller is mounted
/// (hybrid hosts mount an empty v2 hierarchy beside it); otherwise the unified v2 hierarchy is used.
/// </summary>
/// <param name="Version">The interface to speak.</param>
/// <param name="MemoryMount">The memory hierarchy's mount point (v2: the unified one).</param>
/// <param name="PidsMount">The pids hierarchy's mount point (v2: the same as <paramref name="MemoryMount"/>).</param>
/// <param name="OwnMemoryPath">This process's cgroup in the memory hierarchy, relative to the mount ("/a/b").</param>
/// <param name="OwnPidsPath">This process's cgroup in the pids hierarchy, relative to the mount.</param>
internal sealed record CgroupHierarchy(CgroupVersion Version, string MemoryMount, string PidsMount, string OwnMemoryPath, string OwnPidsPath)
{
    public static CgroupHierarchy? DetectCurrent(out string problem)
    {
        try
        {
            return Parse(File.ReadAllText("/proc/self/mountinfo"), File.ReadAllText("/proc/self/cgroup"), out problem);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problem = $"cannot read /proc/self/mountinfo or /proc/self/cgroup: {e.Message}";
            return null;
        }
    }

    /// <summary>Parses the two files' text; null (with the reason) when neither version offers memory and pids.</summary>
    public static CgroupHierarchy? Parse(string mountInfo, string processCgroups, out string problem)
    {
        problem = string.Empty;
        var mounts = mountInfo.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(ParseMount).OfType<Mount>().ToList();
        var memory = mounts.FirstOrDefault(m => m.Type == "cgroup" && m.Options.Contains("memory"));
        var pids = mounts.FirstOrDefault(m => m.Type == "cgroup" && m.Options.Contains("pids"));
        var unified = mounts.FirstOrDefault(m => m.Type == "cgroup2");
        var memberships = processCgroups.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(':', 3)).Where(p => p.Length == 3).ToList();

        if (memory is not null)
        {
            if (pids is null)
            {
                problem = "cgroup v1 has a memory controller but no pids controller mounted";
                return null;
            }

            var ownMemory = memberships.FirstOrDefault(p => p[1].Split(',').Contains("memory"))?[2];
            var ownPids = memberships.FirstOrDefault(p => p[1].Split(',').Contains("pids"))?[2];
            if (ownMemory is null || ownPids is null)
            {
                problem = "/proc/self/cgroup does not list this process's memory and pids cgroups";
                return null;
            }

            return new CgroupHierarchy(CgroupVersion.V1, memory.Point, pids.Point, Relative(ownMemory, memory.Root), Relative(ownPids, pids.Root));
        }

        if (unified is not null && memberships.FirstOrDefault(p => p[0] == "0" && p[1].Length == 0)?[2] is { } own)
        {
            var path = Relative(own, unified.Root);
            return new CgroupHierarchy(CgroupVersion.V2, unified.Point, unified.Point, path, path);
        }

        problem = "no cgroup memory controller is mounted (neither v1 /sys/fs/cgroup/memory nor a v2 hierarchy)";
        return null;
    }

    /// <summary>A cgroup path as seen from a mount whose root may itself be a sub-cgroup (cgroup namespaces).</summary>
    private static string Relative(string path, string mountRoot)
    {
        if (mountRoot == "/" || !path.StartsWith(mountRoot, StringComparison.Ordinal))
        {
            return path;
        }

        var rest = path[mountRoot.Length..];
        return rest.Length == 0 ? "/" : rest;
    }

    /// <summary>One mountinfo line: "id parent major:minor root point options [optional…] - type source super-options".</summary>
    private static Mount? ParseMount(string line)
    {
        var separator = line.IndexOf(" - ", StringComparison.Ordinal);
        if (separator < 0)
        {
            return null;
        }

        var fields = line[..separator].Split(' ');
        var tail = line[(separator + 3)..].Split(' ');
        if (fields.Length < 5 || tail.Length < 3)
        {
            return null;
        }

        return new Mount(Unescape(fields[3]), Unescape(fields[4]), tail[0], [.. tail[2].Split(',')]);
    }

    /// <summary>mountinfo writes space, tab, newline and backslash as octal escapes.</summary>
    private static string Unescape(string field) =>
        field.Replace("\\040", " ", StringComparison.Ordinal).Replace("\\011", "\t", StringComparison.Ordinal)
            .Replace("\\012", "\n", StringComparison.Ordinal).Replace("\\134", "\\", StringComparison.Ordinal);

    private sealed record Mount(string Root, string Point, string Type, HashSet<string> Options);
}
