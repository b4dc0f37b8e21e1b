# pattern: dotnet publish in the SDK stage, output copied into the runtime image
# source: GoogleCloudPlatform/microservices-demo docker/cartservice.Dockerfile @0f44ce1b803f8767a4a210d8a8e62d9f3c8f1d10
# expect-not: single-stage-build
# context: cartservice.csproj=1500 Program.cs=2000
FROM mcr.microsoft.com/dotnet/sdk:8.0 AS builder
WORKDIR /app
COPY . .
RUN dotnet publish -c Release -o /cartservice
FROM mcr.microsoft.com/dotnet/aspnet:8.0
WORKDIR /app
COPY --from=builder /cartservice .
ENTRYPOINT ["/app/cartservice"]
