using Tau2Observe.Tests.FakeDatadogAgent;

namespace Tau2Observe.EndToEnd.Tests;

/// <summary>The spans the fake agent received, indexed by id, to walk parent links.</summary>
public sealed class TraceTree(IReadOnlyList<ReceivedSpan> spans)
{
    private readonly Dictionary<string, ReceivedSpan> _byId = spans.GroupBy(s => s.SpanId).ToDictionary(g => g.Key, g => g.First());

    public IReadOnlyList<ReceivedSpan> Spans => spans;

    public IEnumerable<ReceivedSpan> Named(string name) => spans.Where(s => s.Name == name);

    public ReceivedSpan? Parent(ReceivedSpan span) => span.ParentSpanId is { } id ? _byId.GetValueOrDefault(id) : null;

    /// <summary>The span's parent, its parent's parent, ... as far as received spans go.</summary>
    public IEnumerable<ReceivedSpan> Ancestors(ReceivedSpan span)
    {
        for (var p = Parent(span); p is not null; p = Parent(p)) yield return p;
    }

    /// <summary>The nearest ancestor that is one of the product's own (<c>tau2.*</c> or gen_ai) spans, skipping transport spans.</summary>
    public ReceivedSpan? NearestProductAncestor(ReceivedSpan span) => Ancestors(span).FirstOrDefault(a => a.Name.StartsWith("tau2.", StringComparison.Ordinal));
}
