// The baseline server: plain node:http answering exactly what Silta's /api/health answers.
// It is bundled and started the same way as Silta (`node dist/...js`), so the start-time ratio isolates
// what Silta itself adds (imports, database open, Fastify set-up) from Node's own start-up cost, and the
// throughput ratio isolates Fastify + plugins + the database ping from raw HTTP handling.
import http from 'node:http';

const body = JSON.stringify({ status: 'ok', database: 'ok', engine: 'pglite' });
const port = Number(process.env.PORT ?? '0');
const host = process.env.HOST ?? '127.0.0.1';

const server = http.createServer((_request, response) => {
  response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
  response.end(body);
});

// Same graceful stop as Silta, so the harness can treat both children alike.
const stop = () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);

server.listen(port, host);
