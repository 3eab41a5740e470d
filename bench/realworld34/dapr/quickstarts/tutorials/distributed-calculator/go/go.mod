module github.com/dapr/quickstarts/distributed-calculator/go

go 1.24.4

toolchain go1.24.5

require github.com/gorilla/mux v1.8.1
