using Tau2Observe.Engine.Values;

namespace Tau2Observe.Engine.Conformance;

/// <summary>Runs one kind of conformance vector.</summary>
public interface IConformanceCaseRunner
{
    string Kind { get; }
    CaseResult Run(PyDict vector, ConformanceOptions options);
}
