#!/bin/sh

set -eux

busybox httpd -f -p 8000
