#!/bin/sh

echo "Successfully executed testinclude1.sh"
