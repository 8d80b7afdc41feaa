using System.CommandLine;
using Tau2Observe.Datadog.Provisioning;
using Tau2Observe.Datadog.Resources;

namespace Tau2Observe.Datadog.Commands;

/// <summary>
/// Builds <c>datadog setup|validate|teardown</c> for the <c>tau2obs</c> CLI:
/// <c>rootCommand.Subcommands.Add(DatadogCommand.Create());</c>. Keys and site come from
/// <c>DD_API_KEY</c>, <c>DD_APP_KEY</c> and <c>DD_SITE</c> unless a settings factory is given.
/// </summary>
public static class DatadogCommand
{
    private static readonly Dictionary<string, ResourceKind> OnlyValues = new()
    {
        ["monitors"] = ResourceKind.Monitor,
        ["slos"] = ResourceKind.Slo,
        ["dashboards"] = ResourceKind.Dashboard,
    };

    public static Command Create(Func<DatadogSettings>? settings = null)
    {
        settings ??= DatadogSettings.FromEnvironment;
        var command = new Command("datadog", "Provision Datadog monitors, SLOs, dashboards and the case project from deploy/datadog.");
        command.Subcommands.Add(Setup(settings));
        command.Subcommands.Add(Validate(settings));
        command.Subcommands.Add(Teardown(settings));
        return command;
    }

    private static Command Setup(Func<DatadogSettings> settings)
    {
        var dir = DirOption();
        var dryRun = DryRunOption();
        var only = OnlyOption();
        var command = new Command("setup", "Create or update every resource in deploy/datadog (matched by name among managed ones).") { dir, dryRun, only };
        command.SetAction((parse, ct) =>
        {
            var options = new ProvisionOptions(parse.GetValue(dryRun), Only(parse.GetValue(only)));
            return RunAsync(parse, settings, needsApi: !options.DryRun,
                provisioner => provisioner.SetupAsync(DeployDirectory.Load(ConfigurationDirectory(parse.GetValue(dir))), options, ct));
        });
        return command;
    }

    private static Command Validate(Func<DatadogSettings> settings)
    {
        var dir = DirOption();
        var askApi = new Option<bool>("--api") { Description = "Also send each monitor to Datadog's validate endpoint (needs DD_API_KEY and DD_APP_KEY)." };
        var command = new Command("validate", "Check every file in deploy/datadog against its schema and the tau2.* metric catalogue.") { dir, askApi };
        command.SetAction((parse, ct) => RunAsync(parse, settings, needsApi: parse.GetValue(askApi),
            provisioner => provisioner.ValidateAsync(DeployDirectory.Load(ConfigurationDirectory(parse.GetValue(dir))), parse.GetValue(askApi), ct)));
        return command;
    }

    private static Command Teardown(Func<DatadogSettings> settings)
    {
        var dryRun = DryRunOption();
        var only = OnlyOption();
        var command = new Command("teardown", $"Delete the monitors, SLOs and dashboards marked {ManagedMarker.Tag}, and nothing else.") { dryRun, only };
        command.SetAction((parse, ct) =>
        {
            var options = new ProvisionOptions(parse.GetValue(dryRun), Only(parse.GetValue(only)));
            return RunAsync(parse, settings, needsApi: !options.DryRun, provisioner => provisioner.TeardownAsync(options, ct));
        });
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, Func<DatadogSettings> settingsFactory, bool needsApi, Func<DatadogProvisioner, Task<int>> work)
    {
        var output = parse.InvocationConfiguration.Output;
        var error = parse.InvocationConfiguration.Error;
        var settings = settingsFactory();
        if (needsApi && (settings.ApiKey is null || settings.AppKey is null))
        {
            error.WriteLine("error: set DD_API_KEY and DD_APP_KEY (and DD_SITE unless it is datadoghq.com), or use --dry-run.");
            return 1;
        }
        using var http = needsApi ? new HttpClient { Timeout = TimeSpan.FromSeconds(30) } : null;
        var api = http is null ? null : new DatadogApiClient(http, settings);
        try
        {
            return await work(new DatadogProvisioner(api, output));
        }
        catch (DatadogApiException e)
        {
            error.WriteLine($"error: {e.Message}");
            return 1;
        }
        catch (HttpRequestException e)
        {
            error.WriteLine($"error: could not reach {settings.ApiBaseAddress}: {settings.Redact(e.Message)}");
            return 1;
        }
        catch (Exception e) when (e is InvalidDataException or DirectoryNotFoundException)
        {
            error.WriteLine($"error: {e.Message}");
            return 1;
        }
    }

    private static string ConfigurationDirectory(string? given) =>
        given ?? DeployDirectory.Locate(System.Environment.CurrentDirectory)
        ?? throw new DirectoryNotFoundException($"No {DeployDirectory.RelativePath} in the current directory or its parents; pass --dir.");

    private static ResourceKind? Only(string? value) => value is null ? null : OnlyValues[value];

    private static Option<string?> DirOption() =>
        new("--dir") { Description = $"The configuration directory (default: {DeployDirectory.RelativePath} here or in a parent directory)." };

    private static Option<bool> DryRunOption() =>
        new("--dry-run") { Description = "Print what would be done; send nothing to Datadog." };

    private static Option<string?> OnlyOption()
    {
        var option = new Option<string?>("--only") { Description = "Restrict to one kind of resource." };
        option.AcceptOnlyFromAmong([.. OnlyValues.Keys]);
        return option;
    }
}
