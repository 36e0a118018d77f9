-- Set-if-newer for a cached value with a time-to-live, in one atomic step.
-- KEYS[1]  the value key: the value itself (a price as decimal text, a pool state as JSON), what any client reads
-- KEYS[2]  its companion key: the version, then the value's other fields; it outlives the value, so a lookup can
--          tell "expired" from "never cached" (both keys hash to one slot on a cluster)
-- ARGV[1]  the new value
-- ARGV[2]  the new companion text; it starts with the version: slot and observation time as fixed-width
--          zero-padded decimals, so comparing the text compares the versions
-- ARGV[3]  the version's length in bytes
-- ARGV[4]  the value's TTL in milliseconds
-- ARGV[5]  the companion's TTL in milliseconds
-- Returns 1 when the value was stored (a fresh TTL starts), 0 when the cached value is as new or newer and was
-- left as it is, TTL included. An expired value is gone, so it takes no part in the comparison.
if redis.call('EXISTS', KEYS[1]) == 1 then
  local current = redis.call('GET', KEYS[2])
  local length = tonumber(ARGV[3])
  if current and string.sub(current, 1, length) >= string.sub(ARGV[2], 1, length) then
    return 0
  end
end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[4])
redis.call('SET', KEYS[2], ARGV[2], 'PX', ARGV[5])
return 1
