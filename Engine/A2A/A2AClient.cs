using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tau2Observe.Engine.Telemetry;

namespace Tau2Observe.Engine.A2A;

/// <summary>
/// A JSON-RPC client for one A2A agent (its RPC URL), in A2A 0.3 or 1.0. The version is given, or
/// chosen from the agent card before the first call: 1.0 when the card lists a 1.0 JSON-RPC
/// interface, else 0.3 (also when there is no readable card: the reference client never asks for
/// one). Callers always see 0.3 types; 1.0 traffic is translated by <see cref="A2AV1Json"/>. Every
/// call has a deadline (<see cref="Timeout"/>; for streams, the longest silence between events) and
/// every failure surfaces as an <see cref="A2AException"/> whose message is safe to show.
/// </summary>
public sealed class A2AClient
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(300);
    /// <summary>Longest wait for the agent card when choosing the protocol version; past it, 0.3 is used.</summary>
    public static readonly TimeSpan DiscoveryTimeout = TimeSpan.FromSeconds(10);
    private const int MaxErrorExcerpt = 200;

    private readonly HttpClient _http;
    private readonly string? _bearerToken;
    private A2AProtocolVersion? _version;
    private readonly string _peer;

    /// <param name="http">Shared and long-lived, best with an infinite timeout: this client enforces <paramref name="timeout"/> itself.</param>
    /// <param name="protocolVersion">The A2A version to speak; null = chosen from the agent card before the first call.</param>
    /// <param name="peer">What the endpoint is, as error messages name it: an agent under test, or a gateway.</param>
    public A2AClient(HttpClient http, Uri endpoint, string? bearerToken = null, TimeSpan? timeout = null, A2AProtocolVersion? protocolVersion = null,
        string peer = "agent")
    {
        if (!endpoint.IsAbsoluteUri || endpoint.Scheme is not ("http" or "https"))
            throw new ArgumentException("An A2A endpoint must be an absolute http:// or https:// URL.", nameof(endpoint));
        _http = http;
        Endpoint = endpoint;
        _bearerToken = string.IsNullOrWhiteSpace(bearerToken) ? null : bearerToken.Trim();
        Timeout = timeout is { } t && t > TimeSpan.Zero ? t : DefaultTimeout;
        _version = protocolVersion;
        _peer = peer;
        DisplayName = endpoint.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);
    }

    public Uri Endpoint { get; }
    public TimeSpan Timeout { get; }

    /// <summary>The deadline that actually applies: a shared HttpClient's own timeout may be shorter.</summary>
    private TimeSpan EffectiveTimeout => _http.Timeout < Timeout ? _http.Timeout : Timeout;

    /// <summary>The endpoint as shown in messages: no user info, no query.</summary>
    public string DisplayName { get; }

    /// <summary>The version in use: the given one, or the one chosen from the card (null until the first call).</summary>
    public A2AProtocolVersion? ProtocolVersion => _version;

    /// <summary>The version to speak: the given one, else the agent card's preference (fetched once), else 0.3.</summary>
    public async Task<A2AProtocolVersion> ResolveProtocolVersionAsync(CancellationToken ct = default)
    {
        if (_version is { } known) return known;
        using var discovery = CancellationTokenSource.CreateLinkedTokenSource(ct);
        discovery.CancelAfter(DiscoveryTimeout < Timeout ? DiscoveryTimeout : Timeout);
        A2AProtocolVersion chosen;
        try
        {
            chosen = (await GetAgentCardAsync(discovery.Token)).PreferredJsonRpcVersion();
        }
        catch (Exception e) when (e is A2AException || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            chosen = A2AProtocolVersion.V0_3;
        }
        _version = chosen;
        return chosen;
    }

    public async Task<AgentCard> GetAgentCardAsync(CancellationToken ct = default)
    {
        var url = new Uri(DisplayName.TrimEnd('/') + "/.well-known/agent-card.json");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(Timeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            // SDK servers that serve a 0.3 and a 1.0 card pick by this header; 1.0's is the one that lists every interface
            AddHeaders(request, "application/json", A2AProtocolVersion.V1_0);
            using var response = await _http.SendAsync(request, timeout.Token);
            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
                throw new A2AException(A2AErrorKind.Unauthorized, $"The agent card at {url} needs authorization (HTTP {(int)response.StatusCode}).", (int)response.StatusCode);
            if (!response.IsSuccessStatusCode)
                throw new A2AException(A2AErrorKind.Discovery, $"No agent card at {url} (HTTP {(int)response.StatusCode}).", (int)response.StatusCode);
            var body = await response.Content.ReadAsStringAsync(timeout.Token);
            AgentCard? card;
            try { card = JsonSerializer.Deserialize<AgentCard>(body, A2AJson.Options); }
            catch (JsonException) { card = null; }
            return card is { Name.Length: > 0 }
                ? card
                : throw new A2AException(A2AErrorKind.Discovery, $"The agent card at {url} is not a valid A2A agent card.");
        }
        catch (OperationCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw new A2AException(A2AErrorKind.Timeout, $"The agent card at {url} did not arrive within {Seconds(EffectiveTimeout)}.", inner: e);
        }
        catch (HttpRequestException e)
        {
            throw new A2AException(A2AErrorKind.Discovery, $"Could not reach {url}: {e.Message}", inner: e);
        }
    }

    /// <summary><c>message/send</c>: the agent's reply, a Task or a Message.</summary>
    public async Task<A2AEvent> SendMessageAsync(MessageSendParams parameters, CancellationToken ct = default)
    {
        var result = await CallAsync(A2AMethods.SendMessage, parameters, ct);
        return ReadResult<A2AEvent>(result, A2AMethods.SendMessage);
    }

    public async Task<A2ATask> GetTaskAsync(string taskId, int? historyLength = null, CancellationToken ct = default)
    {
        var result = await CallAsync(A2AMethods.GetTask, new TaskQueryParams { Id = taskId, HistoryLength = historyLength }, ct);
        return ReadResult<A2ATask>(result, A2AMethods.GetTask);
    }

    public async Task<A2ATask> CancelTaskAsync(string taskId, CancellationToken ct = default)
    {
        var result = await CallAsync(A2AMethods.CancelTask, new TaskQueryParams { Id = taskId }, ct);
        return ReadResult<A2ATask>(result, A2AMethods.CancelTask);
    }

    /// <summary><c>message/stream</c>: the events until the server closes the stream. A JSON-RPC error event ends it with an exception.</summary>
    public async IAsyncEnumerable<A2AEvent> StreamMessageAsync(MessageSendParams parameters, [EnumeratorCancellation] CancellationToken ct = default)
    {
        using var span = StartSpan(A2AMethods.StreamMessage);
        var version = await ResolveProtocolVersionAsync(ct);
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(ct);
        idle.CancelAfter(Timeout);
        using var request = CreateRpcRequest(A2AMethods.StreamMessage, parameters, "text/event-stream", version);
        var response = await SendAsync(request, HttpCompletionOption.ResponseHeadersRead, idle.Token, ct);
        using (response)
        {
            await ThrowOnHttpErrorAsync(response, idle.Token, ct);
            if (response.Content.Headers.ContentType?.MediaType != "text/event-stream")
            {
                // servers answer request errors with a plain JSON-RPC response instead of a stream
                var single = await ReadRpcResultAsync(response, idle.Token, ct);
                yield return ReadResult<A2AEvent>(ToLegacy(single, A2AMethods.StreamMessage, version), A2AMethods.StreamMessage);
                yield break;
            }
            var stream = await Guard(() => response.Content.ReadAsStreamAsync(idle.Token), ct);
            await using var events = SseReader.ReadAsync(stream, idle.Token).GetAsyncEnumerator(idle.Token);
            while (await Guard(() => events.MoveNextAsync().AsTask(), ct))
            {
                idle.CancelAfter(Timeout);
                var result = ParseRpcResponse(events.Current.Data, null);
                yield return ReadResult<A2AEvent>(ToLegacy(result, A2AMethods.StreamMessage, version), A2AMethods.StreamMessage);
            }
        }
    }

    private async Task<JsonNode> CallAsync(string method, object parameters, CancellationToken ct)
    {
        using var span = StartSpan(method);
        var version = await ResolveProtocolVersionAsync(ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(Timeout);
        using var request = CreateRpcRequest(method, parameters, "application/json", version);
        try
        {
            using var response = await SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token, ct);
            await ThrowOnHttpErrorAsync(response, timeout.Token, ct);
            return ToLegacy(await ReadRpcResultAsync(response, timeout.Token, ct), method, version);
        }
        catch (Exception e) when (e is A2AException or JsonRpcException)
        {
            // the type only: messages may quote what the agent sent
            span?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, e.GetType().Name);
            span?.SetTag("error.type", e.GetType().FullName);
            throw;
        }
    }

    /// <summary>One span per JSON-RPC exchange; the HTTP client span beneath it carries the traceparent to the agent.</summary>
    private System.Diagnostics.Activity? StartSpan(string method)
    {
        var span = Spans.Start(SpanNames.A2ARequest, method, System.Diagnostics.ActivityKind.Client);
        span?.SetTag("rpc.system", "jsonrpc");
        span?.SetTag("rpc.method", method);
        span?.SetTag("server.address", Endpoint.Host);
        span?.SetTag("tau2.a2a.endpoint", DisplayName); // no user info, no query: nothing secret
        return span;
    }

    /// <param name="method">The 0.3 method name; a 1.0 request carries its 1.0 name and translated params.</param>
    private HttpRequestMessage CreateRpcRequest(string method, object parameters, string accept, A2AProtocolVersion version)
    {
        var node = JsonSerializer.SerializeToNode(parameters, parameters.GetType(), A2AJson.Options);
        if (version == A2AProtocolVersion.V1_0 && node is JsonObject obj && method is A2AMethods.SendMessage or A2AMethods.StreamMessage)
            node = A2AV1Json.SendParamsToV1(obj);
        var body = new JsonObject
        {
            ["jsonrpc"] = "2.0",
            ["id"] = Guid.NewGuid().ToString(),
            ["method"] = version == A2AProtocolVersion.V1_0 ? A2AV1Methods.ToV1(method) : method,
            ["params"] = node,
        };
        var request = new HttpRequestMessage(HttpMethod.Post, Endpoint)
        {
            Content = new StringContent(body.ToJsonString(A2AJson.Options), Encoding.UTF8, "application/json"),
        };
        AddHeaders(request, accept, version);
        return request;
    }

    private static JsonNode ToLegacy(JsonNode result, string method, A2AProtocolVersion version) =>
        version == A2AProtocolVersion.V1_0 ? A2AV1Json.ResultToV03(A2AV1Methods.ToV1(method), result) : result;

    private void AddHeaders(HttpRequestMessage request, string accept, A2AProtocolVersion version)
    {
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        request.Headers.TryAddWithoutValidation(A2AVersions.HeaderName, A2AVersions.ToHeader(version));
        if (_bearerToken is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _bearerToken);
    }

    private Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, HttpCompletionOption completion, CancellationToken deadline, CancellationToken caller) =>
        Guard(() => _http.SendAsync(request, completion, deadline), caller);

    /// <summary>Maps the deadline and transport failures of one step to <see cref="A2AException"/>; the caller's own cancellation passes through.</summary>
    private async Task<T> Guard<T>(Func<Task<T>> step, CancellationToken caller)
    {
        try
        {
            return await step();
        }
        catch (OperationCanceledException e) when (!caller.IsCancellationRequested)
        {
            throw new A2AException(A2AErrorKind.Timeout, $"The {_peer} at {DisplayName} did not answer within {Seconds(EffectiveTimeout)}.", 408, inner: e);
        }
        catch (HttpRequestException e)
        {
            throw new A2AException(A2AErrorKind.Transport, $"Could not reach the {_peer} at {DisplayName}: {e.Message}", inner: e);
        }
        catch (IOException e)
        {
            throw new A2AException(A2AErrorKind.Transport, $"The connection to the {_peer} at {DisplayName} broke: {e.Message}", inner: e);
        }
    }

    private async Task ThrowOnHttpErrorAsync(HttpResponseMessage response, CancellationToken deadline, CancellationToken caller)
    {
        int status = (int)response.StatusCode;
        if (status < 400) return;
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            throw new A2AException(A2AErrorKind.Unauthorized, $"The {_peer} at {DisplayName} refused the request as unauthorized (HTTP {status}).", status);
        if (response.StatusCode == HttpStatusCode.RequestTimeout)
            throw new A2AException(A2AErrorKind.Timeout, $"The {_peer} at {DisplayName} reported a timeout (HTTP 408).", status);
        var body = await Guard(() => response.Content.ReadAsStringAsync(deadline), caller);
        string detail = ErrorDetail(body) is { } d ? ": " + d : "";
        throw new A2AException(A2AErrorKind.HttpStatus, $"The {_peer} at {DisplayName} answered HTTP {status}{detail}", status);
    }

    private async Task<JsonNode> ReadRpcResultAsync(HttpResponseMessage response, CancellationToken deadline, CancellationToken caller)
    {
        var body = await Guard(() => response.Content.ReadAsStringAsync(deadline), caller);
        return ParseRpcResponse(body, (int)response.StatusCode);
    }

    private JsonNode ParseRpcResponse(string body, int? status)
    {
        JsonNode? root;
        try { root = JsonNode.Parse(body); }
        catch (JsonException) { root = null; }
        if (root is not JsonObject obj)
            throw new A2AException(A2AErrorKind.InvalidResponse, $"The {_peer} at {DisplayName} did not answer with a JSON-RPC object.", status);
        if (obj["error"] is JsonObject error)
        {
            var rpcError = new JsonRpcError
            {
                Code = error["code"] is JsonValue c && c.TryGetValue(out int code) ? code : 0,
                Message = error["message"] is JsonValue m && m.TryGetValue(out string? text) ? Excerpt(text) : "",
            };
            throw new A2AException(A2AErrorKind.JsonRpcError, $"The {_peer} at {DisplayName} returned JSON-RPC error {rpcError.Code}: {rpcError.Message}", status, rpcError);
        }
        return obj["result"] ?? throw new A2AException(A2AErrorKind.InvalidResponse, $"The {_peer} at {DisplayName} answered without a result.", status);
    }

    private T ReadResult<T>(JsonNode result, string method) where T : class
    {
        try
        {
            return result.Deserialize<T>(A2AJson.Options) ?? throw new JsonException("null result");
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException)
        {
            throw new A2AException(A2AErrorKind.InvalidResponse, $"The {_peer} at {DisplayName} sent a {method} result that is not valid A2A: {Excerpt(e.Message)}", inner: e);
        }
    }

    /// <summary>The <c>error</c> text of a JSON error body (<c>{"error": "..."}</c> or <c>{"error": {"message": ...}}</c>).</summary>
    private static string? ErrorDetail(string body)
    {
        try
        {
            return JsonNode.Parse(body) is JsonObject obj
                ? obj["error"] switch
                {
                    JsonValue v when v.TryGetValue(out string? s) => Excerpt(s),
                    JsonObject e when e["message"] is JsonValue m && m.TryGetValue(out string? s) => Excerpt(s),
                    _ => null,
                }
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Excerpt(string text) => text.Length <= MaxErrorExcerpt ? text : text[..MaxErrorExcerpt] + "...";

    private static string Seconds(TimeSpan t) => $"{t.TotalSeconds:0.###} s";
}
