-- wrk script for scripts/bench-zoeken.sh: GET /zoeken?q=… cycling through the queries in the
-- file named as the script's argument (one per line), and the latency percentiles at the end.
local vragen = {}
local i = 0

local function codeer(s)
  return (s:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function init(args)
  for regel in io.lines(args[1]) do
    if #regel > 0 then vragen[#vragen + 1] = "/zoeken?q=" .. codeer(regel) end
  end
end

function request()
  i = i % #vragen + 1
  return wrk.format("GET", vragen[i])
end

function done(summary, latency, requests)
  local ms = function(us) return string.format("%.2f ms", us / 1000) end
  io.write(string.format("verzoeken: %d, fouten: %d (status %d)\n", summary.requests,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status))
  io.write("latentie p50: " .. ms(latency:percentile(50)) .. ", p95: " .. ms(latency:percentile(95)) ..
    ", p99: " .. ms(latency:percentile(99)) .. ", max: " .. ms(latency.max) .. "\n")
end
