using Grader.Core.Access;
using Grader.Server.Errors;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Grader.Server.Auth;

/// <summary>
/// Authenticates every call of the API services from <c>authorization: Bearer &lt;key&gt;</c> and hands the
/// <see cref="Principal"/> to the service through <see cref="ServerCallContextExtensions.Principal"/>. It is
/// registered on the API services only, so health and reflection need no key. What the principal may do is
/// decided by the use cases, not here.
/// </summary>
public sealed class ApiKeyInterceptor(KeyService keys) : Interceptor
{
    private const string Scheme = "Bearer ";

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        await AuthenticateAsync(context);
        return await continuation(request, context);
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        await AuthenticateAsync(context);
        await continuation(request, responseStream, context);
    }

    private async Task AuthenticateAsync(ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var header = context.RequestHeaders.GetValue("authorization");
        if (string.IsNullOrEmpty(header))
            throw RpcErrors.Unauthenticated("API_KEY_MISSING", "Send an API key as 'authorization: Bearer <key>'.");
        if (!header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) || header.Length == Scheme.Length)
            throw RpcErrors.Unauthenticated("API_KEY_MISSING", "The authorization metadata must be 'Bearer <key>'.");

        var principal = await keys.AuthenticateAsync(header[Scheme.Length..].Trim(), context.CancellationToken)
            ?? throw RpcErrors.Unauthenticated("API_KEY_INVALID", "The API key is unknown, malformed or revoked.");
        context.UserState[typeof(Principal)] = principal;
    }
}
