using System.Text.Json.Nodes;
using Tau2Observe.Engine.A2A;

namespace Tau2Observe.Gateway;

/// <summary>Completed tasks for the skills that need no evaluation: domain list, help, and results of a known evaluation.</summary>
public static class ImmediateReplies
{
    public const string HelpText =
        "I run tau2-bench evaluations of A2A agents. Ask for example: \"Run an evaluation on the airline domain for agent at " +
        "http://127.0.0.1:5101/agents/oracle. Use 5 tasks and 1 trial(s).\", or name tasks with \"Run tasks: 0, 1, 2.\", " +
        "or \"List available domains\". A data part {\"skill\": \"run_tau2_evaluation\", \"domain\": ..., \"agent_endpoint\": ..., " +
        "\"num_tasks\": ..., \"num_trials\": ..., \"task_ids\": [...]} works too.";

    public static A2ATask Help(A2AMessage request, string contextId) => Completed(request, contextId, HelpText, null);

    public static A2ATask Domains(A2AMessage request, string contextId, DomainCatalog catalog)
    {
        if (catalog.Domains is not { } domains)
            return Completed(request, contextId, "The domain list is not available here: the gateway was started without TAU2_DATA_DIR.", null);
        var text = domains.Count == 0
            ? "No domains are registered."
            : "Available domains:\n" + string.Join("\n", domains.Select(d => $"- {d.Name}: {d.Description}" + (d.NumTasks is { } n ? $" ({n} tasks)" : "")));
        var data = new JsonObject
        {
            ["domains"] = new JsonArray(domains.Select(d => (JsonNode?)new JsonObject
            {
                ["name"] = d.Name, ["description"] = d.Description, ["num_tasks"] = d.NumTasks,
            }).ToArray()),
        };
        return Completed(request, contextId, text, new DataPart(data));
    }

    /// <summary>A finished task: the text as status message and artifact, plus an optional data part in the artifact.</summary>
    public static A2ATask Completed(A2AMessage request, string contextId, string text, DataPart? data)
    {
        string taskId = Guid.NewGuid().ToString();
        request.ContextId = contextId;
        request.TaskId = taskId;
        var answer = A2AMessage.AgentText(text, contextId, taskId);
        var parts = new List<Part> { new TextPart(text) };
        if (data is not null) parts.Add(data);
        return new A2ATask
        {
            Id = taskId,
            ContextId = contextId,
            Status = A2ATaskStatus.Now(TaskState.Completed, answer),
            Artifacts = [new Artifact { Name = "answer", Parts = parts }],
            History = [request, answer],
        };
    }
}
