namespace Grader.Core.Errors;

/// <summary>One invalid field of a request (<c>google.rpc.BadRequest.FieldViolation</c>).</summary>
/// <param name="Field">The field's path in snake_case as the API names it, e.g. <c>sources[0].path</c>, <c>page_token</c>.</param>
/// <param name="Description">What is wrong and what is accepted.</param>
public sealed record FieldViolation(string Field, string Description);
