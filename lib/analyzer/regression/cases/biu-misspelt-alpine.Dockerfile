# pattern: a misspelt official image name (apline for alpine): Docker pulls docker.io/library/apline and fails with "pull access denied for apline"
# source: the misspelling of dirkhh/adsb-feeder-image src/modules/adsb-feeder/filesystem/root/opt/adsb/docker-pull.sh @04dbb925f366b0363cc8e2f2f92925f17cf75805 (a docker pull of apline, fixed in pull request #79), written here as a FROM
# expect-with-index: base-image-unknown-name
FROM apline:3.20
RUN apk add --no-cache ca-certificates
