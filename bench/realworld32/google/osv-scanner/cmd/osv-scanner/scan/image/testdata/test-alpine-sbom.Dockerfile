FROM alpine:3.10@sha256:451eee8bedcb2f029756dc3e9d73bab0e7943c1ac55cff3a4861c52a0fdd3e98

COPY lockfile-fixture/alpine-zlib-16.cdx.json /data/alpine-zlib-16.cdx.json