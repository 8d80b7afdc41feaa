namespace Tau2Observe.Engine.A2A;

/// <summary>A file carried inline (<see cref="Bytes"/>, base64) or by reference (<see cref="Uri"/>); never both.</summary>
public sealed class FileContent
{
    public string? Name { get; set; }
    public string? MimeType { get; set; }
    public string? Bytes { get; set; }
    public string? Uri { get; set; }
}
