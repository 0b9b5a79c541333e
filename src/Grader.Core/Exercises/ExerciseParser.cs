using System.Globalization;
using System.Text.RegularExpressions;
using Grader.Core.Rubrics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Grader.Core.Exercises;

/// <summary>
/// Parses an exercise file from its YAML text. No I/O: callers read the file. Every problem in the file is
/// reported at once in an <see cref="ExerciseFormatException"/>, each naming the field and its line.
/// </summary>
public static partial class ExerciseParser
{
    private static readonly string[] TopKeys =
        ["id", "version", "title", "lesson", "xp", "grader", "profiles", "criteria", "submission_limits"];

    private static readonly string[] ProfileKeys = ["dataset", "device", "recipe", "limits"];

    private static readonly string[] RecipeKeys =
    [
        "optimizer", "learning_rate", "batch_size", "epochs", "train_limit", "test_limit",
        "time_limit_seconds", "momentum", "weight_decay",
    ];

    private static readonly string[] LimitKeys = ["wall_clock_seconds", "memory_mb"];

    private static readonly string[] SubmissionLimitKeys = ["count", "window", "cooldown"];

    private static readonly Dictionary<string, DevicePreference> Devices = new(StringComparer.Ordinal)
    {
        ["cpu"] = DevicePreference.Cpu,
        ["cuda-preferred"] = DevicePreference.CudaPreferred,
    };

    private static readonly Dictionary<string, OptimizerKind> Optimizers = new(StringComparer.Ordinal)
    {
        ["adam"] = OptimizerKind.Adam,
        ["sgd"] = OptimizerKind.Sgd,
    };

    /// <summary>Parses one exercise file.</summary>
    /// <param name="yaml">The file's text.</param>
    /// <param name="source">The file's path, used only in error messages.</param>
    /// <exception cref="ExerciseFormatException">The file is not a valid exercise; lists every problem.</exception>
    public static ExerciseDefinition Parse(string yaml, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var problems = new YamlProblems();
        var root = LoadRoot(yaml, problems);
        if (root is null)
        {
            throw new ExerciseFormatException(source, problems.Items);
        }

        var top = new YamlMapping(root, "", problems, TopKeys);
        var id = Slug(top, "id");
        var version = top.Int("version", 1, 1_000_000);
        var title = top.Text("title");
        var lesson = Slug(top, "lesson");
        var xp = top.Int("xp", 0, 1_000_000);
        var grader = Slug(top, "grader");
        var profiles = ParseProfiles(top, problems);
        var criteria = CriterionParser.ParseAll(top, profiles, problems);
        var submissionLimits = ParseSubmissionLimits(top, problems);

        if (problems.Any)
        {
            throw new ExerciseFormatException(source, problems.Items);
        }

        return new ExerciseDefinition(
            id!, version!.Value, title!, lesson!, xp!.Value, grader!, profiles.AsReadOnly(), criteria.AsReadOnly(), submissionLimits);
    }

    /// <summary>Reads a kebab-case name (lower-case letters and digits joined by single hyphens).</summary>
    internal static string? Slug(YamlMapping mapping, string key)
    {
        var text = mapping.Text(key);
        if (text is not null && !SlugPattern().IsMatch(text))
        {
            mapping.Report(key, $"must be kebab-case (lower-case letters and digits joined by '-'), got '{text}'");
            return null;
        }

        return text;
    }

    internal static bool IsSlug(string text) => SlugPattern().IsMatch(text);

