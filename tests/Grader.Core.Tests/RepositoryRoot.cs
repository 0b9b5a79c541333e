using System.Runtime.CompilerServices;

namespace Grader.Core.Tests;

/// <summary>Finds the checkout so tests can read the real content files.</summary>
internal static class RepositoryRoot
{
    /// <summary>
    /// Walks up from the test binaries to the folder holding Grader.sln. Builds with <c>--artifacts-path</c>
    /// put the binaries outside the checkout, so this source file's own compile-time path is the fallback.
    /// </summary>
    public static string Find([CallerFilePath] string sourceFile = "")
    {
        var start = new[] { AppContext.BaseDirectory, Path.GetDirectoryName(sourceFile) ?? "" };
        foreach (var from in start.Where(s => s.Length > 0))
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
