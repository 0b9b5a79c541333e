using Microsoft.CodeAnalysis;

namespace Grader.Sandbox.Compilation.Policy;

/// <summary>The symbol that is not allowed (possibly a type argument of what the code named) and why.</summary>
internal sealed record PolicyDenial(ISymbol Symbol, PolicyRule Rule)
{
    public string Message => $"{SymbolNames.Display(Symbol)} is not allowed: {Rule.Reason}.";
}
