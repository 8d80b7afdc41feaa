using Microsoft.Extensions.Logging;
using Tau2Observe.Engine.Llm;

namespace Tau2Observe.Engine.Users;

/// <summary>
/// The user model and its arguments. <see cref="Temperature"/> defaults to tau2's CLI default 0.0;
/// null sends none (the provider's default, as tau2's evaluation service does).
/// </summary>
public sealed record LlmUserSimulatorOptions(LlmModelId Model)
{
    public double? Temperature { get; init; } = 0.0;
    public ModelPriceTable Prices { get; init; } = ModelPriceTable.Default;

    /// <summary>Receives the usage of every call (role <c>user</c>).</summary>
    public ILlmUsageSink? Usage { get; init; }

    public ILogger? Logger { get; init; }
}
