using System.Text.RegularExpressions;
using Grader.Core.Exercises;
using Grader.Core.Rubrics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Grader.Core.Progress;

/// <summary>
/// Parses <c>content/progression.yaml</c>: XP rules, the level curve and the achievements with their criteria.
/// No I/O; every problem is reported at once with its line.
/// </summary>
public static partial class ProgressionParser
{
    private static readonly string[] TopKeys = ["xp", "levels", "achievements"];
    private static readonly string[] XpKeys = ["first_pass_bonus_percent"];
    private static readonly string[] LevelKeys = ["level", "title", "xp"];
    private static readonly string[] AchievementKeys = ["id", "title", "description", "hidden", "when"];
    private static readonly string[] Kinds =
        ["submissions", "passes", "perfect_score", "measurement", "streak_days", "pass_after_failures", "first_try", "pass_after", "level", "utc_hours"];

    private static readonly string[] MeasurementModifiers = ["comparison", "threshold", "requires_pass"];
    private static readonly string[] WhenKeys = [.. Kinds, .. MeasurementModifiers];

    /// <summary>Parses the file's text.</summary>
    /// <exception cref="ProgressionFormatException">Lists every problem.</exception>
    public static ProgressionDefinition Parse(string yaml, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var problems = new YamlProblems();
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            throw new ProgressionFormatException(source, [$"(file): not valid YAML: {ex.Message}"]);
        }

        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new ProgressionFormatException(source, [$"(file): must be one mapping with the keys {string.Join(", ", TopKeys)}"]);
        }

        var top = new YamlMapping(root, "", problems, TopKeys);
        var bonus = 0;
        if (top.Mapping("xp") is { } xpNode)
        {
            bonus = new YamlMapping(xpNode, "xp", problems, XpKeys).Int("first_pass_bonus_percent", 0, 1000) ?? 0;
        }

        var levels = ParseLevels(top, problems);
        var achievements = ParseAchievements(top, problems);
        if (problems.Any)
        {
            throw new ProgressionFormatException(source, problems.Items);
        }

        return new ProgressionDefinition(levels, bonus, achievements);
    }

    private static List<LevelDefinition> ParseLevels(YamlMapping top, YamlProblems problems)
    {
        var levels = new List<LevelDefinition>();
        if (top.Sequence("levels") is not { } sequence)
        {
            return levels;
        }

        for (var i = 0; i < sequence.Children.Count; i++)
        {
            var path = $"levels[{i}]";
            if (sequence.Children[i] is not YamlMappingNode node)
            {
                problems.Add(path, sequence.Children[i].Start, "must be a mapping with level, title and xp");
                continue;
            }

            var map = new YamlMapping(node, path, problems, LevelKeys);
            var level = map.Int("level", 0, 1000);
            var title = map.Text("title");
            var xp = map.Int("xp", 0, 100_000_000);
            if (level is null || title is null || xp is null)
            {
                continue;
            }

            if (level != levels.Count)
            {
                map.Report("level", $"levels must be numbered 0, 1, 2, … in order; expected {levels.Count}");
            }
            else if (level == 0 && xp != 0)
            {
                map.Report("xp", "level 0 starts at 0 XP");
            }
            else if (levels.Count > 0 && xp <= levels[^1].TotalXp)
            {
                map.Report("xp", $"must be more than the previous level's {levels[^1].TotalXp}");
            }

            levels.Add(new LevelDefinition(level.Value, title, xp.Value));
        }

        if (levels.Count == 0)
        {
            problems.Add("levels", sequence.Start, "needs at least level 0");
        }

        return levels;
    }

    private static List<AchievementDefinition> ParseAchievements(YamlMapping top, YamlProblems problems)
    {
        var achievements = new List<AchievementDefinition>();
        if (top.Sequence("achievements") is not { } sequence)
        {
            return achievements;
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < sequence.Children.Count; i++)
        {
            var path = $"achievements[{i}]";
            if (sequence.Children[i] is not YamlMappingNode node)
            {
                problems.Add(path, sequence.Children[i].Start, "must be a mapping with id, title, description, hidden and when");
                continue;
            }

            var map = new YamlMapping(node, path, problems, AchievementKeys);
            var id = map.Text("id");
            if (id is not null && !Slug().IsMatch(id))
            {
                map.Report("id", $"must be kebab-case (lower-case letters and digits joined by '-'); got '{id}'");
            }
            else if (id is not null && !ids.Add(id))
            {
                map.Report("id", $"duplicate achievement id '{id}'");
            }

            var title = map.Text("title");
            var description = map.Text("description");
            var hidden = Bool(map, "hidden", problems) ?? false;
            var criterion = map.Mapping("when") is { } when ? ParseCriterion(new YamlMapping(when, $"{path}.when", problems, WhenKeys), problems) : null;
            if (id is not null && title is not null && description is not null && criterion is not null)
            {
                achievements.Add(new AchievementDefinition(id, title, description, hidden, criterion));
            }
        }

        return achievements;
    }

    private static AchievementCriterion? ParseCriterion(YamlMapping when, YamlProblems problems)
    {
        var present = Kinds.Where(k => when.Node.Children.Keys.OfType<YamlScalarNode>().Any(n => n.Value == k)).ToList();
        if (present.Count != 1)
        {
            problems.Add(when.Path, when.Node.Start, $"must name exactly one criterion of: {string.Join(", ", Kinds)}");
            return null;
        }

        var kind = present[0];
        if (kind != "measurement")
        {
            foreach (var modifier in MeasurementModifiers.Where(m => when.Node.Children.Keys.OfType<YamlScalarNode>().Any(n => n.Value == m)))
            {
                when.Report(modifier, "applies only to a measurement criterion");
            }
        }

        switch (kind)
        {
            case "submissions":
                return when.Int(kind, 1, 1_000_000) is { } s ? new SubmissionCountCriterion(s) : null;
            case "passes":
                return when.Int(kind, 1, 1_000_000) is { } p ? new PassCountCriterion(p) : null;
            case "perfect_score":
                return RequireTrue(when, kind, problems) ? new PerfectScoreCriterion() : null;
            case "first_try":
                return RequireTrue(when, kind, problems) ? new FirstTryCriterion() : null;
            case "streak_days":
                return when.Int(kind, 2, 10_000) is { } d ? new StreakCriterion(d) : null;
            case "pass_after_failures":
                return when.Int(kind, 1, 1_000) is { } f ? new PersistenceCriterion(f) : null;
            case "pass_after":
                return when.Text(kind) is { } reason ? new PassAfterReasonCriterion(reason) : null;
            case "level":
                return when.Int(kind, 1, 1_000) is { } l ? new LevelCriterion(l) : null;
            case "utc_hours":
                return ParseHours(when, problems);
            default:
                return ParseMeasurement(when, problems);
        }
    }

    private static MeasurementCriterion? ParseMeasurement(YamlMapping when, YamlProblems problems)
    {
        var text = when.Text("measurement");
        var comparison = when.Choice("comparison", ComparisonOperatorExtensions.Symbols);
        var threshold = when.Double("threshold", double.MinValue, double.MaxValue);
        var requiresPass = Bool(when, "requires_pass", problems) ?? true;
        if (text is null || comparison is null || threshold is null)
        {
            return null;
        }

        if (!MeasurementExpression.TryParse(text, out var expression, out var error))
        {
            when.Report("measurement", error);
            return null;
        }

        return new MeasurementCriterion(expression, comparison.Value, threshold.Value, requiresPass);
    }

    private static HourOfDayCriterion? ParseHours(YamlMapping when, YamlProblems problems)
    {
        if (when.Sequence("utc_hours") is not { } hours)
        {
            return null;
        }

        var values = hours.Children.OfType<YamlScalarNode>()
            .Select(n => int.TryParse(n.Value, out var h) ? h : -1)
            .ToList();
        if (values.Count != 2 || hours.Children.Count != 2 || values[0] < 0 || values[1] > 24 || values[0] >= values[1])
        {
            problems.Add($"{when.Path}.utc_hours", hours.Start, "must be [from, to] with 0 <= from < to <= 24");
            return null;
        }

        return new HourOfDayCriterion(values[0], values[1]);
    }

    private static bool RequireTrue(YamlMapping when, string key, YamlProblems problems)
    {
        if (Bool(when, key, problems) == true)
        {
            return true;
        }

        when.Report(key, "must be true (omit the criterion otherwise)");
        return false;
    }

    private static bool? Bool(YamlMapping map, string key, YamlProblems problems)
    {
        var node = map.Raw(key, required: false);
        if (node is null)
        {
            return null;
        }

        if (node is YamlScalarNode { Value: "true" or "false" } scalar)
        {
            return scalar.Value == "true";
        }

        problems.Add(map.Join(key), node.Start, "must be true or false");
        return null;
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex Slug();
}
