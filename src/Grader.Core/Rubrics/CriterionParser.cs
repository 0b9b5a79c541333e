using System.Text.RegularExpressions;
using Grader.Core.Exercises;
using YamlDotNet.RepresentationModel;

namespace Grader.Core.Rubrics;

/// <summary>Reads the <c>criteria</c> list of an exercise file.</summary>
internal static partial class CriterionParser
{
    private static readonly string[] CriterionKeys =
        ["id", "title", "kind", "expression", "comparison", "threshold", "points", "feedback", "visibility"];

    private static readonly string[] FeedbackKeys = ["pass", "fail"];

    private static readonly Dictionary<string, CriterionKind> Kinds = new(StringComparer.Ordinal)
    {
        ["measure"] = CriterionKind.Measure,
    };

    private static readonly Dictionary<string, CriterionVisibility> Visibilities = new(StringComparer.Ordinal)
    {
        ["visible"] = CriterionVisibility.Visible,
        ["after_due"] = CriterionVisibility.AfterDue,
        ["hidden"] = CriterionVisibility.Hidden,
    };

    public static List<CriterionDefinition> ParseAll(
        YamlMapping top, IReadOnlyDictionary<string, ExerciseProfile> profiles, YamlProblems problems)
    {
        var criteria = new List<CriterionDefinition>();
        var list = top.Sequence("criteria");
        if (list is null)
        {
            return criteria;
        }

        if (list.Children.Count == 0)
        {
            top.Report("criteria", "must list at least one criterion");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < list.Children.Count; i++)
        {
            var path = $"criteria[{i}]";
            if (list.Children[i] is not YamlMappingNode node)
            {
                problems.Add(path, list.Children[i].Start, "must be a mapping with the keys " + string.Join(", ", CriterionKeys));
                continue;
            }

            var fields = new YamlMapping(node, path, problems, CriterionKeys);
            var criterion = Parse(fields, profiles, problems);
            if (criterion is null)
            {
                continue;
            }

            if (!seen.Add(criterion.Id))
            {
                fields.Report("id", $"duplicate criterion id '{criterion.Id}'");
                continue;
            }

            criteria.Add(criterion);
        }

        return criteria;
    }

    private static CriterionDefinition? Parse(
        YamlMapping fields, IReadOnlyDictionary<string, ExerciseProfile> profiles, YamlProblems problems)
    {
        var id = ExerciseParser.Slug(fields, "id");
        var title = fields.Text("title");
        var kind = fields.Choice("kind", Kinds, CriterionKind.Measure);
        var expression = ParseExpression(fields);
        var comparison = fields.Choice("comparison", ComparisonOperatorExtensions.Symbols);
        var threshold = ParseThreshold(fields, profiles, problems);
        var points = fields.Int("points", 0, 100_000);
        var feedback = ParseFeedback(fields, problems);
        var visibility = fields.Choice("visibility", Visibilities, CriterionVisibility.Visible);

        return id is null || title is null || kind is null || expression is null || comparison is null
            || threshold is null || points is null || feedback is null || visibility is null
            ? null
            : new CriterionDefinition(id, title, kind.Value, expression, comparison.Value, threshold, points.Value,
                feedback, visibility.Value);
    }

    private static MeasurementExpression? ParseExpression(YamlMapping fields)
    {
        var text = fields.Text("expression");
        if (text is null)
        {
            return null;
        }

        if (!MeasurementExpression.TryParse(text, out var expression, out var error))
        {
            fields.Report("expression", error);
            return null;
        }

        return expression;
    }

    private static CriterionThreshold? ParseThreshold(
        YamlMapping fields, IReadOnlyDictionary<string, ExerciseProfile> profiles, YamlProblems problems)
    {
        var node = fields.Raw("threshold", required: true);
        var path = fields.Join("threshold");
        switch (node)
        {
            case null:
                return null;
            case YamlScalarNode { Value: { } text }:
                var value = YamlMapping.ParseNumber(text.Trim(), path, node.Start, double.MinValue, double.MaxValue, false, problems);
                return value is null ? null : CriterionThreshold.ForAll(value.Value);
            case YamlMappingNode map:
                return ParsePerDataset(map, path, profiles, problems);
            default:
                problems.Add(path, node.Start, "must be a number or a mapping of dataset to number");
                return null;
        }
    }

    private static CriterionThreshold? ParsePerDataset(
        YamlMappingNode map, string path, IReadOnlyDictionary<string, ExerciseProfile> profiles, YamlProblems problems)
    {
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        var ok = true;
        foreach (var (keyNode, valueNode) in map.Children)
        {
            var dataset = (keyNode as YamlScalarNode)?.Value ?? "";
            if (!ExerciseDatasets.IsKnown(dataset))
            {
                problems.Add($"{path}.{dataset}", keyNode.Start,
                    $"unknown dataset; expected one of: {string.Join(", ", ExerciseDatasets.Known)}");
                ok = false;
                continue;
            }

            var value = valueNode is YamlScalarNode { Value: { } text } && !YamlMapping.IsNull(valueNode)
                ? YamlMapping.ParseNumber(text.Trim(), $"{path}.{dataset}", valueNode.Start, double.MinValue, double.MaxValue, false, problems)
                : Fail(problems, $"{path}.{dataset}", valueNode, "must be a number");
            if (value is null)
            {
                ok = false;
                continue;
            }

            values[dataset] = value.Value;
        }

        if (values.Count == 0 && ok)
        {
            problems.Add(path, map.Start, "must name at least one dataset");
            return null;
        }

        // Every profile must be gradable with its own default dataset; a gap would only show at grading time.
        foreach (var profile in profiles.Values.Where(p => !values.ContainsKey(p.Dataset)))
        {
            problems.Add(path, map.Start, $"has no value for dataset '{profile.Dataset}' used by profile '{profile.Name}'");
            ok = false;
        }

        return ok ? CriterionThreshold.ByDataset(values) : null;
    }

    private static CriterionFeedback? ParseFeedback(YamlMapping fields, YamlProblems problems)
    {
        var node = fields.Mapping("feedback");
        if (node is null)
        {
            return null;
        }

        var feedback = new YamlMapping(node, fields.Join("feedback"), problems, FeedbackKeys);
        var pass = FeedbackText(feedback, "pass");
        var fail = FeedbackText(feedback, "fail");
        return pass is null || fail is null ? null : new CriterionFeedback(pass, fail);
    }

    private static string? FeedbackText(YamlMapping feedback, string key)
    {
        var text = feedback.Text(key);
        if (text is null)
        {
            return null;
        }

        var unknown = PlaceholderPattern().Matches(text)
            .Select(m => m.Groups[1].Value)
            .Where(name => !CriterionFeedback.Placeholders.Contains(name, StringComparer.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (unknown.Count > 0)
        {
            feedback.Report(key, $"unknown placeholder(s) {string.Join(", ", unknown.Select(u => $"{{{u}}}"))}; " +
                $"allowed: {string.Join(", ", CriterionFeedback.Placeholders.Select(p => $"{{{p}}}"))}");
            return null;
        }

        return text;
    }

    private static double? Fail(YamlProblems problems, string path, YamlNode node, string message)
    {
        problems.Add(path, node.Start, message);
        return null;
    }

    [GeneratedRegex(@"\{([A-Za-z_][A-Za-z0-9_]*)\}")]
    private static partial Regex PlaceholderPattern();
}
