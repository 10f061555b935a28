// The snappy forms a Kafka batch may come in: raw (librdkafka) and the Java client's xerial frames.
import { expect, test } from 'vitest';
import { compress } from 'snappyjs';
import { unsnappy } from '../../../ingest/kafka/codecs.ts';

const text = (n: number) => Buffer.from(Array.from({ length: n }, (_, i) => `{"receiptId":"R-${i}","totalFen":${i * 7}}\n`).join(''));

test('raw snappy', () => {
  const plain = text(500);
  expect(unsnappy(Buffer.from(compress(plain))).equals(plain)).toBe(true);
});

test('xerial framing: magic, versions, then length-prefixed blocks, joined in order', () => {
  const a = text(300);
  const b = Buffer.from('second block');
  const block = (x: Buffer) => {
    const c = Buffer.from(compress(x));
    const len = Buffer.alloc(4);
    len.writeUInt32BE(c.length);
    return Buffer.concat([len, c]);
  };
  const header = Buffer.from([0x82, 0x53, 0x4e, 0x41, 0x50, 0x50, 0x59, 0x00, 0, 0, 0, 1, 0, 0, 0, 1]);
  expect(unsnappy(Buffer.concat([header, block(a), block(b)])).toString()).toBe(a.toString() + 'second block');
  // A block that claims more bytes than there are is an error, not a silent cut.
  const cut = Buffer.concat([header, block(a)]).subarray(0, 40);
  expect(() => unsnappy(cut)).toThrow(/runs past the end/);
});
