// ClickHouse error codes that say "not now" rather than "not this": load, resources, network,
// replication. A batch that hits one waits and tries again; it is never dead-lettered for it.
export const RETRYABLE_CODES: ReadonlySet<number> = new Set([
  159, // TIMEOUT_EXCEEDED
  164, // READONLY (a replica that lost Keeper, a server in read-only mode)
  202, // TOO_MANY_SIMULTANEOUS_QUERIES
  209, // SOCKET_TIMEOUT
  210, // NETWORK_ERROR
  225, // NO_ZOOKEEPER
  236, // ABORTED
  241, // MEMORY_LIMIT_EXCEEDED
  242, // TABLE_IS_READ_ONLY
  243, // NOT_ENOUGH_SPACE (a full disk must pause ingest, not drop it)
  252, // TOO_MANY_PARTS
  285, // TOO_FEW_LIVE_REPLICAS
  286, // UNSATISFIED_QUORUM_FOR_PREVIOUS_WRITE
  319, // UNKNOWN_STATUS_OF_INSERT (retry with the same dedup token is the documented answer)
  999, // KEEPER_EXCEPTION
]);
