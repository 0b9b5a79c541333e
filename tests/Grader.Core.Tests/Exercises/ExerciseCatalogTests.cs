using Grader.Core.Exercises;

namespace Grader.Core.Tests.Exercises;

public sealed class ExerciseCatalogTests
{
    private static readonly string Second = ExerciseYaml.With("id: demo", "id: another");

    [Fact]
    public void Load_SeveralFiles_IndexesById()
    {
        var catalog = ExerciseCatalog.Load([("b/exercise.yaml", ExerciseYaml.Valid), ("a/exercise.yaml", Second)]);

        Assert.Equal(["another", "demo"], catalog.Exercises.Select(e => e.Id));
        Assert.Equal("Demo exercise", catalog.Get("demo").Title);
        Assert.True(catalog.TryGet("another", out var another));
        Assert.Equal("another", another.Id);
        Assert.Equal("a/exercise.yaml", catalog.PathOf("another"));
    }

    [Fact]
    public void Load_DuplicateIds_NamesBothFiles()
    {
        var ex = Assert.Throws<ExerciseFormatException>(
            () => ExerciseCatalog.Load([("one.yaml", ExerciseYaml.Valid), ("two.yaml", ExerciseYaml.Valid)]));

        Assert.Equal("two.yaml: id: duplicate exercise id 'demo', already defined in one.yaml", Assert.Single(ex.Problems));
    }

    [Fact]
    public void Load_InvalidFiles_ReportsEveryProblemWithItsPath()
    {
        var badXp = ExerciseYaml.With("xp: 50", "xp: lots");
        var badId = ExerciseYaml.With("id: demo", "id: Bad Id");

        var ex = Assert.Throws<ExerciseFormatException>(
            () => ExerciseCatalog.Load([("x.yaml", badXp), ("ok.yaml", Second), ("y.yaml", badId)]));

        Assert.Equal(2, ex.Problems.Count);
        Assert.StartsWith("x.yaml: xp: must be a whole number", ex.Problems[0], StringComparison.Ordinal);
        Assert.StartsWith("y.yaml: id: must be kebab-case", ex.Problems[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Get_UnknownId_ListsKnownIds()
    {
        var catalog = ExerciseCatalog.Load("demo.yaml", ExerciseYaml.Valid);

        var ex = Assert.Throws<KeyNotFoundException>(() => catalog.Get("nope"));

        Assert.Equal("No exercise 'nope'; known: demo.", ex.Message);
        Assert.False(catalog.TryGet("nope", out _));
    }
}
