using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grader.Core.Errors;
using Grpc.Core;

namespace Grader.Server.Errors;

/// <summary>
/// Builds the API's errors: a status code plus <c>google.rpc.Status</c> details, always with an
/// <see cref="ErrorInfo"/> (domain <see cref="Domain"/>) and, where it helps the caller act, BadRequest,
/// ResourceInfo, QuotaFailure and RetryInfo.
/// </summary>
public static class RpcErrors
{
    /// <summary>The <see cref="ErrorInfo.Domain"/> of every error this service raises.</summary>
    public const string Domain = "grader.v1";

    /// <summary>The exception a use case threw, as the status the caller receives.</summary>
    public static RpcException From(GraderException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var info = new ErrorInfo { Reason = exception.Reason, Domain = Domain };
        return exception switch
        {
            InvalidArgumentException e => Build(Code.InvalidArgument, e.Message, info, BadRequestOf(e.Violations)),
            NotFoundException e => Build(Code.NotFound, e.Message, info, new ResourceInfo { ResourceType = e.ResourceType, ResourceName = e.ResourceName, Description = e.Message }),
            QuotaExceededException e => Build(Code.ResourceExhausted, e.Message, info,
                new QuotaFailure { Violations = { new QuotaFailure.Types.Violation { Subject = e.Subject, Description = e.Message } } },
                new RetryInfo { RetryDelay = Duration.FromTimeSpan(e.RetryAfter < TimeSpan.Zero ? TimeSpan.Zero : e.RetryAfter) }),
            PermissionDeniedException e => Build(Code.PermissionDenied, e.Message, info),
            FailedPreconditionException e => Build(Code.FailedPrecondition, e.Message, info),
            _ => Build(Code.Internal, "The request failed.", new ErrorInfo { Reason = "INTERNAL", Domain = Domain }),
        };
    }

    /// <summary>UNAUTHENTICATED: no key, or one that is not valid.</summary>
    public static RpcException Unauthenticated(string reason, string message) =>
        Build(Code.Unauthenticated, message, new ErrorInfo { Reason = reason, Domain = Domain });

    /// <summary>INTERNAL: a fault of ours; the caller learns nothing about its inside.</summary>
    public static RpcException Internal() =>
        Build(Code.Internal, "Internal error; it has been logged.", new ErrorInfo { Reason = "INTERNAL", Domain = Domain });

    private static BadRequest BadRequestOf(IReadOnlyList<FieldViolation> violations)
    {
        var request = new BadRequest();
        request.FieldViolations.AddRange(violations.Select(v => new BadRequest.Types.FieldViolation { Field = v.Field, Description = v.Description }));
        return request;
    }

    private static RpcException Build(Code code, string message, params Google.Protobuf.IMessage[] details)
    {
        var status = new Google.Rpc.Status { Code = (int)code, Message = message };
        status.Details.AddRange(details.Select(Any.Pack));
        return status.ToRpcException();
    }
}
