#!/usr/bin/python3
"""A headless UPnP AV control point (GUPnP 1.6 + GUPnP-AV, as Debian ships them), used as TVs
and apps use a media server: discover it over SSDP, browse from the root down to every item,
search, fetch each <res> as a renderer does (DLNA headers, a byte range of a file, a time seek
on transcodes — which may be live and chunked, so no byte range is asked of them unless their
OP offers one) and decode what comes back with ffprobe.

usage: control_point.py INTERFACE [--udn uuid:…] [--expect-title T]… [--expect-copy T]… [--report FILE]
--expect-copy: the item titled T must also offer a transcoded res (DLNA.ORG_CI=1)
Exits 0 when everything a renderer relies on held; prints what failed otherwise. The report
(JSON) feeds the README's comparison with MiniDLNA."""
import argparse
import json
import subprocess
import sys
import tempfile
import urllib.request

import gi

gi.require_version("GUPnP", "1.6")
gi.require_version("GUPnPAV", "1.0")
from gi.repository import GLib, GUPnP, GUPnPAV  # noqa: E402

MEDIA_SERVER = "urn:schemas-upnp-org:device:MediaServer:1"
CDS = "urn:schemas-upnp-org:service:ContentDirectory"
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print("FAIL:", message, flush=True)
    return condition


def discover(interface, udn, timeout_s=20):
    context = GUPnP.Context.new(interface, 0)
    control_point = GUPnP.ControlPoint.new(context, MEDIA_SERVER)
    loop = GLib.MainLoop()
    found = {}

    def available(_cp, proxy):
        if udn and proxy.get_udn() != udn:
            return
        found["proxy"] = proxy
        loop.quit()

    control_point.connect("device-proxy-available", available)
    control_point.set_active(True)
    GLib.timeout_add_seconds(timeout_s, loop.quit)
    loop.run()
    return context, control_point, found.get("proxy")


def call(service, action, names, values, out_names, out_types):
    proxy_action = GUPnP.ServiceProxyAction.new_from_list(action, names, values)
    service.call_action(proxy_action, None)
    ok, out = proxy_action.get_result_list(out_names, out_types)
    return out


def browse(cds, object_id, flag="BrowseDirectChildren", start=0, count=0, sort=""):
    return call(cds, "Browse",
                ["ObjectID", "BrowseFlag", "Filter", "StartingIndex", "RequestedCount", "SortCriteria"],
                [object_id, flag, "*", start, count, sort],
                ["Result", "NumberReturned", "TotalMatches", "UpdateID"],
                [str, int, int, int])


def parse(didl):
    parser = GUPnPAV.DIDLLiteParser.new()
    objects = []
    parser.connect("object-available", lambda _p, o: objects.append(o))
    parser.parse_didl(didl)
    return objects


def walk(cds, limit=400):
    """Every object reachable from the root, breadth first; checks childCount and parentID."""
    containers, items, queue, seen = [], [], ["0"], set()
    while queue and len(seen) < limit:
        object_id = queue.pop(0)
        if object_id in seen:
            continue
        seen.add(object_id)
        result, returned, total, _ = browse(cds, object_id)
        children = parse(result)
        check(returned == len(children), f"{object_id}: NumberReturned {returned} != {len(children)} objects")
        check(total >= returned, f"{object_id}: TotalMatches {total} < NumberReturned {returned}")
        meta = parse(browse(cds, object_id, "BrowseMetadata")[0])
        if check(len(meta) == 1, f"BrowseMetadata of {object_id} gave {len(meta)} objects") and \
                isinstance(meta[0], GUPnPAV.DIDLLiteContainer):
            child_count = meta[0].get_child_count()
            check(child_count in (-1, total), f"{object_id}: childCount {child_count} != TotalMatches {total}")
        for child in children:
            check(child.get_parent_id() == object_id,
                  f"{child.get_id()} listed under {object_id} names parent {child.get_parent_id()}")
            if isinstance(child, GUPnPAV.DIDLLiteContainer):
                containers.append(child)
                queue.append(child.get_id())
            else:
                items.append(child)
    return containers, items


def fetch(url, headers, keep=True):
    request = urllib.request.Request(url, headers=headers)
    with urllib.request.urlopen(request, timeout=60) as answer:
        body = answer.read() if keep else b""
        return answer.status, {k.lower(): v for k, v in answer.headers.items()}, body


def probe_duration(data):
    with tempfile.NamedTemporaryFile() as f:
        f.write(data)
        f.flush()
        out = subprocess.run(["ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", f.name],
                             capture_output=True, text=True)
        try:
            return float(out.stdout.strip())
        except ValueError:
            return 0.0


def profile_of(features):
    return next((p for p in features.split(";") if p.startswith("DLNA.ORG_PN=")), "")


def operations(protocol_info):
    """DLNA.ORG_OP as (time seek, byte ranges); a res without OP offers neither."""
    for field in protocol_info.split(":")[-1].split(";"):
        if field.startswith("DLNA.ORG_OP=") and len(field) == len("DLNA.ORG_OP=") + 2:
            return field[-2] == "1", field[-1] == "1"
    return False, False


