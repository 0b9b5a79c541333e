namespace Grader.Core.Submissions;

/// <summary>One parsed term of a list filter; the store turns it into a parameterised SQL condition.</summary>
/// <param name="Field">Which field.</param>
/// <param name="Operator">Which comparison.</param>
/// <param name="Text">The value for text fields (state as its upper-case name).</param>
/// <param name="Time">The value for <see cref="FilterField.CreateTime"/>.</param>
public sealed record FilterCondition(FilterField Field, FilterOperator Operator, string Text, DateTimeOffset? Time = null);
