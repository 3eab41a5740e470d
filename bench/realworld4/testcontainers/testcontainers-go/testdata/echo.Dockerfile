FROM alpine

CMD ["echo", "this is from the echo test Dockerfile"]