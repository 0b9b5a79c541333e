namespace Grader.Server.Tests.Hosting;

/// <summary>Where the test content, the lesson-01 solutions and the built CLI are.</summary>
public static class TestPaths
{
    public static string RepositoryRoot => RepositoryPaths.Root;

    /// <summary>The test content folder copied beside the tests: tiny, slow and limited copies of lesson 01.</summary>
    public static string Content => Path.Combine(AppContext.BaseDirectory, "Content");

    public static string Reference => Path.Combine(RepositoryRoot, "content", "exercises", "mlp-vs-cnn", "reference", "Solution.cs");

    public static string Sample(string name) => Path.Combine(RepositoryRoot, "content", "exercises", "mlp-vs-cnn", "samples", name, "Solution.cs");

    /// <summary>The CLI built beside this test assembly.</summary>
    public static string GraderDll => RepositoryPaths.BuiltBeside("Grader.Cli", "grader.dll");
}