    private static YamlMappingNode? LoadRoot(string yaml, YamlProblems problems)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            problems.Add("(file)", ex.Start, $"not valid YAML: {ex.Message}");
            return null;
        }

        if (stream.Documents.Count != 1)
        {
            problems.AddGeneral($"(file): must hold exactly one YAML document, found {stream.Documents.Count}");
            return null;
        }

        var root = stream.Documents[0].RootNode;
        if (root is not YamlMappingNode mapping)
        {
            problems.Add("(file)", root.Start, $"must be a mapping with the keys {string.Join(", ", TopKeys)}");
            return null;
        }

        return mapping;
    }

    private static Dictionary<string, ExerciseProfile> ParseProfiles(YamlMapping top, YamlProblems problems)
    {
        var profiles = new Dictionary<string, ExerciseProfile>(StringComparer.Ordinal);
        var node = top.Mapping("profiles");
        if (node is null)
        {
            return profiles;
        }

        if (node.Children.Count == 0)
        {
            top.Report("profiles", "must define at least one profile (e.g. quick)");
        }

        foreach (var (keyNode, valueNode) in node.Children)
        {
            var name = (keyNode as YamlScalarNode)?.Value ?? "";
            var path = $"profiles.{name}";
            if (!IsSlug(name))
            {
                problems.Add(path, keyNode.Start, "profile names must be kebab-case, e.g. quick");
                continue;
            }

            if (valueNode is not YamlMappingNode body)
            {
                problems.Add(path, valueNode.Start, "must be a mapping with the keys " + string.Join(", ", ProfileKeys));
                continue;
            }

            var profile = ParseProfile(name, new YamlMapping(body, path, problems, ProfileKeys), problems);
            if (profile is not null)
            {
                profiles[name] = profile;
            }
        }

        return profiles;
    }

    private static ExerciseProfile? ParseProfile(string name, YamlMapping fields, YamlProblems problems)
    {
        var dataset = fields.Text("dataset");
        if (dataset is not null && !ExerciseDatasets.IsKnown(dataset))
        {
            fields.Report("dataset", $"must be one of: {string.Join(", ", ExerciseDatasets.Known)}; got '{dataset}'");
            dataset = null;
        }

        var device = fields.Choice("device", Devices);
        var recipeNode = fields.Mapping("recipe");
        var recipe = recipeNode is null ? null : ParseRecipe(new YamlMapping(recipeNode, fields.Join("recipe"), problems, RecipeKeys));
        var limitsNode = fields.Mapping("limits");
        var limitFields = limitsNode is null ? null : new YamlMapping(limitsNode, fields.Join("limits"), problems, LimitKeys);
        var limits = limitFields is null ? null : ParseLimits(limitFields);

        if (recipe is not null && limits is not null && limits.WallClockSeconds < recipe.TimeLimitSeconds)
        {
            // The sandbox would kill the run before the trainer's own time limit could end it cleanly.
            limitFields!.Report("wall_clock_seconds",
                $"must be at least recipe.time_limit_seconds ({recipe.TimeLimitSeconds}), got {limits.WallClockSeconds}");
            limits = null;
        }

        return dataset is null || device is null || recipe is null || limits is null
            ? null
            : new ExerciseProfile(name, dataset, device.Value, recipe, limits);
    }

    private static TrainingRecipe? ParseRecipe(YamlMapping recipe)
    {
        var optimizer = recipe.Choice("optimizer", Optimizers);
        var learningRate = recipe.Double("learning_rate", 0, 10, exclusiveMin: true);
        var batchSize = recipe.Int("batch_size", 1, 65_536);
        var epochs = recipe.Int("epochs", 1, 10_000);
        var trainLimit = recipe.Int("train_limit", 0, int.MaxValue, fallback: 0);
        var testLimit = recipe.Int("test_limit", 0, int.MaxValue, fallback: 0);
        var timeLimit = recipe.Int("time_limit_seconds", 1, 7 * 24 * 3600);
        var momentum = recipe.Double("momentum", 0, 0.999999, fallback: 0);
        var weightDecay = recipe.Double("weight_decay", 0, 1, fallback: 0);

        if (optimizer == OptimizerKind.Adam && momentum is > 0)
        {
            recipe.Report("momentum", "applies only to optimizer sgd; remove it or set it to 0 for adam");
            return null;
        }

        return optimizer is null || learningRate is null || batchSize is null || epochs is null || trainLimit is null
            || testLimit is null || timeLimit is null || momentum is null || weightDecay is null
            ? null
            : new TrainingRecipe(optimizer.Value, learningRate.Value, batchSize.Value, epochs.Value, trainLimit.Value,
                testLimit.Value, timeLimit.Value, momentum.Value, weightDecay.Value);
    }

    private static RunLimits? ParseLimits(YamlMapping limits)
    {
        var wallClock = limits.Int("wall_clock_seconds", 1, 7 * 24 * 3600);
        var memory = limits.Int("memory_mb", 64, 1024 * 1024);
        return wallClock is null || memory is null ? null : new RunLimits(wallClock.Value, memory.Value);
    }

    private static SubmissionLimits? ParseSubmissionLimits(YamlMapping top, YamlProblems problems)
    {
        var node = top.Mapping("submission_limits", required: false);
        if (node is null)
        {
            return null;
        }

        var fields = new YamlMapping(node, "submission_limits", problems, SubmissionLimitKeys);
        var count = fields.Int("count", 1, 10_000);
        var window = Duration(fields, "window", required: true, TimeSpan.FromMinutes(1), TimeSpan.FromDays(30));
        var cooldown = Duration(fields, "cooldown", required: false, TimeSpan.Zero, TimeSpan.FromDays(1)) ?? TimeSpan.Zero;
        if (window is not null && cooldown > window)
        {
            fields.Report("cooldown", "must not be longer than window");
            return null;
        }

        return count is null || window is null ? null : new SubmissionLimits(count.Value, window.Value, cooldown);
    }

    /// <summary>Reads a duration written as a whole number and a unit: 30s, 15m, 1h or 2d.</summary>
    private static TimeSpan? Duration(YamlMapping fields, string key, bool required, TimeSpan min, TimeSpan max)
    {
        var text = fields.Text(key, required);
        if (text is null)
        {
            return null;
        }

        var match = DurationPattern().Match(text);
        if (!match.Success || !int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
        {
            fields.Report(key, $"must be a duration such as 30s, 15m, 1h or 2d; got '{text}'");
            return null;
        }

        var value = match.Groups[2].Value switch
        {
            "s" => TimeSpan.FromSeconds(amount),
            "m" => TimeSpan.FromMinutes(amount),
            "h" => TimeSpan.FromHours(amount),
            _ => TimeSpan.FromDays(amount),
        };
        if (value < min || value > max)
        {
            fields.Report(key, $"must be between {min:c} and {max:c}, got {value:c}");
            return null;
        }

        return value;
    }

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();

    [GeneratedRegex("^([0-9]{1,6})([smhd])$")]
    private static partial Regex DurationPattern();
}
