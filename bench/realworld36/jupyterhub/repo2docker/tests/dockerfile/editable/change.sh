#!/bin/bash

cat <<EOF > newfile
new contents
EOF
exit 0
