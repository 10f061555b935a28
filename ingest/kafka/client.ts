// The kafkajs client from plain options, its log lines routed to our logger as JSON, reading
// batches in every codec Kafka has (./codecs.ts).
import { Kafka, logLevel, type SASLOptions } from 'kafkajs';
import type { Config } from '../../config.ts';
import { registerCodecs } from './codecs.ts';

export interface KafkaClientOptions {
  brokers: string[];
  clientId?: string; // 'cx-platform' by default
  ssl?: boolean; // false by default
  sasl?: { mechanism: 'plain' | 'scram-sha-256' | 'scram-sha-512'; username: string; password: string };
  log?: (level: 'error' | 'warn' | 'info', message: string, fields: Record<string, unknown>) => void;
}

export function createKafka(options: KafkaClientOptions): Kafka {
  const { brokers, clientId = 'cx-platform', ssl = false, sasl, log = () => {} } = options;
  registerCodecs();
  return new Kafka({
    clientId,
    brokers,
    ssl,
    sasl: sasl as SASLOptions | undefined,
    logLevel: logLevel.WARN,
    logCreator: () => ({ level, log: entry }) => {
      const { message, ...fields } = entry;
      log(level === logLevel.ERROR ? 'error' : level === logLevel.WARN ? 'warn' : 'info', `kafka: ${message}`, fields);
    },
  });
}

/** The client `npm start` and the scripts use, from the KAFKA_* settings. */
export function kafkaFromConfig(config: Pick<Config, 'KAFKA_BROKERS' | 'KAFKA_CLIENT_ID' | 'KAFKA_SSL' | 'KAFKA_SASL_MECHANISM' | 'KAFKA_SASL_USERNAME' | 'KAFKA_SASL_PASSWORD'>,
  log?: KafkaClientOptions['log']): Kafka {
  return createKafka({
    brokers: config.KAFKA_BROKERS!.split(','),
    clientId: config.KAFKA_CLIENT_ID,
    ssl: config.KAFKA_SSL,
    sasl: config.KAFKA_SASL_MECHANISM
      ? { mechanism: config.KAFKA_SASL_MECHANISM, username: config.KAFKA_SASL_USERNAME ?? '', password: config.KAFKA_SASL_PASSWORD ?? '' }
      : undefined,
    log,
  });
}
