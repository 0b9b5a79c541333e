using Grader.Core.Exercises;
using Grader.Core.Rubrics;

namespace Grader.Core.Tests.Exercises;

public sealed class ExerciseParserTests
{
    [Fact]
    public void Parse_ValidFile_ReadsEveryField()
    {
        var exercise = ExerciseParser.Parse(ExerciseYaml.Valid);

        Assert.Equal("demo", exercise.Id);
        Assert.Equal(2, exercise.Version);
        Assert.Equal("Demo exercise", exercise.Title);
        Assert.Equal("01-demo", exercise.Lesson);
        Assert.Equal(50, exercise.Xp);
        Assert.Equal("demo-grader", exercise.Grader);

        var quick = exercise.GetProfile("quick");
        Assert.Equal("synthetic", quick.Dataset);
        Assert.Equal(DevicePreference.Cpu, quick.Device);
        Assert.Equal(new TrainingRecipe(OptimizerKind.Sgd, 0.01, 32, 2, 0, 0, 10, 0.9, 0), quick.Recipe);
        Assert.Equal(new RunLimits(20, 1024), quick.Limits);

        var full = exercise.GetProfile("full");
        Assert.Equal(DevicePreference.CudaPreferred, full.Device);
        Assert.Equal(new TrainingRecipe(OptimizerKind.Adam, 0.001, 128, 3, 100, 50, 60, 0, 0.0001), full.Recipe);
        Assert.Equal(TimeSpan.FromMinutes(1), full.Recipe.TimeLimit);

        Assert.Equal(["gap", "small"], exercise.Criteria.Select(c => c.Id));
        var gap = exercise.Criteria[0];
        Assert.Equal(CriterionKind.Measure, gap.Kind);
        Assert.Equal("b.score - a.score", gap.Expression.Source);
        Assert.Equal(["b.score", "a.score"], gap.Expression.Measurements);
        Assert.Equal(ComparisonOperator.GreaterOrEqual, gap.Comparison);
        Assert.Null(gap.Threshold.Value);
        Assert.Equal(0.2, gap.Threshold.PerDataset["cifar10"]);
        Assert.Equal(30, gap.Points);
        Assert.Equal(new CriterionFeedback("gap {measured} meets {threshold}", "gap {measured} is below {threshold}"), gap.Feedback);
        Assert.Equal(CriterionVisibility.Visible, gap.Visibility);

        var small = exercise.Criteria[1];
        Assert.Equal(ComparisonOperator.Less, small.Comparison);
        Assert.Equal(100, small.Threshold.Value);
        Assert.Equal(CriterionVisibility.AfterDue, small.Visibility);

        Assert.Equal(new SubmissionLimits(5, TimeSpan.FromHours(2), TimeSpan.FromMinutes(1)), exercise.SubmissionLimits);
    }

    [Fact]
    public void Parse_NoSubmissionLimits_LeavesThemNull()
    {
        var yaml = ExerciseYaml.With("submission_limits:\n  count: 5\n  window: 2h\n  cooldown: 1m", "");

        Assert.Null(ExerciseParser.Parse(yaml).SubmissionLimits);
    }

