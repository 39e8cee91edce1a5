import type { FastifyInstance } from 'fastify';
import type { AppCore } from '../../app';
import { dispatchByName } from '../../api/dispatch';

/**
 * The HTTP transport of the API contract: `POST /rpc/<method>` with the input as the JSON body,
 * and `GET /rpc/events`, a server-sent event stream of ApiEvents.
 */
export function registerRpcRoutes(app: FastifyInstance, core: AppCore): void {
  const session = { config: { auth: 'session' as const } };
  // importDocument carries a dropped file's text (the renderer sends big files in pieces).
  const rpcRoute = { ...session, bodyLimit: 72 * 1024 * 1024 };
  const openStreams = new Set<() => void>();

  app.post<{ Params: { method: string } }>('/rpc/:method', rpcRoute, async (request) => dispatchByName(core.handlers, request.params.method, request.body));

  app.get('/rpc/events', session, (request, reply) => {
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    res.write(': connected\n\n');
    const unsubscribe = core.events.subscribe((name, payload) => {
      res.write(`event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`);
    });
    // A comment line every 15 s keeps proxies and idle timers from closing the stream.
    const heartbeat = setInterval(() => res.write(': ping\n\n'), 15_000);
    heartbeat.unref();
    const close = () => {
      clearInterval(heartbeat);
      unsubscribe();
      openStreams.delete(close);
      res.end();
    };
    openStreams.add(close);
    request.raw.on('close', close);
  });

  app.addHook('onClose', async () => {
    for (const close of [...openStreams]) close();
  });
}
