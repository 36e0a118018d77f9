-- Set-if-newer for a cached value with a time-to-live, in one atomic step.
-- KEYS[1]  the value key
-- KEYS[2]  its "seen" marker, which outlives the value so a lookup can tell "expired" from "never cached"
--          (both keys share a hash tag: one slot on a cluster)
-- ARGV[1]  the new value; it starts with its version: slot and observation time as fixed-width zero-padded
--          decimals, so comparing the text compares the versions
-- ARGV[2]  the version's length in bytes
-- ARGV[3]  the value's TTL in milliseconds
-- ARGV[4]  the marker's TTL in milliseconds
-- Returns 1 when the value was stored (a fresh TTL starts), 0 when the cached value is as new or newer and was
-- left as it is, TTL included. An expired value is gone, so it takes no part in the comparison.
local current = redis.call('GET', KEYS[1])
local length = tonumber(ARGV[2])
if current and string.sub(current, 1, length) >= string.sub(ARGV[1], 1, length) then
  return 0
end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[3])
redis.call('SET', KEYS[2], '1', 'PX', ARGV[4])
return 1
