// A worker thread (or child process, with argv[2] = JSON of the same data) hosting the compiled
// embedded SSH server, so a test thread can block on a SyncChannel while the server keeps
// serving. The handler is a module export named by the parent.

import { parentPort, workerData } from 'node:worker_threads';

const data = workerData ?? JSON.parse(process.argv[2]);
const send = parentPort ? (m) => parentPort.postMessage(m) : (m) => process.send(m);
const onParent = (h) => (parentPort ? parentPort.on('message', h) : process.on('message', h));

const { startSshServer } = await import(new URL('../../dist/remoting/ssh/server.js', import.meta.url).href);
const handlers = await import(data.handlerModule);
const handler = handlers[data.handlerExport];
const server = await startSshServer({
  listen: [{ host: '127.0.0.1', port: data.port ?? 0 }],
  hostKeys: data.hostKeys.map((k) => Buffer.from(k)),
  authorizedKeysFile: data.authorizedKeysFile,
  log: (line) => send({ log: line }),
  onChannel: (channel, info) => handler(channel, info, data.handlerOptions),
});
send({ ready: server.addresses });
onParent(async (m) => {
  if (m === 'close') {
    await server.close();
    send({ closed: true });
  }
});
