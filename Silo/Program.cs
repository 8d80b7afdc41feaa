using Microsoft.Extensions.DependencyInjection;
using Orleans.Dashboard;
using Tau2Observe.Datadog.LlmObs;
using Tau2Observe.Engine.Data;
using Tau2Observe.Grains.Hosting;
using Tau2Observe.ServiceDefaults;
using Tau2Observe.Silo;

// The Orleans silo, co-hosted with its HTTP side: health endpoints and the Orleans dashboard.
var builder = WebApplication.CreateBuilder(args);
builder.ListenByDefaultOn("http://127.0.0.1:5080");
builder.AddServiceDefaults("tau2observe-silo");

var backend = Tau2ObserveBackend.FromConfiguration(builder.Configuration);
builder.UseOrleans(silo =>
{
    silo.UseTau2ObserveSilo(
        backend,
        builder.Configuration.GetValue("Tau2Observe:SiloPort", 11111),
        builder.Configuration.GetValue("Tau2Observe:GatewayPort", 30000));
    silo.Services.AddLlmObsEvaluations(LlmObsOptions.FromEnvironment()); // only when DD_API_KEY is set
    silo.AddDashboard();
});

var app = builder.Build();
// fail at startup, not at the first evaluation, when TAU2_DATA_DIR is missing or wrong
app.Services.GetRequiredService<DomainRegistry>();
app.MapDefaultEndpoints();
app.UseDashboardAccess();
app.MapOrleansDashboard(DashboardAccess.Path);
app.Run();
