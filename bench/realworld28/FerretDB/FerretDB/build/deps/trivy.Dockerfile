FROM aquasec/trivy:0.68.2
WORKDIR /workdir
