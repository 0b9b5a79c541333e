using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Grader.Core.Exercises;

/// <summary>
/// Reads the fields of one YAML mapping, reporting each bad field under its full path
/// (e.g. <c>profiles.quick.recipe.epochs</c>) instead of stopping at the first one.
/// </summary>
internal sealed class YamlMapping
{
    private readonly Dictionary<string, YamlNode> _fields = new(StringComparer.Ordinal);
    private readonly YamlProblems _problems;

    public YamlMapping(YamlMappingNode node, string path, YamlProblems problems, IReadOnlyCollection<string> allowedKeys)
    {
        Node = node;
        Path = path;
        _problems = problems;
        foreach (var (keyNode, value) in node.Children)
        {
            var key = keyNode is YamlScalarNode scalar ? scalar.Value ?? "" : "";
            if (!allowedKeys.Contains(key))
            {
                problems.Add(Join(key.Length > 0 ? key : "?"), keyNode.Start,
                    $"unknown key; expected one of: {string.Join(", ", allowedKeys)}");
                continue;
            }

            _fields[key] = value;
        }
    }

    public YamlMappingNode Node { get; }

    public string Path { get; }

    public string Join(string key) => Path.Length == 0 ? key : $"{Path}.{key}";

    public void Report(string key, string message) =>
        _problems.Add(Join(key), _fields.TryGetValue(key, out var node) ? node.Start : Node.Start, message);

    /// <summary>The raw node, or null when absent or written as null/empty.</summary>
    public YamlNode? Raw(string key, bool required)
    {
        if (_fields.TryGetValue(key, out var node) && !IsNull(node))
        {
            return node;
        }

        if (required)
        {
            _problems.Add(Join(key), _fields.TryGetValue(key, out var empty) ? empty.Start : Node.Start,
                _fields.ContainsKey(key) ? "must have a value" : "is required");
        }

        return null;
    }

    public string? Text(string key, bool required = true)
    {
        var node = Raw(key, required);
        if (node is null)
        {
            return null;
        }

        if (node is not YamlScalarNode { Value: { } text } || string.IsNullOrWhiteSpace(text))
        {
            _problems.Add(Join(key), node.Start, "must be a non-empty text value");
            return null;
        }

        return text.Trim();
    }

    public int? Int(string key, int min, int max, int? fallback = null)
    {
        var text = NumberText(key, fallback is null);
        if (text is null)
        {
            return fallback;
        }

        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            Report(key, $"must be a whole number, got '{text}'");
            return null;
        }

        if (value < min || value > max)
        {
            Report(key, $"must be between {min} and {max}, got {value}");
            return null;
        }

        return value;
    }

    /// <summary>A finite number in [min, max] (or (min, max] when <paramref name="exclusiveMin"/>).</summary>
    public double? Double(string key, double min, double max, bool exclusiveMin = false, double? fallback = null)
    {
        var text = NumberText(key, fallback is null);
        if (text is null)
        {
            return fallback;
        }

        var node = _fields[key];
        return ParseNumber(text, Join(key), node.Start, min, max, exclusiveMin, _problems);
    }

    public T? Choice<T>(string key, IReadOnlyDictionary<string, T> choices, T? fallback = null)
        where T : struct
    {
        var text = Text(key, fallback is null);
        if (text is null)
        {
            return fallback;
        }

        if (!choices.TryGetValue(text, out var value))
        {
            Report(key, $"must be one of: {string.Join(", ", choices.Keys)}; got '{text}'");
            return null;
        }

        return value;
    }

    public YamlMappingNode? Mapping(string key, bool required = true)
    {
        var node = Raw(key, required);
        if (node is null)
        {
            return null;
        }

        if (node is not YamlMappingNode mapping)
        {
            _problems.Add(Join(key), node.Start, "must be a mapping of keys to values");
            return null;
        }

        return mapping;
    }

    public YamlSequenceNode? Sequence(string key, bool required = true)
    {
        var node = Raw(key, required);
        if (node is null)
        {
            return null;
        }

        if (node is not YamlSequenceNode sequence)
        {
            _problems.Add(Join(key), node.Start, "must be a list");
            return null;
        }

        return sequence;
    }

    public static double? ParseNumber(
        string text, string path, Mark at, double min, double max, bool exclusiveMin, YamlProblems problems)
    {
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            problems.Add(path, at, $"must be a number, got '{text}'");
            return null;
        }

        var tooLow = exclusiveMin ? value <= min : value < min;
        if (tooLow || value > max)
        {
            var lower = exclusiveMin ? $"greater than {Format(min)}" : $"at least {Format(min)}";
            problems.Add(path, at, $"must be {lower} and at most {Format(max)}, got {Format(value)}");
            return null;
        }

        return value;
    }

    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any, Value: null or "" or "~" or "null" or "Null" or "NULL" };

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private string? NumberText(string key, bool required)
    {
        var node = Raw(key, required);
        if (node is null)
        {
            return null;
        }

        if (node is not YamlScalarNode { Value: { } text })
        {
            _problems.Add(Join(key), node.Start, "must be a number");
            return null;
        }

        return text.Trim();
    }
}