def check_resource(item, res, report):
    title = item.get_title()
    url = res.get_uri()
    info = res.get_protocol_info()
    entry = {"title": title, "protocolInfo": info.to_string() if info else "", "url": url.split("?")[0]}
    transcoded = "DLNA.ORG_CI=1" in entry["protocolInfo"]
    time_seek, byte_ranges = operations(entry["protocolInfo"])
    dlna = {"getcontentFeatures.dlna.org": "1", "transferMode.dlna.org": "Streaming"}
    if not transcoded:
        status, headers, body = fetch(url, {**dlna, "Range": "bytes=0-99"})
        check(status == 206, f"{title}: a range of the file answered {status}, not 206")
        check(len(body) == 100, f"{title}: the range gave {len(body)} bytes")
        entry["rangeStatus"] = status
    status, headers, body = fetch(url, dlna)
    entry["status"] = status
    entry["contentFeatures"] = headers.get("contentfeatures.dlna.org", "")
    entry["transferMode"] = headers.get("transfermode.dlna.org", "")
    check(status == 200, f"{title}: GET answered {status}")
    check("DLNA.ORG_OP=" in entry["contentFeatures"], f"{title}: no contentFeatures.dlna.org with OP ({entry['contentFeatures']!r})")
    check(entry["transferMode"] == "Streaming", f"{title}: transferMode.dlna.org is {entry['transferMode']!r}")
    # A renderer that picked this res by its profile must get that profile (Samsung refuses a
    # PN that differs).
    check(profile_of(entry["protocolInfo"].split(":", 3)[-1]) == profile_of(entry["contentFeatures"]),
          f"{title}: the DIDL says {entry['protocolInfo']!r}, the answer {entry['contentFeatures']!r}")
    entry["acceptRanges"] = headers.get("accept-ranges", "")
    if not byte_ranges:
        # A res that does not offer byte seeks (a live transcode) must not claim them either.
        check(entry["acceptRanges"] != "bytes", f"{title}: OP offers no byte seek, yet Accept-Ranges: bytes")
    duration = probe_duration(body)
    entry["decodedSeconds"] = round(duration, 1)
    check(duration > 0.5, f"{title}: ffprobe cannot decode what {url.split('?')[0]} sent")
    if transcoded:
        check(time_seek, f"{title}: a transcode that does not offer a time seek (OP)")
        status, headers, body = fetch(url, {**dlna, "TimeSeekRange.dlna.org": "npt=2-"})
        seek = headers.get("timeseekrange.dlna.org", "")
        entry["timeSeek"] = seek
        check(status in (200, 206), f"{title}: a time seek answered {status}")
        check(seek.startswith("npt=2"), f"{title}: the time seek's answer header is {seek!r}")
        after = probe_duration(body)
        entry["decodedAfterSeek"] = round(after, 1)
        check(abs((duration - 2) - after) < 1.0, f"{title}: after a 2 s seek {after:.1f} s remain of {duration:.1f} s")
    report["resources"].append(entry)


def main():
    args = argparse.ArgumentParser()
    args.add_argument("interface")
    args.add_argument("--udn", default="")
    args.add_argument("--expect-title", action="append", default=[])
    args.add_argument("--expect-copy", action="append", default=[])
    args.add_argument("--search-title", default="")
    args.add_argument("--report", default="")
    options = args.parse_args()

    _context, _cp, device = discover(options.interface, options.udn)
    if not device:
        print("FAIL: no MediaServer:1 answered on", options.interface)
        return 1
    report = {"server": device.get_friendly_name(), "resources": []}
    cds = device.get_service(CDS)
    if not check(cds is not None, "the device has no ContentDirectory"):
        return 1
    containers, items = walk(cds)
    report["containers"] = len(containers)
    report["items"] = len(items)
    titles = {i.get_title() for i in items}
    for title in options.expect_title:
        check(title in titles, f"{title!r} is not found by browsing (found {sorted(titles)})")
    if options.search_title:
        criteria = f'upnp:class derivedfrom "object.item.audioItem" and dc:title contains "{options.search_title}"'
        result, returned, total, _ = call(cds, "Search",
                                          ["ContainerID", "SearchCriteria", "Filter", "StartingIndex", "RequestedCount", "SortCriteria"],
                                          ["0", criteria, "*", 0, 0, ""],
                                          ["Result", "NumberReturned", "TotalMatches", "UpdateID"], [str, int, int, int])
        found = [o.get_title() for o in parse(result)]
        report["searchFound"] = found
        check(any(options.search_title.lower() in t.lower() for t in found) and total >= 1,
              f"search for {options.search_title!r} found {found}")
    for title in options.expect_copy:
        offered = [r.get_protocol_info().to_string() for i in items if i.get_title() == title
                   for r in i.get_resources() if r.get_protocol_info()]
        check(any("DLNA.ORG_CI=1" in p for p in offered), f"{title!r} offers no transcoded res ({offered})")
    done = set()
    for item in items:
        if item.get_title() in done:
            continue   # the same track under Artists, Albums, Genres…: fetch it once
        done.add(item.get_title())
        resources = item.get_resources()
        check(len(resources) >= 1, f"{item.get_title()} has no <res>")
        for res in resources:
            check_resource(item, res, report)
    if options.report:
        with open(options.report, "w") as f:
            json.dump(report, f, indent=1)
    print(json.dumps(report, indent=1))
    print("control point:", "OK" if not failures else f"{len(failures)} failures")
    return 0 if not failures else 1


if __name__ == "__main__":
    sys.exit(main())
