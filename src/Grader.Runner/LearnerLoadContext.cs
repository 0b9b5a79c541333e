using System.Reflection;
using System.Runtime.Loader;

namespace Grader.Runner;

/// <summary>
/// Loads the learner's assembly in its own context so its name cannot clash with the runner's
/// assemblies, while Grader.Sdk and TorchSharp still resolve to the runner's copies (the grader and
/// the learner must share one <c>IMlpVsCnn</c> type and one libtorch). Not a security boundary.
/// </summary>
internal sealed class LearnerLoadContext : AssemblyLoadContext
{
    public LearnerLoadContext() : base("learner", isCollectible: false)
    {
    }

    public static Assembly Load(string path) => new LearnerLoadContext().LoadFromAssemblyPath(Path.GetFullPath(path));

    // Null falls back to the default context, which holds the runner's own dependencies.
    protected override Assembly? Load(AssemblyName assemblyName) => null;
}
