-- wrk script for bench/http: cycles through a query file, one GET /api/search per line, and prints one
-- RESULT line. Environment (read in init): LEDE_QUERIES = query file, LEDE_EXTRA = extra query-string
-- parameters appended to every request (e.g. "&topic=AI&topic=Business&year=2020&explain=true");
-- LEDE_PATH = one fixed path to request instead (the HTTP floor: "/api/health").
local queries = {}
local counter = 0
local extra = ""

local function encode(s)
  return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function init(args)
  local fixed = os.getenv("LEDE_PATH") or ""
  if #fixed > 0 then
    queries[1] = fixed
    return
  end
  local file = os.getenv("LEDE_QUERIES")
  extra = os.getenv("LEDE_EXTRA") or ""
  for line in io.lines(file) do
    if #line > 0 then queries[#queries + 1] = "/api/search?q=" .. encode(line) .. extra end
  end
  -- Each wrk thread starts at a different place in the list, so threads do not send the same query.
  counter = math.random(#queries)
end

function request()
  counter = counter % #queries + 1
  return wrk.format("GET", queries[counter])
end

function done(summary, latency, requests)
  io.write(string.format("RESULT requests=%d errors_status=%d errors_connect=%d errors_read=%d errors_timeout=%d "
    .. "duration_s=%.2f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f\n",
    summary.requests, summary.errors.status, summary.errors.connect, summary.errors.read, summary.errors.timeout,
    summary.duration / 1e6, latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000))
end
