"""Finding the files to harden in a repository, and reading and writing them safely."""
