using System.Text.Json.Nodes;
using Tau2Observe.Engine.A2A;

namespace Tau2Observe.Cli.Traffic;

/// <summary>
/// Reads one evaluation's SSE events with the reference generator's success rule (a2a.md §5.4):
/// a <c>function_response</c> data part whose <c>response</c> has an <c>error</c> fails the request,
/// and so does a <c>failed</c> state. It also keeps the evaluation id, the last state and the
/// result artifact's summary (average reward, simulations, termination counts).
/// </summary>
public sealed class StreamOutcomeReader
{
    public string? Error { get; private set; }
    public string? FinalState { get; private set; }
    public string? EvaluationId { get; private set; }
    public int Events { get; private set; }
    public JsonObject? Summary { get; private set; }

    public void Read(A2AEvent e)
    {
        Events++;
        switch (e)
        {
            case A2ATask task:
                EvaluationId ??= task.Id;
                State(task.Status);
                foreach (var artifact in task.Artifacts ?? []) ReadParts(artifact.Parts);
                break;
            case TaskStatusUpdateEvent update:
                EvaluationId ??= update.TaskId;
                State(update.Status);
                break;
            case TaskArtifactUpdateEvent artifact:
                ReadParts(artifact.Artifact?.Parts);
                break;
            case A2AMessage message:
                ReadParts(message.Parts);
                break;
        }
    }

    public void Failed(string error) => Error ??= error;

    private void State(A2ATaskStatus status)
    {
        FinalState = TaskStates.ToWire(status.State);
        ReadParts(status.Message?.Parts);
        if (status.State == TaskState.Failed) Failed("the evaluation failed" + (StatusText(status) is { } text ? ": " + text : ""));
    }

    private void ReadParts(IEnumerable<Part>? parts)
    {
        foreach (var part in parts ?? [])
        {
            if (part is not DataPart data) continue;
            bool functionResponse = data.Metadata?["adk_type"] is JsonValue kind && kind.TryGetValue(out string? adkType) && adkType == "function_response";
            if (functionResponse && data.Data["response"] is JsonObject response && response.ContainsKey("error"))
                Failed($"{response["error"]}: {response["message"]?.ToString() ?? "Unknown error"}");
            // the result document (in the function response, and as the artifact's data part)
            var document = functionResponse ? data.Data["response"] as JsonObject : data.Data;
            if (document?["summary"] is JsonObject summary) Summary = summary;
        }
    }

    private static string? StatusText(A2ATaskStatus status) =>
        status.Message?.Parts?.OfType<TextPart>().Select(p => p.Text).FirstOrDefault(t => !string.IsNullOrWhiteSpace(t));
}
