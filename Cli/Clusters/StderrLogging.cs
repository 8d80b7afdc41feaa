using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Tau2Observe.Cli.Clusters;

/// <summary>Logging for the CLI's Orleans hosts: stdout belongs to the results (and --json), so logs go to stderr, warnings and up.</summary>
public static class StderrLogging
{
    public static void Configure(ILoggingBuilder logging)
    {
        logging.AddSimpleConsole(o => o.SingleLine = true);
        logging.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        logging.SetMinimumLevel(LogLevel.Warning);
        logging.AddFilter("Orleans", LogLevel.Error);
        logging.AddFilter("Microsoft.Extensions.Hosting", LogLevel.None); // start failures are reported as one error line
    }
}
