namespace Grader.Sandbox.Compilation.Policy;

/// <summary>What an <see cref="ApiRule"/> names.</summary>
internal enum ApiTargetKind
{
    /// <summary>Allow: the public types of exactly this namespace. Deny: this namespace and every namespace below it.</summary>
    Namespace,

    /// <summary>A type (key without arity, e.g. "System.Func"), its nested types and all their members.</summary>
    Type,

    /// <summary>A member of one type, by name (all overloads, or those with <see cref="ApiRule.ParameterCount"/> parameters).</summary>
    Member,

    /// <summary>A member name on any type whose key starts with the target (a namespace or type prefix). Deny only.</summary>
    MemberNameUnder,

    /// <summary>
    /// Under the target (a namespace or type prefix), the members learner types may override (<see cref="ApiRule.OnlyMembers"/>);
    /// overriding any other is denied. Judged by the member that first declared the override chain.
    /// </summary>
    OverridesUnder,
}
