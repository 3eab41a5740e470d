#!/bin/bash

exec /usr/share/tomcat/bin/catalina.sh run
