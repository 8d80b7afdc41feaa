using Tau2Observe.MockAgents;

await MockAgentsApp.Create(args).RunAsync();
