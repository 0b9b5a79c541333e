namespace Grader.Sandbox.Tests.Running;

/// <summary>
/// Tests that start real runners share one collection: they run one after another, so memory bombs and
/// limits measured in one do not meet another's processes, and the 2-core test machine is not oversubscribed.
/// </summary>
[CollectionDefinition(Name)]
public sealed class RunnerCollection
{
    public const string Name = "Sandboxed runner";
}
