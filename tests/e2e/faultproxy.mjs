// A loopback HTTP proxy that breaks requests on purpose, in front of a real
// backend: pass them, answer 500, stall them, or deliver them and lose the answer.
import { createServer, request } from 'node:http';

export async function faultProxy(target) {
  const t = new URL(target);
  const state = { mode: 'pass', stallMs: 0, posts: 0 };
  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', async () => {
      const isPost = req.method === 'POST';
      if (isPost) state.posts += 1;
      const mode = isPost ? state.mode : 'pass';
      if (mode === 'fail500') {
        res.writeHead(500, { 'content-type': 'application/json', 'access-control-allow-origin': req.headers.origin ?? '*' });
        res.end('{"error":{"code":"internal","message":"injected failure"}}');
        return;
      }
      if (mode === 'stall') await new Promise((r) => setTimeout(r, state.stallMs));
      const upstream = request({ host: t.hostname, port: t.port, path: req.url, method: req.method, headers: req.headers }, (up) => {
        const body = [];
        up.on('data', (c) => body.push(c));
        up.on('end', () => {
          if (mode === 'lose-answer') { req.socket.destroy(); return; }
          if (res.destroyed) return;
          res.writeHead(up.statusCode, up.headers);
          res.end(Buffer.concat(body));
        });
      });
      upstream.on('error', () => res.destroy());
      upstream.end(Buffer.concat(chunks));
    });
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return { url: `http://127.0.0.1:${server.address().port}`, state, close: () => server.close() };
}
