using System.Text;
using Tau2Observe.Engine.Environment;
using Tau2Observe.Engine.Values;

namespace Tau2Observe.Engine.Data.Schema;

/// <summary>Collects validation errors with their location, and renders pydantic's report text.</summary>
public sealed class ValidationContext
{
    /// <summary>The pydantic minor version in documentation links (the reference vectors were produced with 2.13).</summary>
    public const string PydanticVersion = "2.13";

    private readonly List<string> _path = [];
    private readonly List<(string Loc, string Code, string Message, object? Input)> _errors = [];

    public bool HasErrors => _errors.Count > 0;

    public IDisposable At(string segment)
    {
        _path.Add(segment);
        return new PopOnDispose(_path);
    }

    /// <summary>Records an error at the current location and returns the input unchanged.</summary>
    public object? Fail(string code, string message, object? input)
    {
        _errors.Add((string.Join(".", _path), code, message, input));
        return input;
    }

    public string Report(string modelName)
    {
        var sb = new StringBuilder();
        sb.Append(_errors.Count).Append(_errors.Count == 1 ? " validation error for " : " validation errors for ").Append(modelName);
        foreach (var (loc, code, message, input) in _errors)
        {
            sb.Append('\n');
            if (loc.Length > 0) sb.Append(loc).Append('\n');
            sb.Append("  ").Append(message)
              .Append(" [type=").Append(code)
              .Append(", input_value=").Append(TruncatedRepr(input))
              .Append(", input_type=").Append(PyValue.TypeName(input)).Append(']');
            sb.Append("\n    For further information visit https://errors.pydantic.dev/").Append(PydanticVersion).Append("/v/").Append(code);
        }
        return sb.ToString();
    }

    public void ThrowIfErrors(string modelName)
    {
        if (HasErrors) throw new ToolCallException(Report(modelName));
    }

    /// <summary>
    /// pydantic shortens an input repr longer than 50 UTF-8 bytes to its first 25 and last 24
    /// bytes around "...", cutting only between characters.
    /// </summary>
    private static string TruncatedRepr(object? input)
    {
        string repr = PyRepr.Repr(input);
        byte[] bytes = Encoding.UTF8.GetBytes(repr);
        if (bytes.Length <= 50) return repr;
        int head = 25, tail = bytes.Length - 24;
        while (head > 0 && IsContinuationByte(bytes[head])) head--;
        while (tail < bytes.Length && IsContinuationByte(bytes[tail])) tail++;
        return Encoding.UTF8.GetString(bytes, 0, head) + "..." + Encoding.UTF8.GetString(bytes, tail, bytes.Length - tail);
    }

    private static bool IsContinuationByte(byte b) => (b & 0xC0) == 0x80;

    private sealed class PopOnDispose(List<string> path) : IDisposable
    {
        public void Dispose() => path.RemoveAt(path.Count - 1);
    }
}
