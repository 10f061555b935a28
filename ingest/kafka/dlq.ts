// Dead letters as Kafka messages on `<topic>.dlq`: the original bytes as the value, and headers
// naming why it was refused and exactly where it came from, so it can be found, fixed and
// replayed, and so a duplicate (a dead letter re-sent after a crash) can be recognised by its key.
import type { Message, Producer } from 'kafkajs';
import type { DeadLetter, DeadLetterSink } from '../dead-letters.ts';
import { dlqTopic } from './topics.ts';

// Well under Kafka's default message.max.bytes (1 MiB) per request: a batch can hold thousands
// of letters, and one oversized produce request would fail the whole batch, again and again.
const MAX_REQUEST_BYTES = 512 * 1024;

/** Every letter of a Kafka batch has its offset and bytes (ingest/batch.ts letterOf). */
export type KafkaDeadLetter = DeadLetter & { offset: bigint; bytes: Buffer };

export function deadLetterMessage(letter: KafkaDeadLetter, topic: string, partition: number): Message {
  return {
    key: `${topic}/${partition}/${letter.offset}`,
    value: letter.bytes, // as received: not cut, not decoded, so a replay sends the same bytes
    headers: {
      'x-reason': letter.reason,
      'x-detail': letter.detail.slice(0, 500),
      'x-source-topic': topic,
      'x-source-partition': String(partition),
      'x-source-offset': letter.offset.toString(),
    },
  };
}

/** Sends the letters in requests of at most 512 KiB, in order; resolves when all are acknowledged. */
export async function sendDeadLetters(producer: Producer, topic: string, partition: number, letters: readonly KafkaDeadLetter[]) {
  let chunk: Message[] = [];
  let bytes = 0;
  const send = async () => {
    if (chunk.length === 0) return;
    await producer.send({ topic: dlqTopic(topic), acks: -1, messages: chunk });
    chunk = [];
    bytes = 0;
  };
  for (const letter of letters) {
    const message = deadLetterMessage(letter, topic, partition);
    const size = letter.bytes.length + 700;
    if (bytes + size > MAX_REQUEST_BYTES) await send();
    chunk.push(message);
    bytes += size;
  }
  await send();
}

/** The dead letters of one partition's batches, as a sink for the batch writer. */
export function createTopicDeadLetters(producer: Producer, topic: string, partition: number): DeadLetterSink {
  return { write: (letters) => sendDeadLetters(producer, topic, partition, letters as readonly KafkaDeadLetter[]) };
}
