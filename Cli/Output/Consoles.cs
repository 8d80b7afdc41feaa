using Spectre.Console;

namespace Tau2Observe.Cli.Output;

/// <summary>Spectre consoles over the invocation's writers: colours and live widgets only on a real terminal.</summary>
public static class Consoles
{
    public static IAnsiConsole For(TextWriter writer)
    {
        bool live = IsLive(writer);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = live ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = live ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = live ? InteractionSupport.Detect : InteractionSupport.No,
        });
        // a file or pipe has no width: do not wrap tables of long task ids at 80 columns
        if (!live) console.Profile.Width = 240;
        return console;
    }

    /// <summary>Whether <paramref name="writer"/> is the process's own, unredirected stdout or stderr.</summary>
    public static bool IsLive(TextWriter writer) =>
        (ReferenceEquals(writer, Console.Error) && !Console.IsErrorRedirected)
        || (ReferenceEquals(writer, Console.Out) && !Console.IsOutputRedirected);
}
