using Grader.Sandbox.Running.Cgroups;

namespace Grader.Sandbox.Running.Isolation;

/// <summary>How one run will be started, decided by <see cref="SandboxPreflight"/> before anything is created.</summary>
/// <param name="Dotnet">The real dotnet host.</param>
/// <param name="BubblewrapPath">bubblewrap; null in development mode without a sandbox.</param>
/// <param name="Tools">The host programs of the launch chain; null without a sandbox.</param>
/// <param name="User">The account to drop to (the host runs as root), or null to stay the current, unprivileged, user.</param>
/// <param name="Limits">rlimits for the run.</param>
/// <param name="Cgroups">Where to make the run's cgroup; null when the operator allowed running without.</param>
/// <param name="Libraries">System library files to bind.</param>
/// <param name="Warnings">What this run lacks, as loud one-line labels for the log and the result's logs.</param>
internal sealed record LaunchPlan(
    string Dotnet,
    string? BubblewrapPath,
    HostTools? Tools,
    SandboxUser? User,
    ResourceLimits Limits,
    CgroupHierarchy? Cgroups,
    IReadOnlyList<(string Source, string Destination)> Libraries,
    IReadOnlyList<string> Warnings)
{
    public bool Sandboxed => BubblewrapPath is not null;
}
