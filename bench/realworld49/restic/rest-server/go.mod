module github.com/restic/rest-server

go 1.23.0

require (
	github.com/coreos/go-systemd/v22 v22.5.0
	github.com/gorilla/handlers v1.5.2
	github.com/minio/sha256-simd v1.0.1
	github.com/miolini/datacounter v1.0.3
	github.com/prometheus/client_golang v1.22.0
	github.com/spf13/cobra v1.9.1
	golang.org/x/crypto v0.38.0
)

require (
	github.com/beorn7/perks v1.0.1 // indirect
	github.com/cespare/xxhash/v2 v2.3.0 // indirect
	github.com/felixge/httpsnoop v1.0.4 // indirect
	github.com/inconshreveable/mousetrap v1.1.0 // indirect
	github.com/klauspost/cpuid/v2 v2.2.9 // indirect
	github.com/munnerz/goautoneg v0.0.0-20191010083416-a7dc8b61c822 // indirect
	github.com/prometheus/client_model v0.6.1 // indirect
	github.com/prometheus/common v0.62.0 // indirect
	github.com/prometheus/procfs v0.15.1 // indirect
	github.com/spf13/pflag v1.0.6 // indirect
	golang.org/x/sys v0.33.0 // indirect
	google.golang.org/protobuf v1.36.5 // indirect
)
