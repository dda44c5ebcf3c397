// The whole stack over real SSH: RunspaceClient → openSshChannel → embedded server → the
// remoting server hosting a runspace (the `runspaces` handler of the test helpers).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { RunspaceClient } from '../../../src/remoting/client.js';
import { openSshChannel } from '../../../src/remoting/ssh/client.js';
import { dispose, makeHome, makeKeys, startServerThread, type EmbeddedServer } from '../../support/ssh.js';

let server: EmbeddedServer;
let home: string;
beforeAll(async () => {
  const keys = makeKeys();
  server = await startServerThread({ keys, handlerExport: 'runspaces', handlerOptions: { computerName: 'Server01' } });
  home = makeHome({ keys, hosts: [{ alias: 'Server01', port: server.port }] }).home;
});
afterAll(async () => {
  await server.close();
  dispose();
});

it('runs a pipeline in a runspace behind SSH', () => {
  const client = RunspaceClient.open(openSshChannel({ hostName: 'Server01', homeDirectory: home }), { computerName: 'Server01', name: 'Session1', ownsChannel: true });
  const pipe = client.invoke({ script: '1..3 | ForEach-Object { $_ * 2 }' });
  const out: unknown[] = [];
  const deadline = Date.now() + 20000;
  while (!pipe.finished && Date.now() < deadline) {
    out.push(...pipe.poll());
    pipe.wait(200);
  }
  out.push(...pipe.poll());
  expect(out.map((r) => (r as { value: unknown }).value)).toEqual([2, 4, 6]);
  client.close();
});
