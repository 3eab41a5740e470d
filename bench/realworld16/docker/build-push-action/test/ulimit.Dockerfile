# syntax=docker/dockerfile:1
FROM busybox
RUN ulimit -a
