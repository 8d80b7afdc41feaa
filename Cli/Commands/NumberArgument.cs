using System.CommandLine.Parsing;
using System.Globalization;

namespace Tau2Observe.Cli.Commands;

/// <summary>Parses a number option with an error a user can read (the default names a .NET type).</summary>
public static class NumberArgument
{
    public static T Parse<T>(ArgumentResult result) where T : struct, IParsable<T>
    {
        string token = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        if (T.TryParse(token, CultureInfo.InvariantCulture, out var value)) return value;
        string name = result.Parent is OptionResult option ? option.Option.Name : "value";
        result.AddError($"{name}: '{Shown(token)}' is not a whole number");
        return default;
    }

    private static string Shown(string token) => token.Length <= 40 ? token : token[..40] + "…";
}
