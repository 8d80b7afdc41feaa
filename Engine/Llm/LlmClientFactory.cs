using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OpenAI;
using OpenAI.Chat;
using Tau2Observe.Engine.Data.Tasks;
using Tau2Observe.Engine.Telemetry;

namespace Tau2Observe.Engine.Llm;

/// <summary>
/// Makes the <see cref="IChatClient"/> for an endpoint: the OpenAI connector of Microsoft.Extensions.AI
/// over an HttpClient this factory controls, with OpenTelemetry gen_ai spans, dropping of parameters a
/// model rejects (temperature for reasoning models) and this project's retry policy (the SDK's own
/// retries are off, so there is exactly one policy); or, for the <c>simulated</c> model, the built-in
/// client that calls no network. Its clients are stateless and may serve every simulation.
/// </summary>
public sealed class LlmClientFactory
{
    /// <summary>Sent as the bearer token to custom endpoints that need none (Ollama, a local vLLM).</summary>
    private const string NoKey = "no-key";

    private static readonly Lazy<HttpClient> SharedHttp = new(() =>
        new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            Timeout = Timeout.InfiniteTimeSpan, // each attempt has its own timeout
        });

    private readonly HttpClient? _http;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;

    public LlmClientFactory(LlmClientOptions? options = null, HttpClient? httpClient = null, ILogger? logger = null, TimeProvider? time = null)
    {
        Options = options ?? new LlmClientOptions();
        _http = httpClient;
        _logger = logger ?? NullLogger.Instance;
        _time = time ?? TimeProvider.System;
    }

    public LlmClientOptions Options { get; }

    /// <summary>
    /// A client for <paramref name="endpoint"/>. The simulated model can only play the user and needs
    /// the task it plays (<paramref name="simulatedUserTask"/>); real models ignore it.
    /// </summary>
    public IChatClient Create(LlmEndpoint endpoint, TauTask? simulatedUserTask = null)
    {
        if (endpoint.Model.IsSimulated)
        {
            if (simulatedUserTask is null)
                throw new LlmConfigurationException("The simulated model only plays the user simulator; it needs the task it plays.");
            return new SimulatedUserChatClient(simulatedUserTask, Options.SimulatedLatency, _time);
        }

        var sdkOptions = new OpenAIClientOptions
        {
            Endpoint = endpoint.BaseUrl,
            Transport = new HttpClientPipelineTransport(_http ?? SharedHttp.Value),
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = Options.AttemptTimeout,
        };
        IChatClient client = new ChatClient(endpoint.Model.Name, new ApiKeyCredential(endpoint.ApiKey ?? NoKey), sdkOptions).AsIChatClient();
        // the guard reads the provider's raw 400s; everything above it sees only redacted failures
        client = new ParameterGuardChatClient(client, endpoint.Model, Options.ModelsWithoutTemperature, _logger);
        client = new RedactingChatClient(client, endpoint);
        // one gen_ai "chat" span per attempt (model, tokens, error type) on the product's source; prompts are not recorded
        client = new OpenTelemetryChatClient(client, sourceName: Tau2Telemetry.SourceName);
        return new RetryingChatClient(client, endpoint, Options, _logger, _time);
    }
}
