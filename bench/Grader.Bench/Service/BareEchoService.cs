using Grpc.Core;

namespace Grader.Bench.Service;

/// <summary>Answers with what it was sent: the cost of gRPC itself in the server that also serves the API.</summary>
internal sealed class BareEchoService : EchoService.EchoServiceBase
{
    public override Task<EchoResponse> Echo(EchoRequest request, ServerCallContext context) =>
        Task.FromResult(new EchoResponse { Name = request.Name });
}
