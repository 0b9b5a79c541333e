using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using NCalc;
using NCalc.Exceptions;

namespace Grader.Core.Rubrics;

/// <summary>
/// An arithmetic expression over named measurements, e.g.
/// <c>max(mlp.parameters, cnn.parameters) / min(mlp.parameters, cnn.parameters)</c>.
/// </summary>
/// <remarks>
/// Evaluated with NCalc. NCalc reads <c>mlp.parameters</c> as invalid syntax, so dotted names are rewritten
/// into NCalc's bracketed parameters (<c>[mlp.parameters]</c>) before parsing; authors write the natural form.
/// Only a small set of numeric functions is allowed, matched case-insensitively.
/// </remarks>
public sealed partial class MeasurementExpression
{
    private const ExpressionOptions Options = ExpressionOptions.IgnoreCaseAtBuiltInFunctions;

    private static readonly HashSet<string> Keywords = new(StringComparer.OrdinalIgnoreCase)
    {
        "and", "or", "not", "true", "false", "in", "like", "is", "null",
    };

    private MeasurementExpression(string source, string ncalcText, IReadOnlyList<string> measurements)
    {
        Source = source;
        NCalcText = ncalcText;
        Measurements = measurements;
    }

    /// <summary>The functions an expression may call (any letter case).</summary>
    public static IReadOnlyList<string> Functions { get; } = ["abs", "max", "min", "sqrt", "pow", "floor", "ceiling", "round"];

    /// <summary>The expression as authored.</summary>
    public string Source { get; }

    /// <summary>The expression as handed to NCalc, with measurement names bracketed.</summary>
    public string NCalcText { get; }

    /// <summary>The measurement names the expression reads, in order of first use.</summary>
    public IReadOnlyList<string> Measurements { get; }

    /// <summary>Parses and checks <paramref name="source"/>; throws <see cref="FormatException"/> when it is not valid.</summary>
    public static MeasurementExpression Parse(string source) =>
        TryParse(source, out var expression, out var error) ? expression : throw new FormatException(error);

