using Grader.Contracts.V1;
using Grader.Core.Access;
using Grader.Core.Errors;
using Grader.Server.Auth;
using Grpc.Core;

namespace Grader.Server.Api;

/// <summary>grader.v1.ProgressService: translates to <see cref="Core.Progress.ProgressService"/>.</summary>
public sealed class ProgressApi(Core.Progress.ProgressService progress) : Contracts.V1.ProgressService.ProgressServiceBase
{
    public override async Task<GetLearnerProgressResponse> GetLearnerProgress(GetLearnerProgressRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (courseId, learnerId) = ResourceNames.ParseProgress(request.Name, "name");
        var actor = context.Principal();
        if (learnerId == ResourceNames.Me)
        {
            learnerId = actor.LearnerId
                ?? throw new InvalidArgumentException("name", $"'{ResourceNames.Me}' means the calling learner; a {actor.Role.ToString().ToLowerInvariant()} key must name the learner");
        }
        var result = await progress.GetAsync(actor, courseId, learnerId, context.CancellationToken);
        return new GetLearnerProgressResponse { Progress = ProtoMapper.ToMessage(result) };
    }

    public override async Task<ListAchievementsResponse> ListAchievements(ListAchievementsRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        var courseId = ResourceNames.ParseCourse(request.Parent, "parent");
        var actor = context.Principal();
        if (!actor.CanAccessCourse(courseId))
            throw new PermissionDeniedException("WRONG_COURSE", $"This key is bound to course '{actor.CourseId}', not '{courseId}'.");
        var all = await progress.CatalogueAsync(actor, context.CancellationToken);
        var (page, next) = CataloguePage.Slice(all, request.PageSize, request.PageToken, $"achievements\n{courseId}");
        var response = new ListAchievementsResponse { NextPageToken = next };
        response.Achievements.AddRange(page.Select(a => ProtoMapper.ToMessage(courseId, a)));
        return response;
    }
}
