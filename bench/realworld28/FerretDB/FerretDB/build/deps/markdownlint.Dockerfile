FROM davidanson/markdownlint-cli2:v0.18.1
