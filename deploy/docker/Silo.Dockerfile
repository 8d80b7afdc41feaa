# syntax=docker/dockerfile:1
# Tau2Observe Silo: the Orleans silo host (grains, Orleans dashboard at /dashboard, /health).
# The build context is the repository root (see Silo.Dockerfile.dockerignore for what goes in):
#   docker build -f deploy/docker/Silo.Dockerfile -t tau2observe/silo .

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
# The cache mount keeps NuGet packages between builds (BuildKit).
RUN --mount=type=cache,id=tau2observe-nuget,target=/root/.nuget/packages \
    dotnet publish Silo/Silo.csproj -c Release -o /app -p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS final
# curl serves the HEALTHCHECK only; the runtime image has neither curl nor wget.
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app .
# The base image listens on 8080 (ASPNETCORE_HTTP_PORTS=8080); the HEALTHCHECK assumes that port.
# TAU2_DATA_DIR names the folder that contains tau2/: mount the pinned data there, read-only.
ENV TAU2_DATA_DIR=/data
# Under steady load, tiered JIT compilation kept postponing the silo's optimized code for a minute or
# more (docs/perf.md); without the call-counting delay it is in place within about 15 s.
ENV DOTNET_TC_CallCountingDelayMs=0
# A simulation allocates about 1 MB; with the default gen0 budget a loaded silo ran about 23 gen0 and 1.4
# full (gen2) collections a second. A 64 MiB gen0 budget cut full collections to 0.2 a second and raised
# throughput by 5 % (one silo) and 13 % (two), docs/perf.md. The runtime reads this from the environment only.
ENV DOTNET_GCgen0size=0x4000000
# 8080: HTTP (health, dashboard); 11111: silo-to-silo; 30000: Orleans gateway for clients
EXPOSE 8080 11111 30000
# APP_UID (1654, user "app") is defined by the .NET base images: never run as root.
USER $APP_UID
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
    CMD curl -fsS http://127.0.0.1:8080/health || exit 1
ENTRYPOINT ["dotnet", "Tau2Observe.Silo.dll"]
