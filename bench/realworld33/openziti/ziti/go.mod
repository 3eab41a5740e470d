module github.com/openziti/ziti/v2

go 1.26.4

// pinned
replace github.com/michaelquigley/pfxlog => github.com/michaelquigley/pfxlog v0.6.10

require (
	github.com/AppsFlyer/go-sundheit v0.6.0
	github.com/Azure/azure-sdk-for-go/sdk/azcore v1.23.0
	github.com/Azure/azure-sdk-for-go/sdk/messaging/azservicebus v1.10.0
	github.com/Jeffail/gabs v1.4.0
	github.com/Jeffail/gabs/v2 v2.7.0
	github.com/MakeNowJust/heredoc v1.0.0
	github.com/antchfx/jsonquery v1.3.7
	github.com/antlr4-go/antlr/v4 v4.13.1
	github.com/biogo/store v0.0.0-20201120204734-aad293a2328f
	github.com/blang/semver v3.5.1+incompatible
	github.com/c-bata/go-prompt v0.2.6
	github.com/cenkalti/backoff/v4 v4.3.0
	github.com/coreos/go-iptables v0.8.0
	github.com/dgryski/dgoogauth v0.0.0-20190221195224-5a805980a5f3
	github.com/dineshappavoo/basex v0.0.0-20170425072625-481a6f6dc663
	github.com/ef-ds/deque v1.0.4
	github.com/fatih/color v1.19.0
	github.com/fullsailor/pkcs7 v0.0.0-20190404230743-d7302db945fa
	github.com/gaissmai/extnetip v1.3.2
	github.com/go-acme/lego/v4 v4.35.2
	github.com/go-jose/go-jose/v4 v4.1.4
	github.com/go-openapi/errors v0.22.8
	github.com/go-openapi/jsonpointer v1.0.0
	github.com/go-openapi/loads v0.25.1
	github.com/go-openapi/runtime v0.33.0
	github.com/go-openapi/spec v0.22.9
	github.com/go-openapi/strfmt v0.27.0
	github.com/go-openapi/swag v0.29.0
	github.com/go-openapi/swag/jsonutils v0.29.0
	github.com/go-openapi/validate v0.26.3
	github.com/go-resty/resty/v2 v2.17.2
	github.com/go-viper/mapstructure/v2 v2.5.0
	github.com/golang-jwt/jwt/v5 v5.3.1
	github.com/google/go-cmp v0.7.0
	github.com/google/gopacket v1.1.19
	github.com/google/uuid v1.6.0
	github.com/gorilla/handlers v1.5.2
	github.com/gorilla/mux v1.8.1
	github.com/gorilla/securecookie v1.1.2
	github.com/gorilla/websocket v1.5.3
	github.com/hashicorp/go-hclog v1.6.3
	github.com/hashicorp/golang-lru/v2 v2.0.7
	github.com/hashicorp/raft v1.7.3
	github.com/hashicorp/raft-boltdb/v2 v2.3.1
	github.com/jedib0t/go-pretty/v6 v6.8.3
	github.com/jellydator/ttlcache/v3 v3.4.1
	github.com/jessevdk/go-flags v1.6.1
	github.com/jinzhu/copier v0.4.0
	github.com/judedaryl/go-arrayutils v0.0.1
	github.com/kataras/go-events v0.0.3
	github.com/lucsky/cuid v1.2.1
	github.com/mdlayher/netlink v1.11.2
	github.com/michaelquigley/pfxlog v1.0.0
	github.com/miekg/dns v1.1.73
	github.com/mitchellh/go-ps v1.0.0
	github.com/mitchellh/mapstructure v1.5.0
	github.com/natefinch/lumberjack v2.0.0+incompatible
	github.com/openziti/channel/v5 v5.0.27
	github.com/openziti/cobra-to-md v1.0.1
	github.com/openziti/edge-api v0.35.2
	github.com/openziti/foundation/v2 v2.0.100
	github.com/openziti/identity v1.0.140
	github.com/openziti/jwks v1.0.6
	github.com/openziti/metrics v1.4.5
	github.com/openziti/runzmd v1.0.92
	github.com/openziti/sdk-golang/v2 v2.0.0-pre4
	github.com/openziti/secretstream v0.1.52
	github.com/openziti/transport/v2 v2.0.220
	github.com/openziti/x509-claims v1.0.3
	github.com/openziti/xweb/v3 v3.0.5
	github.com/orcaman/concurrent-map/v2 v2.0.1
	github.com/pkg/errors v0.9.1
	github.com/rabbitmq/amqp091-go v1.14.0
	github.com/rcrowley/go-metrics v0.0.0-20250401214520-65e299d6c5c9
	github.com/rodaine/table v1.3.1
	github.com/russross/blackfriday v1.6.0
	github.com/shirou/gopsutil/v3 v3.24.5
	github.com/sirupsen/logrus v1.10.1
	github.com/skip2/go-qrcode v0.0.0-20200617195104-da1b6568686e
	github.com/spf13/cobra v1.10.2
	github.com/spf13/pflag v1.0.10
	github.com/spf13/viper v1.21.0
	github.com/stretchr/testify v1.12.1
	github.com/teris-io/shortid v0.0.0-20220617161101-71ec9f2aa569
	github.com/xeipuuv/gojsonschema v1.2.0
	github.com/zitadel/oidc/v3 v3.49.2
	go.etcd.io/bbolt v1.5.0
	go.uber.org/atomic v1.11.0
	go4.org v0.0.0-20260112195520-a5071408f32f
	golang.org/x/crypto v0.55.0
	golang.org/x/net v0.58.0
	golang.org/x/oauth2 v0.36.0
	golang.org/x/sync v0.22.0
	golang.org/x/sys v0.47.0
	golang.org/x/term v0.45.0
	golang.org/x/text v0.41.0
	golang.org/x/tools v0.49.0
	google.golang.org/protobuf v1.36.12
	gopkg.in/AlecAivazis/survey.v1 v1.8.8
	gopkg.in/resty.v1 v1.12.0
	gopkg.in/yaml.v2 v2.4.0
	gopkg.in/yaml.v3 v3.0.1
	rsc.io/goversion v1.2.0
)

