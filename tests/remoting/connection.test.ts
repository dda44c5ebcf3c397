// The client's side of setting up a connection, against a scripted host on a plain SyncChannel:
// what goes out before any answer (the handshake is pipelined), and how silence is judged.
import { describe, expect, it } from 'vitest';
import type { ChannelMessage, SyncChannel } from '../../src/remoting/channel.js';
import { RunspaceClient } from '../../src/remoting/client.js';
import { PROTOCOL_VERSION } from '../../src/remoting/protocol.js';

/** A host that answers each message with what `reply` returns; answers arrive while the client waits. */
class ScriptedHost implements SyncChannel {
  readonly sent: ChannelMessage[] = [];
  private inbox: ChannelMessage[] = [];
  private inFlight: ChannelMessage[] = [];
  closed = false;
  readonly closeReason = null;
  constructor(private readonly reply: (m: ChannelMessage) => ChannelMessage[]) {}
  send(m: ChannelMessage): void {
    this.sent.push(m);
    this.inFlight.push(...this.reply(m));
  }
  drain(): ChannelMessage[] {
    return this.inbox.splice(0);
  }
  wait(): boolean {
    this.inbox.push(...this.inFlight.splice(0));
    return this.inbox.length > 0;
  }
  close(): void {
    this.closed = true;
  }
}

const welcome = (keepAliveMs: number | null): ChannelMessage => ({ type: 'welcome', version: PROTOCOL_VERSION, computerName: 'Server01', user: 'u', keepAliveMs });

describe('opening a runspace', () => {
  it('sends hello, open-runspace and the first command before any answer', () => {
    const host = new ScriptedHost(() => []);
    const client = RunspaceClient.begin(host, { computerName: 'Server01', ownsChannel: true });
    client.invoke({ script: '1' });
    expect(host.sent.map((m) => m.type)).toEqual(['hello', 'open-runspace', 'invoke']);
  });

  it('breaks with the host\'s refusal and fails what was sent along', () => {
    const host = new ScriptedHost((m) => (m.type === 'hello' ? [welcome(null)] : m.type === 'open-runspace' ? [{ type: 'error', message: 'no room', errorId: 'RunspaceOpenFailed', runspaceId: m.runspaceId }] : []));
    const client = RunspaceClient.begin(host, { computerName: 'Server01', ownsChannel: true });
    const pipe = client.invoke({ script: '1' });
    expect(() => client.waitOpened()).toThrow('no room');
    expect([client.openFailed, client.state, client.brokenReason, pipe.state, pipe.reason?.message]).toEqual([true, 'Broken', 'no room', 'Failed', 'no room']);
  });

  it('an idle connection is not lost: silence counts from an unanswered ping', () => {
    const host = new ScriptedHost((m) => {
      if (m.type === 'hello') return [welcome(20)];
      if (m.type === 'open-runspace') return [{ type: 'runspace-opened', runspaceId: m.runspaceId }];
      if (m.type === 'invoke') return [{ type: 'pipeline-state', runspaceId: m.runspaceId, pipelineId: m.pipelineId, state: 'Completed', reason: null }];
      return [];
    });
    const client = RunspaceClient.open(host, { computerName: 'Server01', ownsChannel: true });
    // Idle for many keep-alive intervals, as a session is between commands.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    const pipe = client.invoke({ script: '1' });
    pipe.wait(1000);
    expect([pipe.state, client.state]).toEqual(['Completed', 'Opened']);
  });
});
