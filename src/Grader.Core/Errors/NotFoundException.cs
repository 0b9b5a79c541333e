namespace Grader.Core.Errors;

/// <summary>The named resource does not exist (gRPC NOT_FOUND).</summary>
public sealed class NotFoundException : GraderException
{
    public NotFoundException()
        : this("resource", "")
    {
    }

    public NotFoundException(string message)
        : base("NOT_FOUND", message)
    {
        ResourceType = "resource";
        ResourceName = "";
    }

    public NotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
        ResourceType = "resource";
        ResourceName = "";
    }

    /// <param name="resourceType">e.g. <c>submission</c>, <c>course</c>, <c>exercise</c>, <c>key</c>.</param>
    /// <param name="resourceName">The id or name that was looked up.</param>
    public NotFoundException(string resourceType, string resourceName)
        : base($"{resourceType.ToUpperInvariant()}_NOT_FOUND", $"No {resourceType} '{resourceName}'.")
    {
        ResourceType = resourceType;
        ResourceName = resourceName;
    }

    /// <summary>What kind of resource was missing (for <c>google.rpc.ResourceInfo.resource_type</c>).</summary>
    public string ResourceType { get; }

    /// <summary>The id or name that was looked up.</summary>
    public string ResourceName { get; }
}
