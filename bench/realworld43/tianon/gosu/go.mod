module github.com/tianon/gosu

go 1.20

require (
	github.com/moby/sys/user v0.1.0
	golang.org/x/sys v0.1.0
)
