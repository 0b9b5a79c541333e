using Grader.Core.Submissions;
using Grader.Data;
using Grader.Sandbox.Grading;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Grader.Server.Jobs;

public static class JobsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the grading job and the two ports it closes: <see cref="ISubmissionQueue"/> over Hangfire's
    /// <c>IBackgroundJobClient</c> (queue "grading") and <see cref="IGradingEngine"/> over the sandboxed
    /// <see cref="SubmissionGrader"/>. Hangfire's storage and server are configured by the host.
    /// </summary>
    public static IServiceCollection AddGradingJobs(this IServiceCollection services)
    {
        services.AddSubmissionGrading();
        services.AddOptions<DataOptions>().BindConfiguration(DataOptions.SectionName);
        services.TryAddSingleton<IGradingEngine, SandboxGradingEngine>();
        services.TryAddSingleton<ISubmissionQueue, HangfireSubmissionQueue>();
        services.TryAddTransient<GradeSubmissionJob>();
        return services;
    }
}
