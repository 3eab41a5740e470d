FROM debian:buster

# info level warning expected here:
RUN echo "Hello"
RUN echo "World"
