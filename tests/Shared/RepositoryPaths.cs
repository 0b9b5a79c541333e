using System.Runtime.CompilerServices;

namespace Grader.Tests.Shared;

/// <summary>
/// Where tests find the checkout and the programs built beside them. Compiled into every test project
/// (tests/Directory.Build.props), so there is one way to do it.
/// </summary>
internal static class RepositoryPaths
{
    /// <summary>
    /// The folder holding Grader.sln: found above the test binaries or, when they were built elsewhere
    /// (<c>--artifacts-path</c>), above this source file's compile-time path.
    /// </summary>
    public static string Root { get; } = FindRoot();

    /// <summary>
    /// A file of another project built in the same artifacts layout as this test assembly
    /// (<c>artifacts/bin/&lt;project&gt;/&lt;config&gt;/</c>), e.g. ("Grader.Cli", "grader.dll").
    /// </summary>
    public static string BuiltBeside(string project, string file)
    {
        var here = AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar);
        var path = Path.GetFullPath(Path.Combine(here, "..", "..", project, Path.GetFileName(here), file));
        return File.Exists(path) ? path : throw new FileNotFoundException($"build {project} first", path);
    }

    private static string FindRoot([CallerFilePath] string sourceFile = "")
    {
        foreach (var from in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(sourceFile) ?? "" }.Where(s => s.Length > 0))
        {
            for (var dir = new DirectoryInfo(from); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Grader.sln")))
                {
                    return dir.FullName;
                }
            }
        }
        throw new InvalidOperationException($"No Grader.sln above {AppContext.BaseDirectory} or {sourceFile}.");
    }
}
