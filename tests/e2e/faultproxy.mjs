// A loopback HTTP proxy that breaks requests on purpose, in front of a real
// backend: pass them, answer 500, stall them, or deliver them and lose the
// answer: by cutting the connection ('lose-answer'; Chromium may send a POST
// again on its own when a reused connection is cut before any answer) or by
// never answering ('swallow-answer': the widget's timeout gives up on it), or
// by answering 200 with JSON cut short ('garble-answer').
// Reads (GET) can separately be answered with 50 MB of JSON or with garbage.
import { createServer, request } from 'node:http';

export async function faultProxy(target) {
  const t = new URL(target);
  const state = { mode: 'pass', stallMs: 0, posts: 0, getMode: 'pass' };
  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', async () => {
      const isPost = req.method === 'POST';
      if (isPost) state.posts += 1;
      const mode = isPost ? state.mode : 'pass';
      if (req.method === 'GET' && state.getMode !== 'pass') {
        const cors = { 'content-type': 'application/json', 'access-control-allow-origin': req.headers.origin ?? '*' };
        res.writeHead(200, cors);
        if (state.getMode === 'garbage') {
          res.end('{"comments": [ {"id": "1", "body": "cut off');
        } else {
          // 50 MB of one valid JSON document: a runaway backend.
          const chunk = Buffer.alloc(1 << 20, 'x');
          res.write('{"comments":[],"padding":"');
          for (let i = 0; i < 50; i++) res.write(chunk);
          res.end('"}');
        }
        return;
      }
      if (mode === 'html502') {
        // A proxy in front of the backend, down: its own HTML error page.
        res.writeHead(502, { 'content-type': 'text/html', 'access-control-allow-origin': req.headers.origin ?? '*' });
        res.end('<html><body><h1>502 Bad Gateway</h1>nginx</body></html>');
        return;
      }
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
          if (mode === 'swallow-answer') return;
          if (mode === 'garble-answer') {
            res.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': req.headers.origin ?? '*' });
            res.end('{"id": 7, "bo');
            return;
          }
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
