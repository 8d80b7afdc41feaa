namespace Tau2Observe.Engine.Values;

/// <summary>
/// An instance of a typed model (a pydantic model in tau2): its fields in declaration order.
/// It renders like a dict, except that tool-result serialisation keeps its numbers native
/// while numbers inside plain dicts and lists are stringified.
/// </summary>
public sealed class PyRecord : PyDict
{
    public PyRecord(string modelName) => ModelName = modelName;

    public PyRecord(string modelName, int capacity) : base(capacity) => ModelName = modelName;

    public string ModelName { get; }
}
