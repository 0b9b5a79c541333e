using System.Collections.Frozen;
using Microsoft.CodeAnalysis;

namespace Grader.Sandbox.Compilation.Policy;

/// <summary>
/// Answers "may learner code bind to this symbol?" from an API table (<see cref="LearnerApiRules"/>).
/// Symbols declared by the submission itself are allowed: their bodies are checked where they are written.
/// </summary>
internal sealed class ApiPolicy
{
    private readonly FrozenSet<string> allowedNamespaces;
    private readonly FrozenSet<string> usableNamespaces;
    private readonly (string Prefix, PolicyRule Rule)[] deniedNamespaces;
    private readonly FrozenDictionary<string, ApiRule> typeRules;
    private readonly FrozenDictionary<(string Type, string Member), ApiRule[]> memberRules;
    private readonly FrozenDictionary<string, ApiRule[]> memberNameRules;
    private readonly ApiRule[] overrideRules;

    public ApiPolicy(IReadOnlyList<ApiRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        allowedNamespaces = rules.Where(r => r is { Kind: ApiTargetKind.Namespace, IsAllowed: true }).Select(r => r.Target).ToFrozenSet();
        deniedNamespaces = rules
            .Where(r => r is { Kind: ApiTargetKind.Namespace, IsAllowed: false })
            .Select(r => (r.Target, r.DeniedBy!))
            .OrderByDescending(r => r.Target.Length)
            .ToArray();
        typeRules = rules.Where(r => r.Kind == ApiTargetKind.Type).ToFrozenDictionary(r => r.Target);
        memberRules = rules
            .Where(r => r.Kind == ApiTargetKind.Member)
            .GroupBy(r => (r.Target, r.MemberName!))
            .ToFrozenDictionary(g => g.Key, g => g.ToArray());
        memberNameRules = rules
            .Where(r => r.Kind == ApiTargetKind.MemberNameUnder)
            .GroupBy(r => r.MemberName!)
            .ToFrozenDictionary(g => g.Key, g => g.ToArray());
        overrideRules = rules.Where(r => r.Kind == ApiTargetKind.OverridesUnder).OrderByDescending(r => r.Target.Length).ToArray();

        // A using directive may name an allowed namespace or any namespace on the way to an allowed type.
        var usable = new HashSet<string>(allowedNamespaces);
        foreach (var key in allowedNamespaces.Concat(rules.Where(r => r is { Kind: ApiTargetKind.Type, IsAllowed: true }).Select(r => r.Target)))
        {
            for (var dot = key.LastIndexOf('.'); dot > 0; dot = key.LastIndexOf('.', dot - 1))
            {
                usable.Add(key[..dot]);
            }
        }

        usableNamespaces = usable.ToFrozenSet();
    }

    public static ApiPolicy LearnerCode { get; } = new(LearnerApiRules.All);

    public PolicyRule? CheckNamespace(INamespaceSymbol ns)
    {
        var name = SymbolNames.Namespace(ns);
        return name.Length == 0 || usableNamespaces.Contains(name) ? null : NamespaceDenial(name);
    }

    public PolicyDenial? CheckType(ITypeSymbol type, IAssemblySymbol submission) => type switch
    {
        IArrayTypeSymbol array => CheckType(array.ElementType, submission),
        IPointerTypeSymbol or IFunctionPointerTypeSymbol => new PolicyDenial(type, PolicyRules.UnsafeCode),
        { TypeKind: TypeKind.Dynamic } => new PolicyDenial(type, PolicyRules.Dynamic),
        INamedTypeSymbol { TypeKind: not TypeKind.Error } named => CheckNamedType(named, submission),
        _ => null, // type parameters are checked where they are bound; error types are compile errors already
    };

    public PolicyDenial? CheckMember(ISymbol member, IAssemblySymbol submission)
    {
        if (member is IMethodSymbol method)
        {
            if (CheckTypeArguments(method.TypeArguments, submission) is { } argumentDenial)
            {
                return argumentDenial;
            }

            // An extension method called as x.M() is judged as the static method it is.
            member = method.ReducedFrom ?? method;
        }

        if (member.ContainingType is { } owner && CheckTypeArgumentsOfChain(owner, submission) is { } ownerDenial)
        {
            return ownerDenial;
        }

        // An override is judged together with everything it overrides: a denied base member stays denied.
        for (ISymbol? current = member.OriginalDefinition; current is not null; current = Overridden(current))
        {
            if (CheckMemberDefinition(current, submission) is { } denial)
            {
                return denial;
            }

            // An int converts implicitly to nint, so a member taking a handle can be fed one without naming IntPtr
            // (e.g. the protected Module(nint, nint) constructor): any native type in the signature is a door.
            if (!IsDeclaredBy(current, submission) && HasNativeSignature(current))
            {
                return new PolicyDenial(current, PolicyRules.NativeInterop);
            }
        }

        return null;
    }

    /// <summary>
    /// Whether a member the submission declares may override <paramref name="overridden"/>. Judged by the member that
    /// began the chain: overriding TorchSharp's named_parameters through a TorchSharp subclass is still overriding it.
    /// </summary>
    public PolicyDenial? CheckOverride(ISymbol overridden, IAssemblySymbol submission)
    {
        ArgumentNullException.ThrowIfNull(overridden);
        var root = overridden.OriginalDefinition;
        for (var next = Overridden(root); next is not null; next = Overridden(next))
        {
            root = next;
        }

        if (root.ContainingType is not { } owner || IsDeclaredBy(owner, submission))
        {
            return null;
        }

        var key = SymbolNames.TypeKey(owner);
        var rule = overrideRules.FirstOrDefault(r => IsWithin(key, r.Target));
        return rule is null || rule.OnlyMembers!.Contains(root.Name) ? null : new PolicyDenial(root, rule.DeniedBy!);
    }

