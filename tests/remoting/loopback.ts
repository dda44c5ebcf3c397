// Test computers without SSH: each name is a remoting server on its own thread, and the
// connector hands the session cmdlets a port-based channel to it. `kill` ends a server the
// way a dropped TCP connection would end its sessions.
import { MessageChannel, Worker } from 'node:worker_threads';
import type { RemoteConnector } from '../../src/remoting/connect.js';
import { PortSyncChannel, SIGNAL_SLOTS, TO_CLIENT, TO_HOST } from '../../src/remoting/port-channel.js';

export interface LoopbackServers {
  readonly connector: RemoteConnector;
  /** Ends a computer's server; its open connections close with `reason`. */
  kill(computerName: string, reason: string): void;
  close(): void;
}

export function startLoopbackServers(names: readonly string[], options: { engineModule?: string; defaultUser?: string } = {}): LoopbackServers {
  const servers = new Map<string, { worker: Worker; channels: PortSyncChannel[] }>();
  for (const name of names) {
    const worker = new Worker(new URL('./fixtures/server-thread.mjs', import.meta.url), { workerData: { computerName: name, engineModule: options.engineModule } });
    worker.unref();
    servers.set(name.toLowerCase(), { worker, channels: [] });
  }
  return {
    connector: {
      open(target) {
        const server = servers.get(target.hostName.toLowerCase());
        if (!server) throw new Error(`ssh: Could not resolve hostname ${target.hostName}: Name or service not known`);
        const { port1, port2 } = new MessageChannel();
        const signal = new Int32Array(new SharedArrayBuffer(4 * SIGNAL_SLOTS));
        server.worker.postMessage({ port: port2, signal, user: target.userName ?? options.defaultUser ?? 'alice' }, [port2]);
        const channel = new PortSyncChannel(port1, signal, TO_CLIENT, TO_HOST);
        server.channels.push(channel);
        return channel;
      },
    },
    kill(computerName, reason) {
      const server = servers.get(computerName.toLowerCase());
      if (!server) return;
      for (const c of server.channels) c.markClosed(reason);
      void server.worker.terminate();
    },
    close() {
      for (const s of servers.values()) void s.worker.terminate();
    },
  };
}
