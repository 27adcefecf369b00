#!/bin/sh
# Runs a test inside a fresh network namespace that holds only loopback, with multicast on and a
# route for 239.0.0.0/8 there, so that SSDP tests never reach a real network.
# Usage: in-netns.sh <test binary> [args…]
# Inside, CAIRN_IN_NETNS=1. Where no namespace can be made (neither root nor user namespaces),
# the test still runs, told why in CAIRN_NETNS_UNAVAILABLE, and skips what needs the network.

if [ "${CAIRN_IN_NETNS:-}" = 1 ]; then
    exec "$@"
fi

setup='ip link set lo up && ip link set lo multicast on && ip route add 239.0.0.0/8 dev lo'

# -r maps the caller to root in a user namespace: enough without real root where allowed.
for flags in -n -rn; do
    if unshare $flags -- true 2>/dev/null; then
        exec unshare $flags -- sh -c "$setup"' || { echo "in-netns.sh: cannot set up loopback multicast" >&2; exit 1; }
CAIRN_IN_NETNS=1 exec "$@"' in-netns.sh "$@"
    fi
done

CAIRN_NETNS_UNAVAILABLE="unshare -n is not permitted here (needs root or user namespaces)" exec "$@"
