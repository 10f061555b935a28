// The kafkajs client from plain options, its log lines routed to our logger as JSON, reading
// batches in every codec Kafka has (./codecs.ts).
import { Kafka, logLevel, type SASLOptions } from 'kafkajs';
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
