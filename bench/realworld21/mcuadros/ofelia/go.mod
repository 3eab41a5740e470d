module github.com/mcuadros/ofelia

go 1.25.0

toolchain go1.26.0

require (
	github.com/armon/circbuf v0.0.0-20190214190532-5111143e8da2
	github.com/bradfitz/go-smtpd v0.0.0-20170404230938-deb6d6237625
	github.com/docker/docker v28.5.2+incompatible
	github.com/fsouza/go-dockerclient v1.13.0
	github.com/go-viper/mapstructure/v2 v2.5.0
	github.com/gobs/args v0.0.0-20210311043657-b8c0b223be93
	github.com/gohugoio/hashstructure v0.6.0
	github.com/jessevdk/go-flags v1.6.1
	github.com/magefile/mage v1.15.0
	github.com/mcuadros/go-defaults v1.2.0
	github.com/op/go-logging v0.0.0-20160315200505-970db520ece7
	github.com/robfig/cron/v3 v3.0.1
	gopkg.in/check.v1 v1.0.0-20201130134442-10cb98267c6c
	gopkg.in/gcfg.v1 v1.2.3
	gopkg.in/gomail.v2 v2.0.0-20160411212932-81ebce5c23df
)

require (
	github.com/Azure/go-ansiterm v0.0.0-20250102033503-faa5f7b0171c // indirect
	github.com/Microsoft/go-winio v0.6.2 // indirect
	github.com/containerd/log v0.1.0 // indirect
	github.com/docker/go-connections v0.6.0 // indirect
	github.com/docker/go-units v0.5.0 // indirect
	github.com/gogo/protobuf v1.3.2 // indirect
	github.com/gorilla/mux v1.8.1 // indirect
	github.com/klauspost/compress v1.18.3 // indirect
	github.com/kr/pretty v0.3.1 // indirect
	github.com/kr/text v0.2.0 // indirect
	github.com/moby/docker-image-spec v1.3.1 // indirect
	github.com/moby/go-archive v0.2.0 // indirect
	github.com/moby/moby/api v1.53.0 // indirect
	github.com/moby/moby/client v0.2.2 // indirect
	github.com/moby/moby/v2 v2.0.0-beta.6 // indirect
	github.com/moby/patternmatcher v0.6.0 // indirect
	github.com/moby/sys/sequential v0.6.0 // indirect
	github.com/moby/sys/user v0.4.0 // indirect
	github.com/moby/sys/userns v0.1.0 // indirect
	github.com/moby/term v0.5.2 // indirect
	github.com/morikuni/aec v1.0.0 // indirect
	github.com/opencontainers/go-digest v1.0.0 // indirect
	github.com/opencontainers/image-spec v1.1.1 // indirect
	github.com/rogpeppe/go-internal v1.14.1 // indirect
	github.com/sirupsen/logrus v1.9.4 // indirect
	github.com/stretchr/testify v1.11.1 // indirect
	golang.org/x/sys v0.40.0 // indirect
	gopkg.in/alexcesaro/quotedprintable.v3 v3.0.0-20150716171945-2caba252f4dc // indirect
	gopkg.in/warnings.v0 v0.1.2 // indirect
)
