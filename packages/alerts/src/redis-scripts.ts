/**
 * The Lua scripts of the Redis store. Each runs atomically, so the processes sharing a Redis see
 * one order of additions and exactly one of them wins each claim.
 *
 * A window is a hash `w:<group>` of absolute bucket index → count. Every script first checks this
 * process's liveness marker: when it is gone (Redis restarted without persistence, or the process
 * was idle for two windows) the script changes nothing and returns -1, and the store replays its
 * own counts of the window before trying again.
 */

/** Folds a window hash: drops buckets older than the window, returns its sum and oldest bucket. */
const FOLD = `
local function fold(key, bucket, n)
  local flat = redis.call('HGETALL', key)
  local sum, oldest = 0, bucket
  for j = 1, #flat, 2 do
    local at = tonumber(flat[j])
    if at <= bucket - n then
      redis.call('HDEL', key, flat[j])
    else
      sum = sum + tonumber(flat[j + 1])
      if at < oldest then oldest = at end
    end
  end
  return sum, oldest
end

-- takes a claim held until \`expires\` (ms, the callers' clock); PX only cleans up
local function claim(key, now, expires, ttl)
  local held = tonumber(redis.call('GET', key))
  if held and held > tonumber(now) then return false end
  redis.call('SET', key, expires, 'PX', ttl)
  return true
end
`;

/**
 * KEYS: marker, then per group the window hash and the claim key.
 * ARGV: bucket, buckets per window, key TTL, threshold, claim TTL, marker TTL, now, claim until,
 * then per group its count.
 * Returns -1 (replay needed) or, per group, { sum, oldest bucket, claimed (0/1) }.
 */
export const ADD_SCRIPT = `${FOLD}
if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end
redis.call('PEXPIRE', KEYS[1], ARGV[6])
local bucket, n, threshold = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[4])
local out = {}
for i = 1, (#KEYS - 1) / 2 do
  local window, claimKey, add = KEYS[2 * i], KEYS[2 * i + 1], tonumber(ARGV[8 + i])
  if add > 0 then
    redis.call('HINCRBY', window, ARGV[1], add)
    redis.call('PEXPIRE', window, ARGV[3])
  end
  local sum, oldest = fold(window, bucket, n)
  local claimed = 0
  if add > 0 and sum > threshold and claim(claimKey, ARGV[7], ARGV[8], ARGV[5]) then claimed = 1 end
  out[#out + 1] = sum
  out[#out + 1] = oldest
  out[#out + 1] = claimed
end
return out
`;

/**
 * KEYS: marker, requests hash, errors hash, claim key.
 * ARGV: bucket, buckets per window, key TTL, threshold, min requests, claim TTL, marker TTL, requests,
 * errors, now, claim until.
 * Returns -1 (replay needed) or { requests, errors, claimed (0/1) }.
 */
export const RATE_SCRIPT = `${FOLD}
if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end
redis.call('PEXPIRE', KEYS[1], ARGV[7])
local bucket, n = tonumber(ARGV[1]), tonumber(ARGV[2])
local added = { tonumber(ARGV[8]), tonumber(ARGV[9]) }
for i = 1, 2 do
  if added[i] > 0 then
    redis.call('HINCRBY', KEYS[i + 1], ARGV[1], added[i])
    redis.call('PEXPIRE', KEYS[i + 1], ARGV[3])
  end
end
local requests = fold(KEYS[2], bucket, n)
local errors = fold(KEYS[3], bucket, n)
local claimed = 0
if added[1] + added[2] > 0 and requests >= tonumber(ARGV[5]) and errors > tonumber(ARGV[4]) * requests
  and claim(KEYS[4], ARGV[10], ARGV[11], ARGV[6]) then claimed = 1 end
return { requests, errors, claimed }
`;

/**
 * Puts this process's own counts back after the marker was lost, then sets the marker.
 * KEYS: marker, then the window hashes. ARGV: marker TTL, key TTL, set marker (0/1), then per hash:
 * its number of buckets, then bucket, count pairs.
 */
export const REPLAY_SCRIPT = `
local at = 4
for i = 2, #KEYS do
  local count = tonumber(ARGV[at])
  for j = 1, count do
    redis.call('HINCRBY', KEYS[i], ARGV[at + 2 * j - 1], ARGV[at + 2 * j])
  end
  if count > 0 then redis.call('PEXPIRE', KEYS[i], ARGV[2]) end
  at = at + 1 + 2 * count
end
if ARGV[3] == '1' then redis.call('SET', KEYS[1], '1', 'PX', ARGV[1]) end
return 1
`;
