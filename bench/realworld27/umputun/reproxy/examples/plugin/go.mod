module github.com/umputun/reproxy/plugin

go 1.22

require github.com/umputun/reproxy v0.999.0

require (
	github.com/go-pkgz/lgr v0.11.1 // indirect
	github.com/go-pkgz/repeater v1.1.3 // indirect
)

replace github.com/umputun/reproxy => ../../
