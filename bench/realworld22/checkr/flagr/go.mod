module github.com/checkr/flagr

go 1.16

require (
	cloud.google.com/go v0.37.4
	github.com/DataDog/datadog-go v0.0.0-20180330214955-e67964b4021a
	github.com/Shopify/sarama v1.19.0
	github.com/a8m/kinesis-producer v0.0.0-20180723062609-03228a9f79b3
	github.com/auth0/go-jwt-middleware v0.0.0-20170425171159-5493cabe49f7
	github.com/avast/retry-go v2.2.0+incompatible
	github.com/aws/aws-sdk-go v1.34.28
	github.com/brandur/simplebox v0.0.0-20150921201729-84e9865bb03a
	github.com/bsm/ratelimit v2.0.0+incompatible
	github.com/caarlos0/env v3.3.0+incompatible
	github.com/certifi/gocertifi v0.0.0-20180118203423-deb3ae2ef261 // indirect
	github.com/codegangsta/negroni v1.0.0 // indirect
	github.com/davecgh/go-spew v1.1.1
	github.com/dchest/uniuri v0.0.0-20160212164326-8902c56451e9
	github.com/dgrijalva/jwt-go v3.2.0+incompatible
	github.com/evalphobia/logrus_sentry v0.4.6
	github.com/getsentry/raven-go v0.0.0-20180903072508-084a9de9eb03
	github.com/go-openapi/errors v0.19.9
	github.com/go-openapi/loads v0.20.1
	github.com/go-openapi/runtime v0.19.26
	github.com/go-openapi/spec v0.20.2
	github.com/go-openapi/strfmt v0.20.0
	github.com/go-openapi/swag v0.19.13
	github.com/go-openapi/validate v0.20.1
	github.com/gohttp/pprof v0.0.0-20141119085724-c9d246cbb3ba
	github.com/gorilla/mux v1.7.1 // indirect
	github.com/jessevdk/go-flags v1.4.0
	github.com/jinzhu/gorm v1.9.16
	github.com/jpillora/backoff v0.0.0-20170918002102-8eab2debe79d // indirect
	github.com/mattn/go-sqlite3 v1.14.7 // indirect
	github.com/meatballhat/negroni-logrus v0.0.0-20170801195057-31067281800f
	github.com/newrelic/go-agent v2.1.0+incompatible
	github.com/onsi/ginkgo v1.8.0 // indirect
	github.com/onsi/gomega v1.5.0 // indirect
	github.com/philhofer/fwd v1.0.0 // indirect
	github.com/phyber/negroni-gzip v0.0.0-20180113114010-ef6356a5d029
	github.com/prashantv/gostub v0.0.0-20170112001514-5c68b99bb088
	github.com/prometheus/client_golang v0.9.3-0.20190127221311-3c4408c8b829
	github.com/prometheus/client_model v0.0.0-20190129233127-fd36f4220a90 // indirect
	github.com/prometheus/procfs v0.0.0-20190219184716-e4d4a2206da0 // indirect
	github.com/rs/cors v1.5.0
	github.com/sirupsen/logrus v1.4.2
	github.com/smartystreets/goconvey v0.0.0-20190330032615-68dc04aab96a // indirect
	github.com/spf13/cast v1.3.0
	github.com/stretchr/testify v1.6.1
	github.com/tinylib/msgp v1.1.0 // indirect
	github.com/urfave/negroni v0.3.0
	github.com/yadvendar/negroni-newrelic-go-agent v0.0.0-20160803090806-3dc58758cb67
	github.com/zhouzhuojie/conditions v0.2.3
	github.com/zhouzhuojie/withtimeout v0.0.0-20190405051827-12b39eb2edd5
	golang.org/x/net v0.0.0-20210119194325-5f4716e94777
	google.golang.org/api v0.3.1
	google.golang.org/grpc v1.19.0
	gopkg.in/DataDog/dd-trace-go.v1 v1.9.0
)
