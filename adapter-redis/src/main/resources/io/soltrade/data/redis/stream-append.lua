-- Appends one entry to a capped stream and numbers it: the id is <ms>-<n>, where n counts every entry ever
-- appended to the stream (1, 2, 3, ...), and ms is the server's clock, never going backwards. A reader that
-- last saw entry n and next sees entry m knows that exactly m - n - 1 entries were trimmed by the cap before
-- it could read them.
-- KEYS[1]  the stream
-- KEYS[2]  its sequence hash (n: the last number given, ms: the last id's milliseconds); same hash tag
-- ARGV[1]  the cap
-- ARGV[2]  '=' (exact trimming) or '~' (approximate)
-- ARGV[3..] field, value, field, value, ...
-- Returns the new entry's id.
-- One HMGET and one HSET of both fields (not HINCRBY, HGET, HSET): one command fewer per append.
local state = redis.call('HMGET', KEYS[2], 'n', 'ms')
local n = tonumber(state[1] or '0') + 1
local lastMs = tonumber(state[2] or '0')
if n == 1 then
  -- A new counter: continue after the stream's last entry, if the stream outlived its counter.
  local last = redis.call('XREVRANGE', KEYS[1], '+', '-', 'COUNT', 1)
  if #last > 0 then
    local id = last[1][1]
    local dash = string.find(id, '-', 1, true)
    lastMs = tonumber(string.sub(id, 1, dash - 1))
    n = tonumber(string.sub(id, dash + 1)) + 1
  end
end
local time = redis.call('TIME')
local ms = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
if ms < lastMs then
  ms = lastMs
end
redis.call('HSET', KEYS[2], 'n', string.format('%d', n), 'ms', string.format('%d', ms))
return redis.call('XADD', KEYS[1], 'MAXLEN', ARGV[2], ARGV[1], string.format('%d-%d', ms, n), unpack(ARGV, 3))
