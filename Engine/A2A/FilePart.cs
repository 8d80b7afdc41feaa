namespace Tau2Observe.Engine.A2A;

public sealed class FilePart(FileContent file) : Part
{
    public const string KindValue = "file";

    public override string Kind => KindValue;
    public FileContent File { get; set; } = file;
}
