// A dead letter as a Kafka message on `<topic>.dlq`: the original bytes as the value, and
// headers naming why it was refused and exactly where it came from, so it can be found, fixed
// and replayed, and so a duplicate (a dead letter re-sent after a crash) can be recognised.
import type { Message } from 'kafkajs';
import type { DeadLetter } from '../dead-letters.ts';

export function deadLetterMessage(letter: DeadLetter & { offset: bigint }, topic: string, partition: number): Message {
  return {
    key: `${topic}/${partition}/${letter.offset}`,
    value: letter.payload,
    headers: {
      'x-reason': letter.reason,
      'x-detail': letter.detail.slice(0, 2000),
      'x-source-topic': topic,
      'x-source-partition': String(partition),
      'x-source-offset': letter.offset.toString(),
    },
  };
}