    private PolicyDenial? CheckMemberDefinition(ISymbol member, IAssemblySymbol submission)
    {
        if (member.ContainingType is not { } owner || IsDeclaredBy(owner, submission))
        {
            return null;
        }

        var key = SymbolNames.TypeKey(owner);
        if (memberRules.TryGetValue((key, member.Name), out var rules))
        {
            var match = rules.FirstOrDefault(r => r.ParameterCount is null || r.ParameterCount == ParameterCount(member));
            if (match is not null)
            {
                return match.IsAllowed ? null : new PolicyDenial(member, match.DeniedBy!);
            }
        }

        if (memberNameRules.TryGetValue(member.Name, out var named))
        {
            var match = named.FirstOrDefault(r => IsWithin(key, r.Target));
            if (match is not null)
            {
                return new PolicyDenial(member, match.DeniedBy!);
            }
        }

        var typeRule = FindTypeRule(key);
        if (typeRule is null)
        {
            return allowedNamespaces.Contains(SymbolNames.Namespace(owner.ContainingNamespace))
                ? null
                : new PolicyDenial(member, NamespaceDenial(SymbolNames.Namespace(owner.ContainingNamespace)));
        }

        if (!typeRule.IsAllowed)
        {
            return new PolicyDenial(member, typeRule.DeniedBy!);
        }

        return typeRule.OnlyMembers is { } only && typeRule.Target == key && !only.Contains(member.Name)
            ? new PolicyDenial(member, typeRule.OtherMembersDeniedBy ?? PolicyRules.NotAllowed)
            : null;
    }

    private PolicyDenial? CheckNamedType(INamedTypeSymbol type, IAssemblySymbol submission)
    {
        if (CheckTypeArgumentsOfChain(type, submission) is { } argumentDenial)
        {
            return argumentDenial;
        }

        var definition = type.OriginalDefinition;
        if (IsDeclaredBy(definition, submission))
        {
            return null;
        }

        var typeRule = FindTypeRule(SymbolNames.TypeKey(definition));
        if (typeRule is not null)
        {
            return typeRule.IsAllowed ? null : new PolicyDenial(definition, typeRule.DeniedBy!);
        }

        var ns = SymbolNames.Namespace(definition.ContainingNamespace);
        return allowedNamespaces.Contains(ns) ? null : new PolicyDenial(definition, NamespaceDenial(ns));
    }

    private PolicyDenial? CheckTypeArgumentsOfChain(INamedTypeSymbol type, IAssemblySymbol submission)
    {
        for (var current = type; current is not null; current = current.ContainingType)
        {
            if (CheckTypeArguments(current.TypeArguments, submission) is { } denial)
            {
                return denial;
            }
        }

        return null;
    }

    private PolicyDenial? CheckTypeArguments(IEnumerable<ITypeSymbol> arguments, IAssemblySymbol submission)
    {
        foreach (var argument in arguments)
        {
            if (CheckType(argument, submission) is { } denial)
            {
                return denial;
            }
        }

        return null;
    }

    // The rule for the type itself or, failing that, for the nearest enclosing type that has one.
    private ApiRule? FindTypeRule(string key)
    {
        for (var candidate = key; ; candidate = candidate[..candidate.LastIndexOf('.')])
        {
            if (typeRules.TryGetValue(candidate, out var rule))
            {
                return rule;
            }

            if (!candidate.Contains('.', StringComparison.Ordinal))
            {
                return null;
            }
        }
    }

    private PolicyRule NamespaceDenial(string ns)
    {
        foreach (var (prefix, rule) in deniedNamespaces)
        {
            if (IsWithin(ns, prefix))
            {
                return rule;
            }
        }

        return PolicyRules.NotAllowed;
    }

    private static bool IsWithin(string key, string prefix) =>
        key.StartsWith(prefix, StringComparison.Ordinal) && (key.Length == prefix.Length || key[prefix.Length] == '.');

    private static bool IsDeclaredBy(ISymbol symbol, IAssemblySymbol submission) =>
        SymbolEqualityComparer.Default.Equals(symbol.ContainingAssembly, submission);

    private static int ParameterCount(ISymbol member) => member switch
    {
        IMethodSymbol method => method.Parameters.Length,
        IPropertySymbol property => property.Parameters.Length,
        _ => 0,
    };

    private static bool HasNativeSignature(ISymbol member) => member switch
    {
        IMethodSymbol method => IsNative(method.ReturnType) || method.Parameters.Any(p => IsNative(p.Type)),
        IPropertySymbol property => IsNative(property.Type) || property.Parameters.Any(p => IsNative(p.Type)),
        IFieldSymbol field => IsNative(field.Type),
        _ => false,
    };

    private static bool IsNative(ITypeSymbol type) => type switch
    {
        IPointerTypeSymbol or IFunctionPointerTypeSymbol => true,
        IArrayTypeSymbol array => IsNative(array.ElementType),
        INamedTypeSymbol named => named.SpecialType is SpecialType.System_IntPtr or SpecialType.System_UIntPtr
            || named.TypeArguments.Any(IsNative),
        _ => false,
    };

    private static ISymbol? Overridden(ISymbol member) => member switch
    {
        IMethodSymbol method => method.OverriddenMethod?.OriginalDefinition,
        IPropertySymbol property => property.OverriddenProperty?.OriginalDefinition,
        IEventSymbol @event => @event.OverriddenEvent?.OriginalDefinition,
        _ => null,
    };
}
