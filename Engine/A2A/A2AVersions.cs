namespace Tau2Observe.Engine.A2A;

/// <summary>
/// The <c>A2A-Version</c> request header (A2A 1.0): a missing header means 0.3; any 0.x with x ≥ 3
/// is 0.3, any 1.x is 1.0 (minor versions are compatible); anything else is not supported.
/// </summary>
public static class A2AVersions
{
    public const string HeaderName = "A2A-Version";
    public const string V0_3 = "0.3";
    public const string V1_0 = "1.0";

    public static string ToHeader(A2AProtocolVersion version) => version == A2AProtocolVersion.V1_0 ? V1_0 : V0_3;

    public static bool TryParse(string? header, out A2AProtocolVersion version)
    {
        version = A2AProtocolVersion.V0_3;
        if (string.IsNullOrWhiteSpace(header)) return true;
        var segments = header.Trim().Split('.');
        if (segments.Length > 3 || !int.TryParse(segments[0], out int major)) return false;
        int minor = 0;
        if (segments.Length > 1 && !int.TryParse(segments[1], out minor)) return false;
        if (segments.Length > 2 && !int.TryParse(segments[2], out _)) return false;
        if (major == 0 && minor >= 3) return true;
        if (major != 1) return false;
        version = A2AProtocolVersion.V1_0;
        return true;
    }
}
