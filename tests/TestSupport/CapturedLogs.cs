using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Tau2Observe.TestSupport;

/// <summary>
/// A logger provider that keeps every log entry as text: the formatted message, each structured
/// property, the exception with its inner exceptions, and the scopes. Tests search it for secrets.
/// </summary>
public sealed class CapturedLogs : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<string> _entries = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyList<string> Entries => _entries.ToList();

    public string AllText => string.Join("\n", _entries);

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => owner._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var text = new System.Text.StringBuilder($"{logLevel} {category}: {formatter(state, exception)}");
            if (state is IEnumerable<KeyValuePair<string, object?>> properties)
                foreach (var (key, value) in properties) text.Append($" | {key}={value}");
            owner._scopes.ForEachScope((scope, sb) => sb.Append($" | scope={scope}"), text);
            if (exception is not null) text.Append('\n').Append(exception);
            owner._entries.Enqueue(text.ToString());
        }
    }
}
