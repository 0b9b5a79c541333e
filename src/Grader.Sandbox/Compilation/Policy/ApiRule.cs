namespace Grader.Sandbox.Compilation.Policy;

/// <summary>
/// One line of the API table. <see cref="DeniedBy"/> is null for an allowance. The most specific line wins:
/// member lines beat member-name lines, which beat type lines (the longest type key first), which beat namespaces.
/// Anything no line allows is denied.
/// </summary>
internal sealed record ApiRule(ApiTargetKind Kind, string Target, PolicyRule? DeniedBy)
{
    /// <summary>For <see cref="ApiTargetKind.Member"/> and <see cref="ApiTargetKind.MemberNameUnder"/>.</summary>
    public string? MemberName { get; init; }

    /// <summary>For <see cref="ApiTargetKind.Member"/>: only overloads with this many parameters (e.g. the parameterless constructor).</summary>
    public int? ParameterCount { get; init; }

    /// <summary>For an allowed type: only these members are allowed; the others are denied by <see cref="OtherMembersDeniedBy"/>.</summary>
    public IReadOnlySet<string>? OnlyMembers { get; init; }

    public PolicyRule? OtherMembersDeniedBy { get; init; }

    public bool IsAllowed => DeniedBy is null;

    public static ApiRule AllowNamespace(string name) => new(ApiTargetKind.Namespace, name, null);

    public static ApiRule DenyNamespace(string name, PolicyRule because) => new(ApiTargetKind.Namespace, name, because);

    public static ApiRule AllowType(string key) => new(ApiTargetKind.Type, key, null);

    public static ApiRule AllowTypeMembers(string key, PolicyRule othersDeniedBy, params string[] members) =>
        new(ApiTargetKind.Type, key, null) { OnlyMembers = members.ToHashSet(StringComparer.Ordinal), OtherMembersDeniedBy = othersDeniedBy };

    public static ApiRule DenyType(string key, PolicyRule because) => new(ApiTargetKind.Type, key, because);

    public static ApiRule DenyMember(string typeKey, string member, PolicyRule because, int? parameterCount = null) =>
        new(ApiTargetKind.Member, typeKey, because) { MemberName = member, ParameterCount = parameterCount };

    public static ApiRule DenyMemberNamedUnder(string prefix, string member, PolicyRule because) =>
        new(ApiTargetKind.MemberNameUnder, prefix, because) { MemberName = member };

    public static ApiRule OnlyOverridesUnder(string prefix, PolicyRule othersDeniedBy, params string[] members) =>
        new(ApiTargetKind.OverridesUnder, prefix, othersDeniedBy) { OnlyMembers = members.ToHashSet(StringComparer.Ordinal) };
}