    /// <summary>
    /// Parses and checks <paramref name="source"/>: syntax, allowed functions, measurement names, and a trial
    /// evaluation with every measurement set to 1 so that wrong argument counts or a non-numeric result
    /// (e.g. a comparison) surface when the exercise loads, not when a learner is graded.
    /// </summary>
    public static bool TryParse(
        string source,
        [NotNullWhen(true)] out MeasurementExpression? expression,
        [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(source);
        expression = null;
        if (string.IsNullOrWhiteSpace(source))
        {
            error = "is empty";
            return false;
        }

        var text = BracketMeasurementNames(source.Trim());
        var parsed = new Expression(text, Options) { CultureInfo = CultureInfo.InvariantCulture };
        if (parsed.HasErrors())
        {
            error = $"is not a valid expression: {Describe(parsed.Error)}";
            return false;
        }

        var unknownFunctions = parsed.GetFunctionNames()
            .Where(f => !Functions.Contains(f, StringComparer.OrdinalIgnoreCase))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        if (unknownFunctions.Count > 0)
        {
            error = $"uses unknown function(s) {string.Join(", ", unknownFunctions)}; allowed: {string.Join(", ", Functions)}";
            return false;
        }

        var names = parsed.GetParameterNames().Distinct(StringComparer.Ordinal).ToList();
        var badNames = names.Where(n => !MeasurementNamePattern().IsMatch(n)).ToList();
        if (badNames.Count > 0)
        {
            error = $"has invalid measurement name(s) {string.Join(", ", badNames.Select(n => $"'{n}'"))}; " +
                "names are lower-case words joined by dots, e.g. cnn.test_accuracy";
            return false;
        }

        if (names.Count == 0)
        {
            error = "reads no measurement; a criterion must depend on what was measured";
            return false;
        }

        var candidate = new MeasurementExpression(source.Trim(), text, names);
        var trial = names.ToDictionary(n => n, _ => 1.0, StringComparer.Ordinal);
        if (!candidate.TryCompute(trial, out _, out var trialError))
        {
            error = $"cannot be evaluated: {trialError}";
            return false;
        }

        expression = candidate;
        error = null;
        return true;
    }

    /// <summary>
    /// Evaluates the expression. Fails (rather than throwing) when a measurement is missing, with the error
    /// <c>measurement NAME missing</c>, or when the expression cannot produce a number.
    /// </summary>
    public bool TryEvaluate(
        IReadOnlyDictionary<string, double> measurements,
        out double value,
        [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(measurements);
        value = double.NaN;
        var missing = Measurements.Where(n => !measurements.ContainsKey(n)).ToList();
        if (missing.Count > 0)
        {
            error = missing.Count == 1
                ? $"measurement {missing[0]} missing"
                : $"measurements {string.Join(", ", missing)} missing";
            return false;
        }

        if (!TryCompute(measurements, out value, out var reason))
        {
            error = $"could not evaluate '{Source}': {reason}";
            return false;
        }

        error = null;
        return true;
    }

    public override string ToString() => Source;

    private bool TryCompute(IReadOnlyDictionary<string, double> measurements, out double value, [NotNullWhen(false)] out string? reason)
    {
        value = double.NaN;
        var expression = new Expression(NCalcText, Options) { CultureInfo = CultureInfo.InvariantCulture };
        foreach (var name in Measurements)
        {
            expression.Parameters[name] = measurements[name];
        }

        object? result;
        try
        {
            result = expression.Evaluate();
        }
        catch (Exception ex) when (ex is NCalcException or ArgumentException or InvalidCastException or FormatException or OverflowException)
        {
            reason = Describe(ex);
            return false;
        }

        switch (result)
        {
            case double d:
                value = d;
                reason = null;
                return true;
            case float or decimal or int or long or short or byte or sbyte or uint or ulong or ushort:
                value = Convert.ToDouble(result, CultureInfo.InvariantCulture);
                reason = null;
                return true;
            default:
                // Typically a comparison written into the expression; the criterion's comparison does that job.
                reason = $"gives {(result is null ? "nothing" : result.GetType().Name)}, not a number";
                return false;
        }
    }

    /// <summary>Wraps every identifier that is not a function name or keyword in NCalc brackets.</summary>
    private static string BracketMeasurementNames(string source)
    {
        var output = new StringBuilder(source.Length + 16);
        var i = 0;
        while (i < source.Length)
        {
            var c = source[i];
            if (c is '[' or '{' or '\'' or '"')
            {
                // Already a bracketed parameter or a string literal: copy it untouched.
                var close = c switch { '[' => ']', '{' => '}', _ => c };
                var end = source.IndexOf(close, i + 1);
                end = end < 0 ? source.Length - 1 : end;
                output.Append(source, i, end - i + 1);
                i = end + 1;
            }
            else if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < source.Length && char.IsAsciiDigit(source[i + 1])))
            {
                // Numbers are copied whole so the exponent in 1e-3 is not taken for an identifier.
                var match = NumberPattern().Match(source, i);
                output.Append(match.Value);
                i += Math.Max(1, match.Length);
            }
            else if (char.IsAsciiLetter(c) || c == '_')
            {
                var match = IdentifierPattern().Match(source, i);
                var name = match.Value;
                i += name.Length;
                var next = i;
                while (next < source.Length && char.IsWhiteSpace(source[next]))
                {
                    next++;
                }

                var isCall = next < source.Length && source[next] == '(';
                output.Append(isCall || Keywords.Contains(name) ? name : $"[{name}]");
            }
            else
            {
                output.Append(c);
                i++;
            }
        }

        return output.ToString();
    }

    private static string Describe(Exception? error)
    {
        // NCalc wraps the useful parser message; its positions refer to the rewritten text, so they are dropped.
        var message = (error?.InnerException ?? error)?.Message ?? "unknown error";
        return PositionSuffix().Replace(message, "").TrimEnd('.', ' ');
    }

    [GeneratedRegex(@"\G[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*")]
    private static partial Regex IdentifierPattern();

    [GeneratedRegex(@"\G(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"^[a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)*$")]
    private static partial Regex MeasurementNamePattern();

    [GeneratedRegex(@"\s*at position \(\d+:\d+\)")]
    private static partial Regex PositionSuffix();
}
