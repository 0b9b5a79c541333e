using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Grader.Sandbox.Compilation.Policy;

/// <summary>
/// One finding of the policy. <see cref="Span"/> is the whole syntax that bound to <see cref="Symbol"/>; it is
/// used to fold the repeats one expression produces (File.ReadAllText also binds File) into one message.
/// </summary>
internal sealed record PolicyViolation(PolicyRule Rule, string Message, Location Location, TextSpan Span, ISymbol? Symbol);
