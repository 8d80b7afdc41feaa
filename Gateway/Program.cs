using Tau2Observe.Gateway;

await GatewayApp.Create(args).RunAsync();
