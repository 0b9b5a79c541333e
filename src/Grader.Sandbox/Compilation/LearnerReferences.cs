using System.Runtime.InteropServices;
using Microsoft.CodeAnalysis;

namespace Grader.Sandbox.Compilation;

/// <summary>
/// The only assemblies learner code is compiled against. Loading metadata for TorchSharp and the core library
/// costs most of a cold compile, so the references are built once per process and shared (they are immutable).
/// </summary>
internal static class LearnerReferences
{
    // The base library the allow-list draws from. System.Private.CoreLib holds the types; the others are the
    // facades TorchSharp and Grader.Sdk were built against, so their signatures resolve. Anything else a learner
    // names (System.Net.Http, System.Diagnostics.Process, …) does not even resolve.
    private static readonly string[] RuntimeAssemblies =
    [
        "System.Private.CoreLib.dll",
        "System.Runtime.dll",
        "System.Collections.dll",
        "System.Linq.dll",
        "System.Console.dll",
        "System.Runtime.Extensions.dll",
    ];

    private static readonly Lazy<IReadOnlyList<MetadataReference>> Cached = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    public static IReadOnlyList<MetadataReference> All => Cached.Value;

    private static List<MetadataReference> Load()
    {
        var runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location);
        if (string.IsNullOrEmpty(runtimeDirectory))
        {
            runtimeDirectory = RuntimeEnvironment.GetRuntimeDirectory();
        }

        var paths = RuntimeAssemblies.Select(name => Path.Combine(runtimeDirectory, name)).ToList();
        paths.Add(AssemblyPath(typeof(Grader.Sdk.IMlpVsCnn).Assembly));
        paths.Add(AssemblyPath(typeof(TorchSharp.torch).Assembly));

        var missing = paths.Where(path => !File.Exists(path)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                "Cannot compile learner code: reference assemblies are missing on this host: " + string.Join(", ", missing));
        }

        return paths.Select(path => (MetadataReference)MetadataReference.CreateFromFile(path)).ToList();
    }

    // A single-file host has no assembly locations; the DLLs are then expected next to the executable.
    private static string AssemblyPath(System.Reflection.Assembly assembly) =>
        string.IsNullOrEmpty(assembly.Location)
            ? Path.Combine(AppContext.BaseDirectory, assembly.GetName().Name + ".dll")
            : assembly.Location;
}
