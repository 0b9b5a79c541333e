using Google.Rpc;
using Grpc.Core;

namespace Grader.Cli.Client;

/// <summary>Turns a failed call into the CLI's one-line error (plus each field violation) and exit code.</summary>
public static class RpcErrorPrinter
{
    public static CliException ToCliException(RpcException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var status = exception.GetRpcStatus();
        var lines = new List<string> { $"{exception.StatusCode}: {exception.Status.Detail}" };
        if (status?.GetDetail<BadRequest>() is { } bad)
            lines.AddRange(bad.FieldViolations.Select(v => $"  {v.Field}: {v.Description}"));
        if (status?.GetDetail<RetryInfo>() is { RetryDelay: { } delay })
            lines.Add($"  retry in {delay.ToTimeSpan().TotalSeconds:0} s");
        var exit = exception.StatusCode switch
        {
            StatusCode.InvalidArgument or StatusCode.NotFound or StatusCode.PermissionDenied or StatusCode.Unauthenticated
                or StatusCode.FailedPrecondition or StatusCode.ResourceExhausted => ExitCodes.Usage,
            _ => ExitCodes.PlatformError,
        };
        return new CliException(string.Join(Environment.NewLine, lines), exit);
    }
}
