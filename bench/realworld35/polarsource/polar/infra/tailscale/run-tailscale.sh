#!/usr/bin/env bash

/render/tailscaled --tun=userspace-networking --socks5-server=localhost:1055 &
PID=$!

ADVERTISE_ROUTES=${ADVERTISE_ROUTES:-10.208.0.0/16}
EXIT_NODE_FLAG=""
if [ "${ADVERTISE_EXIT_NODE}" = "true" ]; then
  EXIT_NODE_FLAG="--advertise-exit-node"
fi
until /render/tailscale up --authkey="${TAILSCALE_AUTHKEY}?ephemeral=true&preauthorized=true" --hostname="${RENDER_SERVICE_NAME}" --advertise-routes="$ADVERTISE_ROUTES" --advertise-tags="tag:render" $EXIT_NODE_FLAG; do
  sleep 0.1
done
export ALL_PROXY=socks5://localhost:1055/
tailscale_ip=$(/render/tailscale ip)
echo "Tailscale is up at IP ${tailscale_ip}"

dnsmasq --no-daemon --listen-address=0.0.0.0 --port=53 --no-resolv --server=169.254.20.10 --server=10.208.0.10 &
echo "DNS forwarder running on ${tailscale_ip}:53"

wait ${PID}
