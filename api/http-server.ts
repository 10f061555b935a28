// The HTTP server around the app. Node answers some malformed requests itself, before Express
// sees them (headers over 16 KB, a broken request line); those answers get a JSON body naming the
// reason too, like every other refusal of the API.
import { createServer, type Server } from 'node:http';
import type { Express } from 'express';

const REASONS: Record<string, [number, string, string]> = {
  HPE_HEADER_OVERFLOW: [431, 'headers_too_large', 'request headers: larger than the server accepts (16 KB)'],
};

export function createHttpServer(app: Express): Server {
  const server = createServer(app);
  // Slow clients may not hold sockets open forever (slowloris).
  server.headersTimeout = 20_000;
  server.requestTimeout = 120_000;
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    if (!socket.writable) return socket.destroy();
    const [status, error, message] = REASONS[err.code ?? ''] ?? [400, 'bad_request', 'request: malformed HTTP'];
    const body = JSON.stringify({ error, message });
    socket.end(`HTTP/1.1 ${status} ${status === 431 ? 'Request Header Fields Too Large' : 'Bad Request'}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
  });
  return server;
}
