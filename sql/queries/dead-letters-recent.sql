-- the {limit} newest dead letters: when, which source and stream, the reason, its detail and the payload's size in bytes
-- (not the payload: a refused receipt is a store's business data, which the administrators who read this do not see).
SELECT toString(received_at) AS received_at, source, kind, reason, detail, length(payload) AS payload_bytes
FROM dead_letters
ORDER BY received_at DESC
LIMIT {limit:UInt32}
