-- the {limit} newest dead letters: when, which source and stream, the reason, its detail and the first 2,000 characters of the payload.
SELECT toString(received_at) AS received_at, source, kind, reason, detail, substring(payload, 1, 2000) AS payload
FROM dead_letters
ORDER BY received_at DESC
LIMIT {limit:UInt32}
