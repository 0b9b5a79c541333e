using System.Runtime.CompilerServices;

namespace Grader.Data.Tests.Infrastructure;

/// <summary>Finds the checkout so tests can load the real content folder.</summary>
internal static class RepositoryRoot
{
    public static string Find([CallerFilePath] string sourceFile = "")
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
