FROM ghcr.io/ferretdb/ferretdb-prettier:3.6.2-1
