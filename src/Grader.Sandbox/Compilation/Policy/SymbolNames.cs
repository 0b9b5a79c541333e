using Microsoft.CodeAnalysis;

namespace Grader.Sandbox.Compilation.Policy;

/// <summary>How the policy names symbols: lookup keys for the API table and readable names for messages.</summary>
internal static class SymbolNames
{
    private static readonly SymbolDisplayFormat QualifiedWithoutGenerics = new(
        globalNamespaceStyle: SymbolDisplayGlobalNamespaceStyle.Omitted,
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
        genericsOptions: SymbolDisplayGenericsOptions.None);

    /// <summary>Namespace, enclosing types and name, without arity or type arguments: "TorchSharp.torch.nn.Module".</summary>
    public static string TypeKey(INamedTypeSymbol type)
    {
        var name = type.Name;
        for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            name = outer.Name + "." + name;
        }

        var ns = Namespace(type.ContainingNamespace);
        return ns.Length == 0 ? name : ns + "." + name;
    }

    public static string Namespace(INamespaceSymbol? ns) =>
        ns is null || ns.IsGlobalNamespace ? string.Empty : ns.ToDisplayString(QualifiedWithoutGenerics);

    /// <summary>"System.IO.File.ReadAllText", "System.Random constructor", "System.IntPtr", "namespace System.IO".</summary>
    public static string Display(ISymbol symbol) => symbol switch
    {
        INamespaceSymbol ns => "namespace " + Namespace(ns),
        IMethodSymbol { MethodKind: MethodKind.Constructor or MethodKind.StaticConstructor } ctor => TypeKey(ctor.ContainingType) + " constructor",
        // Keys rather than C# display strings: the compiler would print System.IntPtr as "nint".
        INamedTypeSymbol type => TypeKey(type),
        ITypeSymbol type => type.ToDisplayString(QualifiedWithoutGenerics),
        _ when symbol.ContainingType is { } owner => TypeKey(owner) + "." + symbol.Name,
        _ => symbol.ToDisplayString(QualifiedWithoutGenerics),
    };
}
