// The compression codecs Kafka has beyond gzip (the only one kafkajs reads by itself): snappy, lz4
// and zstd, as librdkafka-based tools, gateways and the Java client write them. Without them, one
// such batch makes kafkajs fail the fetch with KafkaJSNotImplemented, and the consumer rejoins the
// group forever, ingesting nothing more. Pure JavaScript, no native build: the consumer needs
// decompression; our own producer writes gzip, and compressing zstd is refused in plain words.
// kafkajs is CommonJS, and Node's ESM loader does not see these two among its named exports.
import kafkajs from 'kafkajs';
import { compress as lz4Compress, decompress as lz4Decompress } from 'lz4js';
import { compress as snappyCompress, uncompress as snappyUncompress } from 'snappyjs';
import { decompress as zstdDecompress } from 'fzstd';

interface Encoder { buffer: Buffer }
interface Codec { compress(encoder: Encoder): Promise<Buffer>; decompress(buffer: Buffer): Promise<Buffer> }

/** The Java client's snappy: "\x82SNAPPY\0", version and compatible version, then blocks of
 *  (4-byte big-endian length, raw snappy). librdkafka reads and may write either form. */
const XERIAL_MAGIC = Buffer.from([0x82, 0x53, 0x4e, 0x41, 0x50, 0x50, 0x59, 0x00]);
const XERIAL_HEADER_BYTES = 16;
// The decompressed size of one message set is bounded by the broker's max message size; this is
// a guard against a corrupt length asking for gigabytes.
const MAX_UNCOMPRESSED = 256 << 20;

export function unsnappy(buffer: Buffer): Buffer {
  if (buffer.length < XERIAL_HEADER_BYTES || !buffer.subarray(0, 8).equals(XERIAL_MAGIC)) {
    return Buffer.from(snappyUncompress(buffer, MAX_UNCOMPRESSED));
  }
  const blocks: Buffer[] = [];
  for (let at = XERIAL_HEADER_BYTES; at < buffer.length;) {
    if (at + 4 > buffer.length) throw new Error(`snappy (xerial): a block header cut at byte ${at}`);
    const size = buffer.readUInt32BE(at);
    at += 4;
    if (at + size > buffer.length) throw new Error(`snappy (xerial): a block of ${size} bytes runs past the end at byte ${at}`);
    blocks.push(Buffer.from(snappyUncompress(buffer.subarray(at, at + size), MAX_UNCOMPRESSED)));
    at += size;
  }
  return Buffer.concat(blocks);
}

const snappy: Codec = {
  async compress(encoder) { return Buffer.from(snappyCompress(encoder.buffer)); },
  async decompress(buffer) { return unsnappy(buffer); },
};

const lz4: Codec = {
  async compress(encoder) { return Buffer.from(lz4Compress(encoder.buffer)); },
  async decompress(buffer) { return Buffer.from(lz4Decompress(buffer)); },
};

const zstd: Codec = {
  async compress() { throw new Error('this platform does not write zstd batches; its producer uses gzip'); },
  // Several frames one after another are one stream: fzstd decodes them all.
  async decompress(buffer) { return Buffer.from(zstdDecompress(buffer)); },
};

let registered = false;

/** Registers the codecs with kafkajs, once per process (its codec table is global). */
export function registerCodecs(): void {
  if (registered) return;
  registered = true;
  const { CompressionCodecs, CompressionTypes } = kafkajs;
  const table = CompressionCodecs as Record<number, () => Codec>;
  table[CompressionTypes.Snappy] = () => snappy;
  table[CompressionTypes.LZ4] = () => lz4;
  table[CompressionTypes.ZSTD] = () => zstd;
}
