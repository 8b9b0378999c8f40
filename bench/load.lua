-- wrk script for scripts/bench-load: one scenario of the morning peak.
--
--   wrk ... -s bench/load.lua URL -- SCENARIO PARENTS_FILE TODAY MAX_REQUESTS RUN
--
-- SCENARIO: live (GET /api/live, the floor), login (POST /api/session),
-- report (POST /api/reports, a new report each time), report-read (GET
-- /api/reports/{id}) or protocol (GET /api/children/{id}/protocol): the
-- confirmation page's two calls, its report and its next steps.
-- PARENTS_FILE: lines `email<TAB>token<TAB>pupil id<TAB>report id` (from
-- bench_seed). Each wrk thread takes every n-th parent and goes round them.
-- TODAY: the school's date, YYYY-MM-DD. MAX_REQUESTS: all threads together
-- stop after this many answers (a safety bound: wrk's -d bounds the time,
-- and requests/s count the whole of it). RUN: a word that
-- makes the idempotency keys of this run unique.
--
-- Every answer is checked: done() prints one RESULT line, with how many were
-- not 2xx and the first such status and body, and the script fails on that.

local threads = {}

function setup(thread)
   thread:set("id", #threads)
   table.insert(threads, thread)
end

local scenario, parents, today_year, today_month, today_day
local max_answers, run, origin
-- Globals, so that done() can read them from each thread.
answers, not_ok, first_bad = 0, 0, nil
local sent = 0

local function split(line)
   local fields = {}
   for field in string.gmatch(line, "[^\t]+") do
      table.insert(fields, field)
   end
   return fields
end

function init(args)
   scenario = args[1]
   local file = assert(io.open(args[2], "r"))
   local thread_count = tonumber(args[6])
   parents = {}
   local n = 0
   for line in file:lines() do
      if n % thread_count == id then
         table.insert(parents, split(line))
      end
      n = n + 1
   end
   file:close()
   today_year, today_month, today_day = string.match(args[3], "(%d+)-(%d+)-(%d+)")
   max_answers = math.ceil(tonumber(args[4]) / thread_count)
   run = args[5]
   origin = "http://" .. wrk.host .. ":" .. wrk.port
end

-- The day `offset` days after today, as YYYY-MM-DD.
local function day_after(offset)
   local t = os.time({ year = today_year, month = today_month, day = today_day + offset, hour = 12 })
   return os.date("%Y-%m-%d", t)
end

function request()
   local parent = parents[sent % #parents + 1]
   local round = math.floor(sent / #parents)
   sent = sent + 1
   local email, token, pupil, report = parent[1], parent[2], parent[3], parent[4]
   local cookie = "vw_session=" .. token
   if scenario == "live" then
      return wrk.format("GET", "/api/live")
   elseif scenario == "login" then
      local body = '{"email":"' .. email .. '","password":"bench-wachtwoord"}'
      return wrk.format("POST", "/api/session", {
         ["Content-Type"] = "application/json",
         ["Origin"] = origin,
         ["Sec-Fetch-Site"] = "same-origin",
      }, body)
   elseif scenario == "report" then
      -- Each parent reports their child ill for a later day each round:
      -- a new report, with a key of its own, never a retry.
      local day = day_after(1 + round % 300)
      local key = string.format("bench-%s-%d-%d", run, id, sent)
      local body = '{"pupil_ids":["' .. pupil .. '"],"kind":"ill","first_day":"' .. day
         .. '","last_day":"' .. day .. '","idempotency_key":"' .. key .. '"}'
      return wrk.format("POST", "/api/reports", {
         ["Content-Type"] = "application/json",
         ["Cookie"] = cookie,
         ["Origin"] = origin,
         ["Sec-Fetch-Site"] = "same-origin",
      }, body)
   elseif scenario == "report-read" then
      return wrk.format("GET", "/api/reports/" .. report, { ["Cookie"] = cookie })
   elseif scenario == "protocol" then
      return wrk.format("GET", "/api/children/" .. pupil .. "/protocol", { ["Cookie"] = cookie })
   end
   error("unknown scenario " .. tostring(scenario))
end

function response(status, headers, body)
   answers = answers + 1
   local expected = 200
   if scenario == "report" then
      expected = 201
   end
   if status ~= expected then
      not_ok = not_ok + 1
      if first_bad == nil then
         first_bad = status .. " " .. string.sub(body or "", 1, 200)
      end
   end
   if answers >= max_answers then
      wrk.thread:stop()
   end
end

function done(summary, latency, requests)
   local bad, example = 0, ""
   for _, thread in ipairs(threads) do
      bad = bad + thread:get("not_ok")
      local first = thread:get("first_bad")
      if first ~= nil and example == "" then
         example = first
      end
   end
   local errors = summary.errors
   local socket_errors = errors.connect + errors.read + errors.write + errors.timeout
   local seconds = summary.duration / 1e6
   io.write(string.format("RESULT %d %.2f %.1f %.2f %.2f %d %d %s\n",
      summary.requests, seconds, summary.requests / seconds,
      latency:percentile(50) / 1000, latency:percentile(99) / 1000,
      bad, socket_errors, example:gsub("%s", "_")))
end