    [Theory]
    [InlineData("id: demo", "id: Demo_Exercise", "id: must be kebab-case")]
    [InlineData("id: demo", "", "id: is required")]
    [InlineData("version: 2", "version: two", "version: must be a whole number, got 'two'")]
    [InlineData("version: 2", "version: 0", "version: must be between 1 and")]
    [InlineData("title: Demo exercise", "title: ", "title: must have a value")]
    [InlineData("lesson: 01-demo", "lesson: [1, 2]", "lesson: must be a non-empty text value")]
    [InlineData("xp: 50", "xp: -5", "xp: must be between 0 and")]
    [InlineData("grader: demo-grader", "grader: Demo Grader", "grader: must be kebab-case")]
    [InlineData("dataset: synthetic", "dataset: cifar-10", "profiles.quick.dataset: must be one of: synthetic, cifar10; got 'cifar-10'")]
    [InlineData("device: cpu", "device: gpu", "profiles.quick.device: must be one of: cpu, cuda-preferred; got 'gpu'")]
    [InlineData("optimizer: sgd", "optimizer: rmsprop", "profiles.quick.recipe.optimizer: must be one of: adam, sgd")]
    [InlineData("learning_rate: 0.01", "learning_rate: 0", "profiles.quick.recipe.learning_rate: must be greater than 0")]
    [InlineData("learning_rate: 0.01", "learning_rate: fast", "profiles.quick.recipe.learning_rate: must be a number, got 'fast'")]
    [InlineData("batch_size: 32", "batch_size: 0", "profiles.quick.recipe.batch_size: must be between 1 and")]
    [InlineData("epochs: 2", "epochs: 2.5", "profiles.quick.recipe.epochs: must be a whole number")]
    [InlineData("train_limit: 100", "train_limit: -1", "profiles.full.recipe.train_limit: must be between 0 and")]
    [InlineData("momentum: 0.9", "momentum: 1.5", "profiles.quick.recipe.momentum: must be at least 0 and at most")]
    [InlineData("weight_decay: 0.0001", "weight_decay: 0.0001\n      momentum: 0.9", "profiles.full.recipe.momentum: applies only to optimizer sgd")]
    [InlineData("time_limit_seconds: 10", "", "profiles.quick.recipe.time_limit_seconds: is required")]
    [InlineData("wall_clock_seconds: 20", "wall_clock_seconds: 5", "profiles.quick.limits.wall_clock_seconds: must be at least recipe.time_limit_seconds (10), got 5")]
    [InlineData("memory_mb: 1024", "memory_mb: 10", "profiles.quick.limits.memory_mb: must be between 64 and")]
    [InlineData("    limits:\n      wall_clock_seconds: 20\n      memory_mb: 1024\n", "", "profiles.quick.limits: is required")]
    [InlineData("  - id: gap", "  - id: small", "criteria[1].id: duplicate criterion id 'small'")]
    [InlineData("title: Gap", "title: Gap\n    kind: essay", "criteria[0].kind: must be one of: measure; got 'essay'")]
    [InlineData("comparison: \"<\"", "comparison: \"=>\"", "criteria[1].comparison: must be one of: >=, <=, >, <, ==; got '=>'")]
    [InlineData("threshold: 100", "threshold: lots", "criteria[1].threshold: must be a number, got 'lots'")]
    [InlineData("threshold: 100", "threshold: [1, 2]", "criteria[1].threshold: must be a number or a mapping of dataset to number")]
    [InlineData("      cifar10: 0.2\n", "", "criteria[0].threshold: has no value for dataset 'cifar10' used by profile 'full'")]
    [InlineData("      cifar10: 0.2", "      cifar10: 0.2\n      imagenet: 0.3", "criteria[0].threshold.imagenet: unknown dataset")]
    [InlineData("      cifar10: 0.2", "      cifar10: high", "criteria[0].threshold.cifar10: must be a number, got 'high'")]
    [InlineData("points: 30", "points: many", "criteria[0].points: must be a whole number")]
    [InlineData("visibility: after_due", "visibility: secret", "criteria[1].visibility: must be one of: visible, after_due, hidden")]
    [InlineData("      fail: too big\n", "", "criteria[1].feedback.fail: is required")]
    [InlineData("fail: too big", "fail: too big, {measured} > {limit}", "criteria[1].feedback.fail: unknown placeholder(s) {limit}")]
    [InlineData("count: 5", "count: 0", "submission_limits.count: must be between 1 and 10000")]
    [InlineData("window: 2h", "window: two hours", "submission_limits.window: must be a duration such as 30s, 15m, 1h or 2d")]
    [InlineData("window: 2h", "window: 10s", "submission_limits.window: must be between")]
    [InlineData("cooldown: 1m", "cooldown: 3h", "submission_limits.cooldown: must not be longer than window")]
    public void Parse_BadField_ReportsFieldByPath(string find, string replace, string expected)
    {
        var ex = Assert.Throws<ExerciseFormatException>(() => ExerciseParser.Parse(ExerciseYaml.With(find, replace)));

        Assert.Contains(ex.Problems, p => p.StartsWith(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("xp: 50", "xp: 50\nexp: 60", "exp: unknown key; expected one of: id, version")]
    [InlineData("epochs: 2", "epochs: 2\n      lerning_rate: 0.1", "profiles.quick.recipe.lerning_rate: unknown key")]
    [InlineData("pass: ok", "pass: ok\n      hint: try again", "criteria[1].feedback.hint: unknown key; expected one of: pass, fail")]
    [InlineData("points: 20", "points: 20\n    weight: 2", "criteria[1].weight: unknown key")]
    public void Parse_UnknownKey_IsAnError(string find, string replace, string expected)
    {
        var ex = Assert.Throws<ExerciseFormatException>(() => ExerciseParser.Parse(ExerciseYaml.With(find, replace)));

        var problem = Assert.Single(ex.Problems);
        Assert.StartsWith(expected, problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("b.score - ", "is not a valid expression")]
    [InlineData("max(b.score, a.score", "is not a valid expression")]
    [InlineData("median(b.score, a.score)", "uses unknown function(s) median")]
    [InlineData("max(b.score)", "cannot be evaluated")]
    [InlineData("b.score > a.score", "cannot be evaluated: gives Boolean, not a number")]
    [InlineData("B.Score - a.score", "has invalid measurement name(s) 'B.Score'")]
    [InlineData("0.5 * 2", "reads no measurement")]
    public void Parse_BadExpression_NamesExpressionField(string expression, string expected)
    {
        var yaml = ExerciseYaml.With("expression: b.score - a.score", $"expression: \"{expression}\"");

        var ex = Assert.Throws<ExerciseFormatException>(() => ExerciseParser.Parse(yaml));

        var problem = Assert.Single(ex.Problems);
        Assert.StartsWith($"criteria[0].expression: {expected}", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SeveralProblems_ListsAllWithLinesAndSource()
    {
        var yaml = ExerciseYaml.With("version: 2", "version: -1").Replace("epochs: 2\n", "epochs: 0\n", StringComparison.Ordinal);

        var ex = Assert.Throws<ExerciseFormatException>(() => ExerciseParser.Parse(yaml, "content/exercises/demo/exercise.yaml"));

        Assert.Equal(2, ex.Problems.Count);
        Assert.StartsWith("version: must be between 1 and", ex.Problems[0], StringComparison.Ordinal);
        Assert.EndsWith("(line 2, column 10)", ex.Problems[0], StringComparison.Ordinal);
        Assert.StartsWith("profiles.quick.recipe.epochs:", ex.Problems[1], StringComparison.Ordinal);
        Assert.Equal("content/exercises/demo/exercise.yaml", ex.FilePath);
        Assert.Contains("'content/exercises/demo/exercise.yaml' has 2 problems", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("id: [unclosed", "(file): not valid YAML")]
    [InlineData("- just\n- a list", "(file): must be a mapping")]
    [InlineData("", "(file): must hold exactly one YAML document, found 0")]
    [InlineData("id: a\n---\nid: b", "(file): must hold exactly one YAML document, found 2")]
    [InlineData("id: a\nid: b", "(file): not valid YAML: Duplicate key")]
    public void Parse_NotAnExerciseDocument_ReportsFile(string yaml, string expected)
    {
        var ex = Assert.Throws<ExerciseFormatException>(() => ExerciseParser.Parse(yaml));

        Assert.StartsWith(expected, Assert.Single(ex.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MissingEverything_ListsEachRequiredField()
    {
        var ex = Assert.Throws<ExerciseFormatException>(() => ExerciseParser.Parse("xp: 1"));

        foreach (var field in new[] { "id", "version", "title", "lesson", "grader", "profiles", "criteria" })
        {
            Assert.Contains(ex.Problems, p => p.StartsWith($"{field}: is required", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void GetProfile_UnknownName_ListsAvailableProfiles()
    {
        var exercise = ExerciseParser.Parse(ExerciseYaml.Valid);

        var ex = Assert.Throws<ArgumentException>(() => exercise.GetProfile("medium"));

        Assert.Contains("no profile 'medium'; available: quick, full", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("synthetic", true)]
    [InlineData("cifar10", true)]
    [InlineData("mnist", false)]
    public void SupportsDataset_PerDatasetThresholds_DependsOnCoverage(string dataset, bool expected)
    {
        var exercise = ExerciseParser.Parse(ExerciseYaml.Valid);

        Assert.Equal(expected, exercise.SupportsDataset(dataset));
    }
}
