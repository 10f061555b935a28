// lz4js 0.2: LZ4 frames in plain JavaScript (the format Kafka's lz4 batches use).
declare module 'lz4js' {
  export function compress(src: Uint8Array, maxSize?: number): Uint8Array;
  export function decompress(src: Uint8Array, maxSize?: number): Uint8Array;
}
