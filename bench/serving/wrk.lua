-- wrk script of compare-nginx.sh. BENCH_MODE=ranges: every request asks for a random 1 MiB
-- range of a BENCH_SIZE-byte file; BENCH_MODE=whole: the whole file. The path is the URL's.
-- Prints "RESULT requests bytes duration_us errors" (errors include non-2xx answers).
local mode = os.getenv("BENCH_MODE") or "whole"
local size = tonumber(os.getenv("BENCH_SIZE") or "0")
local chunk = 1024 * 1024
local counter = 0

function setup(thread)
   counter = counter + 1
   thread:set("id", counter)
end

function init(args)
   math.randomseed(os.time() * 1000 + (id or 0))
end

function request()
   if mode == "ranges" then
      local first = math.random(0, size - chunk)
      return wrk.format("GET", nil, { ["Range"] = "bytes=" .. first .. "-" .. (first + chunk - 1) })
   end
   return wrk.format("GET")
end

function done(summary, latency, requests)
   local e = summary.errors
   io.write(string.format("RESULT %d %d %d %d\n", summary.requests, summary.bytes, summary.duration,
                          e.connect + e.read + e.write + e.timeout + e.status))
end
