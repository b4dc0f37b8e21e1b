# pattern: official busybox image: FROM scratch with a root file system tarball added and unpacked by ADD
# source: docker-library/busybox (generated rootfs per variant; the Dockerfile is ADD of the tarball onto scratch)
# truth: 4.45 MB docker-library/repo-info repos/busybox/local/latest.md @8bb997fb3d (busybox:1.38.0)
# expect-not: unpinned-base-tag
# context: busybox.tar.xz=2200000
FROM scratch
ADD busybox.tar.xz /
CMD ["sh"]
