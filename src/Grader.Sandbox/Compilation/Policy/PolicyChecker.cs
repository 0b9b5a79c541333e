using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Grader.Sandbox.Compilation.Policy;

/// <summary>
/// Walks every syntax node of the submission and checks what it binds to on the semantic model, plus the
/// language features that are forbidden whatever they bind to. Only what the learner wrote is checked:
/// members the compiler synthesises (record equality, async builders, …) are not the learner's choice.
/// </summary>
internal sealed class PolicyChecker(ApiPolicy policy)
{
    // Far more findings than anyone reads; past this the walk stops, which also bounds the folding below.
    private const int MaxViolations = 1000;

    public IReadOnlyList<PolicyViolation> Check(CSharpCompilation compilation, CancellationToken cancellationToken)
    {
        var violations = new List<PolicyViolation>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            var model = compilation.GetSemanticModel(tree);
            var checker = new SyntaxTreeChecker(policy, model, compilation.Assembly, violations);
            var visited = 0;
            foreach (var node in tree.GetRoot(cancellationToken).DescendantNodesAndSelf())
            {
                if (++visited % 256 == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                checker.Visit(node, cancellationToken);
                if (violations.Count >= MaxViolations)
                {
                    return Fold(violations);
                }
            }
        }

        return Fold(violations);
    }

    // One expression can bind several times to the same forbidden thing: System.IO.File.ReadAllText binds the
    // method, the qualifier binds File, and an expression's type binds again. Keep the outermost finding and drop
    // the ones inside it that name the same symbol or a type that encloses it, and say the same thing once a line.
    private static List<PolicyViolation> Fold(List<PolicyViolation> violations)
    {
        var ordered = violations
            .Select(v => (Violation: v, Line: v.Location.GetLineSpan().StartLinePosition.Line))
            .OrderBy(v => v.Violation.Location.SourceTree?.FilePath, StringComparer.Ordinal)
            .ThenBy(v => v.Violation.Span.Start)
            .ThenByDescending(v => v.Violation.Span.Length)
            .ThenBy(v => v.Violation.Symbol is ITypeSymbol ? 1 : 0)
            .ToList();
        var kept = new List<(PolicyViolation Violation, int Line)>();
        for (var i = 0; i < ordered.Count; i++)
        {
            var (candidate, line) = ordered[i];

            // A repeat inside a repeat is still a repeat, so containment is checked against everything before it.
            var inner = ordered.Take(i).Any(k =>
                k.Violation.Location.SourceTree == candidate.Location.SourceTree
                && k.Violation.Span.Contains(candidate.Span)
                && (k.Violation.Message == candidate.Message || Encloses(k.Violation.Symbol, candidate.Symbol)));
            var sameLine = kept.Any(k =>
                k.Violation.Location.SourceTree == candidate.Location.SourceTree && k.Line == line && k.Violation.Message == candidate.Message);
            if (!inner && !sameLine)
            {
                kept.Add((candidate, line));
            }
        }

        return kept.Select(k => k.Violation).ToList();
    }

    private static bool Encloses(ISymbol? outer, ISymbol? inner)
    {
        if (outer is null || inner is null)
        {
            return false;
        }

        if (SymbolEqualityComparer.Default.Equals(outer.OriginalDefinition, inner.OriginalDefinition))
        {
            return true;
        }

        for (var owner = outer.ContainingType; owner is not null; owner = owner.ContainingType)
        {
            if (SymbolEqualityComparer.Default.Equals(owner.OriginalDefinition, inner.OriginalDefinition))
            {
                return true;
            }
        }

        return false;
    }
}
