namespace Grader.Server.Tests.Hosting;

/// <summary>Where the test content, the lesson-01 solutions and the built CLI are.</summary>
public static class TestPaths
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>The test content folder copied beside the tests: tiny, slow and limited copies of lesson 01.</summary>
    public static string Content => Path.Combine(AppContext.BaseDirectory, "Content");

    public static string Reference => Path.Combine(RepositoryRoot, "content", "exercises", "mlp-vs-cnn", "reference", "Solution.cs");

    public static string Sample(string name) => Path.Combine(RepositoryRoot, "content", "exercises", "mlp-vs-cnn", "samples", name, "Solution.cs");

    /// <summary>The CLI built beside this test assembly in the artifacts layout (artifacts/bin/&lt;project&gt;/&lt;config&gt;/).</summary>
    public static string GraderDll
    {
        get
        {
            var here = AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar);
            var path = Path.GetFullPath(Path.Combine(here, "..", "..", "Grader.Cli", Path.GetFileName(here), "grader.dll"));
            return File.Exists(path) ? path : throw new FileNotFoundException("build src/Grader.Cli first", path);
        }
    }

    private static string FindRepositoryRoot([System.Runtime.CompilerServices.CallerFilePath] string thisFile = "")
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(thisFile)! })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Grader.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("Grader.sln not found above the test assembly or its source");
    }
}
