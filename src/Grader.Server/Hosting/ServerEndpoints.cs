using System.Net.Sockets;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Grader.Server.Hosting;

/// <summary>
/// The endpoints Kestrel was told to bind, kept so callers can learn the real ports after start (port 0 in the
/// demo and the tests): Kestrel writes the bound port back into each <see cref="ListenOptions"/>.
/// </summary>
public sealed class ServerEndpoints
{
    internal ListenOptions? Grpc { get; set; }

    internal ListenOptions? Dashboard { get; set; }

    /// <summary>The gRPC address, e.g. <c>http://127.0.0.1:5080</c>; valid once the server has started.</summary>
    public Uri GrpcAddress => Address(Grpc) ?? throw new InvalidOperationException("the gRPC endpoint is not bound");

    /// <summary>The dashboard's address; null when the role or configuration serves none.</summary>
    public Uri? DashboardAddress => Address(Dashboard);

    private static Uri? Address(ListenOptions? options) => options?.IPEndPoint is { } endpoint
        ? new Uri($"http://{(endpoint.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{endpoint.Address}]" : endpoint.Address.ToString())}:{endpoint.Port}")
        : null;
}
