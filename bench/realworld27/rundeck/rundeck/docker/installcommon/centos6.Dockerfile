FROM centos:6

ADD scripts/rd-util.sh /rd-util.sh
ADD scripts/rpm-tests.sh /init-tests.sh