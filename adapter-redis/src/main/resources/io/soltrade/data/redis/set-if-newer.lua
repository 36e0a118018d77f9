-- Set-if-newer for cached values with a time-to-live, each in one atomic step; one call may carry many values
-- (a batch of them costs one script call, not one per value).
-- KEYS[2i-1]  value i's key: the value itself (a price as decimal text, a pool state as JSON), what any client reads
-- KEYS[2i]    its companion key: the version, then the value's other fields; it outlives the value, so a lookup
--             can tell "expired" from "never cached" (both keys hash to one slot on a cluster; on a cluster a call
--             carries the values of one slot only)
-- ARGV[1]     the version's length in bytes
-- ARGV[2]     the value's TTL in milliseconds
-- ARGV[3]     the companion's TTL in milliseconds
-- ARGV[2i+2]  value i's new value
-- ARGV[2i+3]  value i's new companion text; it starts with the version: slot and observation time as fixed-width
--             zero-padded decimals, so comparing the text compares the versions
-- Returns one integer per value, in order: 1 when it was stored (a fresh TTL starts), 0 when the cached value is as
-- new or newer and was left as it is, TTL included. An expired value is gone, so it takes no part in the
-- comparison. Values are taken in order, so of two values for one key in a call the newer one wins.
local length = tonumber(ARGV[1])
local replies = {}
for i = 1, #KEYS / 2 do
  local valueKey, metaKey = KEYS[2 * i - 1], KEYS[2 * i]
  local newMeta = ARGV[2 * i + 3]
  -- EXISTS then GET, not one MGET: MGET reads a key of another type as missing, where GET fails (WRONGTYPE), so a
  -- companion key something else wrote is reported, not overwritten.
  local current = redis.call('EXISTS', valueKey) == 1 and redis.call('GET', metaKey)
  if current and string.sub(current, 1, length) >= string.sub(newMeta, 1, length) then
    replies[i] = 0
  else
    redis.call('SET', valueKey, ARGV[2 * i + 2], 'PX', ARGV[2])
    redis.call('SET', metaKey, newMeta, 'PX', ARGV[3])
    replies[i] = 1
  end
end
return replies
