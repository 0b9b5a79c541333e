using Grader.Contracts.V1;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;

namespace Grader.Cli.Client;

/// <summary>The gRPC clients of one server, each call carrying <c>authorization: Bearer &lt;key&gt;</c>.</summary>
public sealed class GraderClient : IDisposable
{
    private readonly GrpcChannel _channel;

    public GraderClient(Uri server, string key)
    {
        ArgumentNullException.ThrowIfNull(server);
        _channel = GrpcChannel.ForAddress(server);
        var invoker = _channel.Intercept(metadata =>
        {
            metadata.Add("authorization", $"Bearer {key}");
            return metadata;
        });
        Courses = new CourseService.CourseServiceClient(invoker);
        Submissions = new SubmissionService.SubmissionServiceClient(invoker);
        Progress = new ProgressService.ProgressServiceClient(invoker);
    }

    public CourseService.CourseServiceClient Courses { get; }

    public SubmissionService.SubmissionServiceClient Submissions { get; }

    public ProgressService.ProgressServiceClient Progress { get; }

    /// <summary>The configured course as <c>courses/{course}</c>, or the only one the key can see.</summary>
    public async Task<string> ResolveCourseAsync(string configured, CancellationToken cancellationToken)
    {
        if (configured.Length > 0) return configured.StartsWith("courses/", StringComparison.Ordinal) ? configured : $"courses/{configured}";
        var courses = await Courses.ListCoursesAsync(new ListCoursesRequest { PageSize = 2 }, cancellationToken: cancellationToken);
        return courses.Courses.Count == 1
            ? courses.Courses[0].Name
            : throw new CliException(courses.Courses.Count == 0 ? "this key sees no course" : "this key sees several courses; pass --course");
    }

    public void Dispose() => _channel.Dispose();
}
