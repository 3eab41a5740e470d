FROM busybox
ENTRYPOINT busybox httpd -f -p 8000

