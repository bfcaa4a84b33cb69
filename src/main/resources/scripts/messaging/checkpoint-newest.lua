-- Reads the newest checkpoints of a thread in one atomic step, newest first.
-- KEYS: 1 payload hash, 2 order zset
-- ARGV: 1 how many (0 for all)
-- Returns a flat array: id1, payload1, id2, payload2, ...
local hash, order = KEYS[1], KEYS[2]
local count = tonumber(ARGV[1])
local ids = redis.call('ZREVRANGE', order, 0, count - 1)
local result = {}
for _, id in ipairs(ids) do
  local payload = redis.call('HGET', hash, id)
  if payload then
    result[#result + 1] = id
    result[#result + 1] = payload
  end
end
return result
