using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Tau2Observe.Grains.Interfaces;

namespace Tau2Observe.Gateway;

/// <summary>
/// The REST results API: <c>GET /api/evaluations</c> (newest first, <c>?limit=</c> up to 500),
/// <c>GET /api/evaluations/{id}</c> (the structured result, as in the A2A artifact), and
/// <c>GET /api/evaluations/{id}/results</c> (tau2's results file, as a download). Errors are
/// JSON <c>{"error": ...}</c> with 400 or 404.
/// </summary>
public static partial class ResultsApi
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 500;

    public static RouteGroupBuilder Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/evaluations");
        api.MapGet("", ListAsync);
        api.MapGet("/{id}", GetAsync);
        api.MapGet("/{id}/results", ResultsFileAsync);
        return api;
    }

    private static async Task<IResult> ListAsync(IEvaluationService evaluations, int? limit, CancellationToken ct)
    {
        if (limit is < 1 or > MaxLimit) return Error(StatusCodes.Status400BadRequest, $"limit must be between 1 and {MaxLimit}.");
        var ids = await evaluations.ListAsync(limit ?? DefaultLimit, ct);
        var snapshots = await Task.WhenAll(ids.Select(id => evaluations.GetAsync(id, ct)));
        var rows = new JsonArray(snapshots.OfType<EvaluationSnapshot>().Select(s => (JsonNode?)Row(s)).ToArray());
        return Results.Json(new JsonObject { ["evaluations"] = rows });
    }

    private static async Task<IResult> GetAsync(string id, IEvaluationService evaluations, CancellationToken ct)
    {
        if (!IsValidId(id)) return InvalidId();
        if (await evaluations.GetAsync(id, ct) is not { } snapshot) return NotFound(id);
        var document = ResultDocument.Build(snapshot);
        document["results_file"] = $"/api/evaluations/{id}/results";
        return Results.Json(document);
    }

    private static async Task<IResult> ResultsFileAsync(string id, IEvaluationService evaluations, HttpResponse response, CancellationToken ct)
    {
        if (!IsValidId(id)) return InvalidId();
        if (await evaluations.GetAsync(id, ct) is null) return NotFound(id);
        string json = await evaluations.GetResultsJsonAsync(id, ct);
        response.Headers.ContentDisposition = $"attachment; filename=\"{id}.json\"";
        return Results.Text(json, "application/json");
    }

    private static JsonObject Row(EvaluationSnapshot s)
    {
        var counts = SimulationCounts.Of(s.Trials);
        var row = new JsonObject
        {
            ["evaluation_id"] = s.EvaluationId,
            ["status"] = ResultDocument.StatusName(s.Status),
            ["domain"] = s.Request?.Domain,
            ["agent_endpoint"] = s.Request?.AgentEndpoint,
            ["created_at"] = s.CreatedAt.ToString("O", CultureInfo.InvariantCulture),
            ["updated_at"] = s.UpdatedAt.ToString("O", CultureInfo.InvariantCulture),
            // cancelled simulations never ran to an end: they are not completed ones
            ["completed_simulations"] = counts.Finished,
            ["cancelled_simulations"] = counts.Cancelled,
            ["total_simulations"] = s.TotalTrials,
            ["total_resumptions"] = counts.Resumptions,
            ["total_retried_failures"] = counts.RetriedFailures,
        };
        if (ResultDocument.Build(s)["summary"] is JsonObject summary)
        {
            row["avg_reward"] = summary["avg_reward"]?.DeepClone();
            row["pass_hat_k"] = summary["pass_hat_k"]?.DeepClone();
        }
        if (s.Error is { } error) row["error"] = error;
        return row;
    }

    /// <summary>The reference's rule for evaluation ids (a2a.md §2.6.3), with a length bound.</summary>
    public static bool IsValidId(string id) => id.Length <= 128 && IdPattern().IsMatch(id);

    [GeneratedRegex("^[a-zA-Z0-9][a-zA-Z0-9_.-]*$")]
    private static partial Regex IdPattern();

    private static IResult InvalidId() => Error(StatusCodes.Status400BadRequest, "Invalid evaluation id: letters, digits, '_', '-' and '.' only, starting with a letter or digit.");

    private static IResult NotFound(string id) => Error(StatusCodes.Status404NotFound, $"No evaluation has the id '{id}'.");

    private static IResult Error(int status, string message) => Results.Json(new JsonObject { ["error"] = message }, statusCode: status);
}
