FROM busybox
ENTRYPOINT [ "echo", "from Dockerfile.b!" ]
