namespace Tau2Observe.Engine.Data;

public sealed class UnknownDomainException(string name, IEnumerable<string> known)
    : ArgumentException($"Unknown domain '{name}'. Known domains: {string.Join(", ", known.Order())}");
