FROM ghcr.io/ferretdb/ferretdb-wrangler:4.24.0-1
