module github.com/rcourtman/pulse/tests/integration/mock-github-server

go 1.23

require ()
