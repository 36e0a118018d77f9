-- Moves one pending entry of a consumer group to the stream's dead-letter stream, atomically, so two consumers
-- reclaiming at once never dead-letter it twice.
-- KEYS[1]  the stream
-- KEYS[2]  its dead-letter stream (same hash tag)
-- ARGV[1]  the group
-- ARGV[2]  the least idle time in milliseconds the entry must still have
-- ARGV[3]  the entry id
-- ARGV[4]  the dead-letter stream's cap
-- ARGV[5]  '=' (exact trimming) or '~' (approximate)
-- ARGV[6]  the least delivery count the entry must still have
-- Returns 1 when moved (copied with origin-id and deliveries fields, then acknowledged), 0 when the entry is no
-- longer pending that long or that often (acknowledged or claimed meanwhile), -1 when the stream's cap had
-- already trimmed it: it is only acknowledged, so it leaves the pending list.
local pending = redis.call('XPENDING', KEYS[1], ARGV[1], 'IDLE', ARGV[2], ARGV[3], ARGV[3], 1)
if #pending == 0 or pending[1][4] < tonumber(ARGV[6]) then
  return 0
end
local entry = redis.call('XRANGE', KEYS[1], ARGV[3], ARGV[3])
redis.call('XACK', KEYS[1], ARGV[1], ARGV[3])
if #entry == 0 then
  return -1
end
local fields = entry[1][2]
fields[#fields + 1] = 'origin-id'
fields[#fields + 1] = ARGV[3]
fields[#fields + 1] = 'deliveries'
fields[#fields + 1] = string.format('%d', pending[1][4])
redis.call('XADD', KEYS[2], 'MAXLEN', ARGV[5], ARGV[4], '*', unpack(fields))
return 1
