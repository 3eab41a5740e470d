FROM alpine

RUN exit 1

