module github.com/GoogleCloudPlatform/cloud-builders/gke-deploy

go 1.21

require (
  github.com/google/go-cmp v0.5.9
  github.com/google/go-containerregistry v0.0.0-20200128171736-43a8003f9213
  github.com/kubernetes-sigs/application v0.8.1
  github.com/pkg/errors v0.9.1
  github.com/spf13/cobra v0.0.5
  golang.org/x/oauth2 v0.8.0
  google.golang.org/api v0.114.0
  k8s.io/apimachinery v0.28.2
  k8s.io/client-go v0.28.2
)

require (
  cloud.google.com/go/compute v1.19.1 // indirect
  cloud.google.com/go/compute/metadata v0.2.3 // indirect
  github.com/cpuguy83/go-md2man v1.0.10 // indirect
  github.com/davecgh/go-spew v1.1.1 // indirect
  github.com/docker/cli v20.10.9+incompatible // indirect
  github.com/docker/docker v20.10.27+incompatible // indirect
  github.com/docker/docker-credential-helpers v0.6.3 // indirect
  github.com/go-logr/logr v1.2.4 // indirect
  github.com/gogo/protobuf v1.3.2 // indirect
  github.com/golang/groupcache v0.0.0-20210331224755-41bb18bfe9da // indirect
  github.com/golang/protobuf v1.5.3 // indirect
  github.com/google/gofuzz v1.2.0 // indirect
  github.com/google/uuid v1.3.0 // indirect
  github.com/googleapis/enterprise-certificate-proxy v0.2.3 // indirect
  github.com/googleapis/gax-go/v2 v2.7.1 // indirect
  github.com/imdario/mergo v0.3.6 // indirect
  github.com/inconshreveable/mousetrap v1.0.0 // indirect
  github.com/json-iterator/go v1.1.12 // indirect
  github.com/konsorten/go-windows-terminal-sequences v1.0.2 // indirect
  github.com/modern-go/concurrent v0.0.0-20180306012644-bacd9c7ef1dd // indirect
  github.com/modern-go/reflect2 v1.0.2 // indirect
  github.com/russross/blackfriday v1.5.2 // indirect
  github.com/sirupsen/logrus v1.4.2 // indirect
  github.com/spf13/pflag v1.0.5 // indirect
  go.opencensus.io v0.24.0 // indirect
  golang.org/x/net v0.17.0 // indirect
  golang.org/x/sync v0.1.0 // indirect
  golang.org/x/sys v0.13.0 // indirect
  golang.org/x/term v0.13.0 // indirect
  golang.org/x/text v0.13.0 // indirect
  golang.org/x/time v0.3.0 // indirect
  golang.org/x/xerrors v0.0.0-20220907171357-04be3eba64a2 // indirect
  google.golang.org/appengine v1.6.7 // indirect
  google.golang.org/genproto v0.0.0-20230410155749-daa745c078e1 // indirect
  google.golang.org/grpc v1.56.3 // indirect
  google.golang.org/protobuf v1.30.0 // indirect
  gopkg.in/inf.v0 v0.9.1 // indirect
  gopkg.in/yaml.v2 v2.4.0 // indirect
  gotest.tools/v3 v3.5.1 // indirect
  k8s.io/api v0.28.2 // indirect
  k8s.io/klog/v2 v2.100.1 // indirect
  k8s.io/utils v0.0.0-20230406110748-d93618cff8a2 // indirect
  sigs.k8s.io/controller-runtime v0.4.0 // indirect
  sigs.k8s.io/json v0.0.0-20221116044647-bc3834ca7abd // indirect
  sigs.k8s.io/structured-merge-diff/v4 v4.2.3 // indirect
  sigs.k8s.io/yaml v1.3.0 // indirect
)
