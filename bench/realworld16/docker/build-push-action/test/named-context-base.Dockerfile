# syntax=docker/dockerfile:1

FROM debian
RUN echo "Hello debian!"
