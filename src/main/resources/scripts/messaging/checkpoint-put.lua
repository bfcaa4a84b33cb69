-- Stores one checkpoint of a thread atomically: payload in a hash, order in a sorted set (score = insertion
-- sequence), oldest entries beyond the cap dropped, TTL of both keys restarted.
-- KEYS: 1 payload hash, 2 order zset
-- ARGV: 1 checkpoint id, 2 payload, 3 ttl millis, 4 max checkpoints, 5 id to replace ('' for an upsert)
-- Returns 1, or 0 when the checkpoint to replace is not stored (then nothing is written).
local hash, order = KEYS[1], KEYS[2]
local id, payload, ttl, max, replaced = ARGV[1], ARGV[2], ARGV[3], tonumber(ARGV[4]), ARGV[5]
local score
if replaced ~= '' then
  score = redis.call('ZSCORE', order, replaced)
  if not score then
    return 0
  end
  if replaced ~= id then
    redis.call('ZREM', order, replaced)
    redis.call('HDEL', hash, replaced)
  end
else
  score = redis.call('ZSCORE', order, id)
end
if not score then
  local newest = redis.call('ZRANGE', order, -1, -1, 'WITHSCORES')
  score = 1
  if #newest > 0 then
    score = tonumber(newest[2]) + 1
  end
end
redis.call('ZADD', order, score, id)
redis.call('HSET', hash, id, payload)
local excess = redis.call('ZCARD', order) - max
if excess > 0 then
  local dropped = redis.call('ZRANGE', order, 0, excess - 1)
  redis.call('ZREMRANGEBYRANK', order, 0, excess - 1)
  redis.call('HDEL', hash, unpack(dropped))
end
redis.call('PEXPIRE', hash, ttl)
redis.call('PEXPIRE', order, ttl)
return 1
