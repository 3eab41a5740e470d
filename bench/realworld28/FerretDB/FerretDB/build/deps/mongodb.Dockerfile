# syntax=docker/dockerfile:1

# TODO https://github.com/FerretDB/FerretDB/issues/5073
FROM mongo:7.0.8

# If you encounter an "unknown instruction" error there,
# please update Docker to the latest version.

# see https://github.com/docker-library/mongo/issues/475
RUN <<EOF
set -ex

echo 'topsecret' > /etc/mongod_keyfile.txt
chmod 0400 /etc/mongod_keyfile.txt
chown 999:999 /etc/mongod_keyfile.txt
EOF
