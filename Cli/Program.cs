using Tau2Observe.Cli;

return await CliApp.RunAsync(args, new CliDependencies());
