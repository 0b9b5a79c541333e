using Grader.Core.Access;
using Grpc.Core;

namespace Grader.Server.Auth;

/// <summary>Reads what <see cref="ApiKeyInterceptor"/> stored on the call.</summary>
public static class ServerCallContextExtensions
{
    /// <summary>The authenticated caller; only absent when a service was wired without the interceptor (a bug).</summary>
    public static Principal Principal(this ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.UserState.TryGetValue(typeof(Principal), out var value) && value is Principal principal
            ? principal
            : throw new InvalidOperationException($"{context.Method} ran without an authenticated principal; is ApiKeyInterceptor registered?");
    }
}
