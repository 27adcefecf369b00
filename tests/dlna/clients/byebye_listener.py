#!/usr/bin/python3
"""Listens on the SSDP group (on loopback) for the ssdp:byebye of one device and prints each
one it hears. Prints READY once it has joined the group, so the caller stops the server only
when the goodbye can be heard. usage: byebye_listener.py UUID [SECONDS]"""
import socket
import struct
import sys
import time

uuid = sys.argv[1]
deadline = time.monotonic() + (float(sys.argv[2]) if len(sys.argv) > 2 else 15)
sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM, socket.IPPROTO_UDP)
sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
sock.bind(("", 1900))
sock.setsockopt(socket.IPPROTO_IP, socket.IP_ADD_MEMBERSHIP,
                struct.pack("4s4s", socket.inet_aton("239.255.255.250"), socket.inet_aton("127.0.0.1")))
print("READY", flush=True)
heard = 0
while time.monotonic() < deadline:
    sock.settimeout(max(0.1, deadline - time.monotonic()))
    try:
        data, _ = sock.recvfrom(8192)
    except socket.timeout:
        break
    text = data.decode("latin-1")
    if text.startswith("NOTIFY") and "ssdp:byebye" in text and f"uuid:{uuid}" in text:
        usn = next((l.split(":", 1)[1].strip() for l in text.split("\r\n") if l.lower().startswith("usn:")), "")
        print("BYEBYE", usn, flush=True)
        heard += 1
        if heard >= 6:   # root device, device, three services, uuid
            break
sys.exit(0 if heard else 1)
