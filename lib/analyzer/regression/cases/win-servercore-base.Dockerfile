# pattern: a Windows Server Core image with PowerShell RUN steps: the analyzer says plainly that Windows images are not supported and raises no Linux finding
# source: docker-library/golang 1.26/windows/windowsservercore-ltsc2022/Dockerfile @7c8c182bfc19ee3169d0596ae63917d2c7166f94
# expect-not: apt-lists-not-removed runtime-missing command-not-found unpinned-base-tag single-stage-build
FROM mcr.microsoft.com/windows/servercore:ltsc2022
SHELL ["powershell", "-Command", "$ErrorActionPreference = 'Stop'; $ProgressPreference = 'SilentlyContinue';"]
ENV GOPATH=C:\\go
RUN $url = 'https://dl.google.com/go/go1.26.0.windows-amd64.zip'; Invoke-WebRequest -Uri $url -OutFile 'go.zip'; Expand-Archive go.zip -DestinationPath C:\; Remove-Item go.zip -Force
WORKDIR $GOPATH
CMD ["go", "version"]
