// Ingest from Kafka: make sure the topics exist, then run the consumer group.
import type { Config } from '../config.ts';
import type { Warehouse } from '../warehouse/warehouse.ts';
import { kafkaFromConfig } from './kafka/client.ts';
import { createKafkaSource } from './kafka/consumer.ts';
import { ensureTopics, topicNames } from './kafka/topics.ts';
import { renderMetrics } from './metrics.ts';
import { ingestStatus, type IngestLogger, type RunningIngest } from './running.ts';

export async function startKafkaIngest(deps: { config: Config; warehouse: Warehouse; logger: IngestLogger }): Promise<RunningIngest> {
  const { config, warehouse, logger } = deps;
  const kafka = kafkaFromConfig(config, (level, message, fields) => logger[level](message, fields));
  const topics = topicNames(config.KAFKA_TOPIC_PREFIX);
  const admin = kafka.admin();
  await admin.connect();
  const created = await ensureTopics(admin, topics, { partitions: config.KAFKA_PARTITIONS });
  await admin.disconnect();
  if (created.length > 0) logger.info('created topics', { created });

  const source = createKafkaSource({
    kafka, warehouse, topics, groupId: config.KAFKA_GROUP_ID, sessionTimeoutMs: config.KAFKA_SESSION_TIMEOUT_MS,
    batchMaxRows: config.INGEST_BATCH_ROWS, batchMaxMs: config.INGEST_BATCH_MS, maxMessageBytes: config.INGEST_MAX_MESSAGE_BYTES,
    onRetry: (e, attempt, delayMs) => logger.warn('warehouse unavailable; consumer paused, retrying', { attempt, delayMs, error: e.message }),
    onCrash: (e) => logger.error('kafka consumer failed; joining the group again', { error: e.message }),
  });
  // Joining the group can wait out a crashed member's session: serve meanwhile (health says so).
  const started = source.start().then(
    () => logger.info('consuming', { brokers: config.KAFKA_BROKERS, groupId: config.KAFKA_GROUP_ID, topics: Object.values(topics) }),
    (e) => {
      logger.error('kafka consumer failed to start', { error: (e as Error).message });
      process.exitCode = 1;
      process.kill(process.pid, 'SIGTERM');
    },
  );
  return {
    status: () => ingestStatus(source.stats(), source.status().running, `kafka (${config.KAFKA_GROUP_ID})`),
    metrics: () => renderMetrics({ source: 'kafka', stats: source.stats(), lag: source.lag() }),
    async stop() {
      await started;
      await source.stop();
    },
  };
}
