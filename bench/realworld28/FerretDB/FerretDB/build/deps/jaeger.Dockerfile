FROM jaegertracing/all-in-one:1.76.0
