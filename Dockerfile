# syntax=docker/dockerfile:1
# Builds the `grader` CLI and the sandboxed runner for Linux x64.
#   CPU (default):  docker build -t grader .
#   CUDA:           docker build --build-arg TORCH_BACKEND=cuda --build-arg RUNTIME_BASE=nvidia/cuda:12.8.1-cudnn-runtime-ubuntu24.04 -t grader:cuda .
# TORCH_BACKEND selects the libtorch native package (build/Torch.Native.props). The runtime image
# must provide GLIBCXX_3.4.32 (GCC 13+ runtime): Ubuntu 24.04 does.
# Grading runs learner code inside bubblewrap, which needs user namespaces: run the container with
# --security-opt seccomp=unconfined --security-opt apparmor=unconfined (or a profile allowing clone(CLONE_NEWUSER)).
# Per-run cgroups need a writable, delegated cgroup; without one, cap the container itself
# (--memory, --pids-limit) and set GRADER_Sandbox__AllowMissingCgroups=true (results say so).
# See docs/security.md.

# The CLI hosts the gRPC server, so the runtime needs ASP.NET Core.
ARG RUNTIME_BASE=mcr.microsoft.com/dotnet/aspnet:10.0-noble

FROM mcr.microsoft.com/dotnet/sdk:10.0-noble AS build
ARG TORCH_BACKEND=cpu
WORKDIR /src
# Restore first, from the project files only, so source edits don't invalidate the package layer.
COPY global.json Directory.Build.props Directory.Packages.props BannedSymbols.txt .editorconfig ./
COPY build/ build/
COPY protos/ protos/
COPY src/Grader.Contracts/Grader.Contracts.csproj src/Grader.Contracts/
COPY src/Grader.Core/Grader.Core.csproj src/Grader.Core/
COPY src/Grader.Datasets/Grader.Datasets.csproj src/Grader.Datasets/
COPY src/Grader.Training/Grader.Training.csproj src/Grader.Training/
COPY src/Grader.Sandbox/Grader.Sandbox.csproj src/Grader.Sandbox/
COPY src/Grader.Runner/Grader.Runner.csproj src/Grader.Runner/
COPY src/Grader.Data/Grader.Data.csproj src/Grader.Data/
COPY src/Grader.Server/Grader.Server.csproj src/Grader.Server/
COPY src/Grader.Cli/Grader.Cli.csproj src/Grader.Cli/
COPY graders/Grader.Sdk/Grader.Sdk.csproj graders/Grader.Sdk/
COPY graders/Cifar10.MlpVsCnn/Cifar10.MlpVsCnn.csproj graders/Cifar10.MlpVsCnn/
RUN dotnet restore src/Grader.Cli/Grader.Cli.csproj -p:TorchBackend=$TORCH_BACKEND \
 && dotnet restore src/Grader.Runner/Grader.Runner.csproj -p:TorchBackend=$TORCH_BACKEND
COPY src/ src/
COPY graders/ graders/
RUN dotnet publish src/Grader.Cli/Grader.Cli.csproj -c Release --no-restore -p:TorchBackend=$TORCH_BACKEND -o /out/cli \
 && dotnet publish src/Grader.Runner/Grader.Runner.csproj -c Release --no-restore -p:TorchBackend=$TORCH_BACKEND -o /out/cli/runner

FROM ${RUNTIME_BASE}
# bubblewrap is the sandbox; ca-certificates lets `grader datasets fetch` use HTTPS.
RUN apt-get update \
 && apt-get install -y --no-install-recommends bubblewrap ca-certificates \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --create-home --home-dir /var/lib/grader grader
# The CUDA base image has no .NET runtime: bring the one from the build stage's SDK.
COPY --from=build /usr/share/dotnet /usr/share/dotnet
RUN ln -sf /usr/share/dotnet/dotnet /usr/bin/dotnet
COPY --from=build /out/cli /app
COPY content/ /app/content/
ENV GRADER_Content__Root=/app/content \
    GRADER_Data__Directory=/var/lib/grader \
    GRADER_Sandbox__RunnerPath=/app/runner/Grader.Runner.dll \
    DOTNET_CLI_TELEMETRY_OPTOUT=1
USER grader
WORKDIR /var/lib/grader
ENTRYPOINT ["dotnet", "/app/grader.dll"]
CMD ["demo"]
