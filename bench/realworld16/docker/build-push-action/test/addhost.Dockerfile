# syntax=docker/dockerfile:1
FROM busybox
RUN cat /etc/hosts
