#!/bin/sh
echo "NOP process, standing by ..."
tail -F /dev/null
