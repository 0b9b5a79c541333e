using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Grader.Core.Submissions;

/// <summary>
/// Parses the list filter, a small subset of AIP-160: terms joined by <c>AND</c>, each
/// <c>field op value</c>; fields <c>state</c>, <c>learner</c>, <c>exercise</c>, <c>profile</c> (ops <c>=</c>,
/// <c>!=</c>) and <c>create_time</c> (also <c>&lt; &lt;= &gt; &gt;=</c>, RFC 3339 value). Values may be quoted.
/// </summary>
public static partial class SubmissionFilterParser
{
    /// <summary>Parses <paramref name="filter"/>; on failure <paramref name="error"/> says which term is wrong and why.</summary>
    public static bool TryParse(string filter, out IReadOnlyList<FilterCondition> conditions, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(filter);
        conditions = [];
        error = null;
        if (filter.Trim().Length == 0)
        {
            return true;
        }

        if (filter.Length > 1024)
        {
            error = "is longer than 1024 characters";
            return false;
        }

        var list = new List<FilterCondition>();
        foreach (var term in And().Split(filter.Trim()))
        {
            var match = Term().Match(term);
            if (!match.Success)
            {
                error = $"'{term}' is not a 'field op value' term (e.g. state = SUCCEEDED); join terms with AND";
                return false;
            }

            var name = match.Groups["field"].Value;
            var op = match.Groups["op"].Value switch
            {
                "=" => FilterOperator.Equal,
                "!=" => FilterOperator.NotEqual,
                "<" => FilterOperator.Less,
                "<=" => FilterOperator.LessOrEqual,
                ">" => FilterOperator.Greater,
                _ => FilterOperator.GreaterOrEqual,
            };
            var value = match.Groups["quoted"].Success ? match.Groups["quoted"].Value : match.Groups["bare"].Value;
            if (!TryCondition(name, op, value, out var condition, out error))
            {
                return false;
            }

            list.Add(condition);
        }

        conditions = list;
        return true;
    }

    private static bool TryCondition(string name, FilterOperator op, string value, [NotNullWhen(true)] out FilterCondition? condition, [NotNullWhen(false)] out string? error)
    {
        condition = null;
        error = null;
        var field = name switch
        {
            "state" => FilterField.State,
            "learner" => FilterField.Learner,
            "exercise" => FilterField.Exercise,
            "profile" => FilterField.Profile,
            "create_time" => FilterField.CreateTime,
            _ => (FilterField?)null,
        };
        if (field is null)
        {
            error = $"unknown field '{name}'; use state, learner, exercise, profile or create_time";
            return false;
        }

        if (field == FilterField.CreateTime)
        {
            if (!DateTimeOffset.TryParseExact(value, ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
            {
                error = $"create_time needs an RFC 3339 time such as \"2026-01-31T12:00:00Z\"; got '{value}'";
                return false;
            }

            condition = new FilterCondition(field.Value, op, value, at.ToUniversalTime());
            return true;
        }

        if (op is not (FilterOperator.Equal or FilterOperator.NotEqual))
        {
            error = $"{name} supports only = and !=";
            return false;
        }

        if (field == FilterField.State)
        {
            if (!SubmissionStateExtensions.TryParseName(value, out var state))
            {
                error = $"'{value}' is not a state; use one of {string.Join(", ", Enum.GetValues<SubmissionState>().Select(s => s.ToName()))}";
                return false;
            }

            value = state.ToName();
        }

        condition = new FilterCondition(field.Value, op, value);
        return true;
    }

    [GeneratedRegex(@"\s+AND\s+", RegexOptions.CultureInvariant)]
    private static partial Regex And();

    [GeneratedRegex("""^\s*(?<field>[a-z_]+)\s*(?<op>!=|<=|>=|=|<|>)\s*(?:"(?<quoted>[^"]*)"|(?<bare>[^\s"]+))\s*$""", RegexOptions.CultureInvariant)]
    private static partial Regex Term();
}
