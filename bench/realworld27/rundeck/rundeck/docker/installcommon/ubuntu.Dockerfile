FROM ubuntu:16.04

ADD scripts/rd-util.sh /rd-util.sh
ADD scripts/deb-tests.sh /init-tests.sh