# Use development image and full tag close to the release.
# FROM ghcr.io/ferretdb/postgres-documentdb-dev:17-0.108.0-ferretdb-2.8.0

# Use moving development image during development.
FROM ghcr.io/ferretdb/postgres-documentdb-dev:17-ferretdb
