using Grader.Contracts.V1;
using Grader.Core.Courses;
using Grader.Server.Auth;
using Grpc.Core;

namespace Grader.Server.Api;

/// <summary>grader.v1.CourseService: translates to <see cref="Core.Courses.CourseService"/>.</summary>
public sealed class CourseApi(Core.Courses.CourseService courses) : Contracts.V1.CourseService.CourseServiceBase
{
    public override async Task<GetCourseResponse> GetCourse(GetCourseRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        var courseId = ResourceNames.ParseCourse(request.Name, "name");
        var course = await courses.GetCourseAsync(context.Principal(), courseId, context.CancellationToken);
        return new GetCourseResponse { Course = ProtoMapper.ToMessage(course) };
    }

    public override async Task<ListCoursesResponse> ListCourses(ListCoursesRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        var all = await courses.ListCoursesAsync(context.Principal(), context.CancellationToken);
        var (page, next) = CataloguePage.Slice(all, request.PageSize, request.PageToken, "courses");
        var response = new ListCoursesResponse { NextPageToken = next };
        response.Courses.AddRange(page.Select(ProtoMapper.ToMessage));
        return response;
    }

    public override async Task<GetExerciseResponse> GetExercise(GetExerciseRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (courseId, exerciseId) = ResourceNames.ParseExercise(request.Name, "name");
        var exercise = await courses.GetExerciseAsync(context.Principal(), courseId, exerciseId, context.CancellationToken);
        return new GetExerciseResponse { Exercise = ProtoMapper.ToMessage(courseId, exercise) };
    }

    public override async Task<ListExercisesResponse> ListExercises(ListExercisesRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        var courseId = ResourceNames.ParseCourse(request.Parent, "parent");
        var all = await courses.ListExercisesAsync(context.Principal(), courseId, context.CancellationToken);
        var (page, next) = CataloguePage.Slice(all, request.PageSize, request.PageToken, $"exercises\n{courseId}");
        var response = new ListExercisesResponse { NextPageToken = next };
        response.Exercises.AddRange(page.Select(e => ProtoMapper.ToMessage(courseId, e)));
        return response;
    }
}