require (
	github.com/Azure/azure-sdk-for-go/sdk/internal v1.12.0 // indirect
	github.com/Azure/go-amqp v1.7.0 // indirect
	github.com/MichaelMure/go-term-text v0.3.1 // indirect
	github.com/alecthomas/chroma v0.10.0 // indirect
	github.com/andybalholm/brotli v1.2.2 // indirect
	github.com/antchfx/xpath v1.3.8 // indirect
	github.com/armon/go-metrics v0.4.1 // indirect
	github.com/bmatcuk/doublestar/v4 v4.10.0 // indirect
	github.com/boltdb/bolt v1.3.1 // indirect
	github.com/cenkalti/backoff/v5 v5.0.3 // indirect
	github.com/cespare/xxhash/v2 v2.3.0 // indirect
	github.com/clipperhouse/uax29/v2 v2.7.0 // indirect
	github.com/cpuguy83/go-md2man/v2 v2.0.7 // indirect
	github.com/creack/pty v1.1.24 // indirect
	github.com/dlclark/regexp2 v1.12.0 // indirect
	github.com/docker/go-units v0.5.0 // indirect
	github.com/ebitengine/purego v0.10.2 // indirect
	github.com/emirpasic/gods v1.18.1 // indirect
	github.com/felixge/httpsnoop v1.1.0 // indirect
	github.com/fsnotify/fsnotify v1.10.1 // indirect
	github.com/go-chi/chi/v5 v5.3.2 // indirect
	github.com/go-logr/logr v1.4.4 // indirect
	github.com/go-logr/stdr v1.2.2 // indirect
	github.com/go-ole/go-ole v1.3.0 // indirect
	github.com/go-openapi/analysis v0.26.0 // indirect
	github.com/go-openapi/jsonreference v1.0.0 // indirect
	github.com/go-openapi/runtime/server-middleware v0.33.0 // indirect
	github.com/go-openapi/swag/cmdutils v0.29.0 // indirect
	github.com/go-openapi/swag/conv v0.29.0 // indirect
	github.com/go-openapi/swag/fileutils v0.29.0 // indirect
	github.com/go-openapi/swag/loading v0.29.0 // indirect
	github.com/go-openapi/swag/mangling v0.29.0 // indirect
	github.com/go-openapi/swag/netutils v0.29.0 // indirect
	github.com/go-openapi/swag/pools v0.29.0 // indirect
	github.com/go-openapi/swag/stringutils v0.29.0 // indirect
	github.com/go-openapi/swag/typeutils v0.29.0 // indirect
	github.com/go-openapi/swag/yamlutils v0.29.0 // indirect
	github.com/golang/groupcache v0.0.0-20241129210726-2c02b8208cf8 // indirect
	github.com/gomarkdown/markdown v0.0.0-20260818103853-6d1f24fc3a11 // indirect
	github.com/hashicorp/go-immutable-radix v1.3.1 // indirect
	github.com/hashicorp/go-metrics v0.6.1 // indirect
	github.com/hashicorp/go-msgpack/v2 v2.1.5 // indirect
	github.com/hashicorp/golang-lru v1.0.2 // indirect
	github.com/inconshreveable/mousetrap v1.1.0 // indirect
	github.com/kballard/go-shellquote v0.0.0-20180428030007-95032a82bc51 // indirect
	github.com/kr/pty v1.1.8 // indirect
	github.com/kyokomi/emoji/v2 v2.2.14 // indirect
	github.com/lufia/plan9stats v0.0.0-20260802145828-341c2f0c90b5 // indirect
	github.com/mattn/go-colorable v0.1.15 // indirect
	github.com/mattn/go-isatty v0.0.24 // indirect
	github.com/mattn/go-runewidth v0.0.28 // indirect
	github.com/mattn/go-tty v0.0.8 // indirect
	github.com/mdlayher/socket v0.6.1 // indirect
	github.com/mgutz/ansi v0.0.0-20200706080929-d51e80ef957d // indirect
	github.com/miekg/pkcs11 v1.1.2 // indirect
	github.com/muhlemmer/gu v0.3.1 // indirect
	github.com/muhlemmer/httpforwarded v0.1.0 // indirect
	github.com/oklog/ulid/v2 v2.1.2 // indirect
	github.com/openziti/go-term-markdown v1.0.1 // indirect
	github.com/parallaxsecond/parsec-client-go v0.0.0-20221025095442-f0a77d263cf9 // indirect
	github.com/pelletier/go-toml/v2 v2.4.3 // indirect
	github.com/pion/dtls/v3 v3.1.5 // indirect
	github.com/pion/logging v0.2.4 // indirect
	github.com/pion/transport/v4 v4.1.0 // indirect
	github.com/pkg/term v1.2.0-beta.2 // indirect
	github.com/power-devops/perfstat v0.0.0-20260805114148-88456608a4f6 // indirect
	github.com/rs/cors v1.11.1 // indirect
	github.com/russross/blackfriday/v2 v2.1.0 // indirect
	github.com/sagikazarmark/locafero v0.12.0 // indirect
	github.com/shirou/gopsutil/v4 v4.26.7 // indirect
	github.com/shoenig/go-m1cpu v0.2.2 // indirect
	github.com/speps/go-hashids v2.0.0+incompatible // indirect
	github.com/spf13/afero v1.15.0 // indirect
	github.com/spf13/cast v1.10.0 // indirect
	github.com/subosito/gotenv v1.6.0 // indirect
	github.com/tklauser/go-sysconf v0.4.0 // indirect
	github.com/tklauser/numcpus v0.12.0 // indirect
	github.com/valyala/bytebufferpool v1.0.0 // indirect
	github.com/valyala/fasttemplate v1.2.2 // indirect
	github.com/xeipuuv/gojsonpointer v0.0.0-20190905194746-02993c407bfb // indirect
	github.com/xeipuuv/gojsonreference v0.0.0-20180127040603-bd5ef7bd5415 // indirect
	github.com/yusufpapurcu/wmi v1.2.4 // indirect
	github.com/zitadel/schema v1.3.2 // indirect
	go.mozilla.org/pkcs7 v0.10.0 // indirect
	go.opentelemetry.io/auto/sdk v1.2.1 // indirect
	go.opentelemetry.io/otel v1.45.0 // indirect
	go.opentelemetry.io/otel/metric v1.45.0 // indirect
	go.opentelemetry.io/otel/trace v1.45.0 // indirect
	go.yaml.in/yaml/v3 v3.0.5 // indirect
	golang.org/x/exp v0.0.0-20260820142414-ca536658362e // indirect
	golang.org/x/mod v0.39.0 // indirect
	gopkg.in/natefinch/lumberjack.v2 v2.2.1 // indirect
	nhooyr.io/websocket v1.8.17 // indirect
)
