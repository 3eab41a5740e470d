FROM ghcr.io/ferretdb/ferretdb-textlint:15.2.0-1
