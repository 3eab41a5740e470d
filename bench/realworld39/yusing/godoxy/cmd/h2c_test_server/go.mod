module github.com/yusing/godoxy/cmd/h2c_test_server

go 1.27.0

require golang.org/x/net v0.58.0

require golang.org/x/text v0.41.0 // indirect
