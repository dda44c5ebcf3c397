// Channel handlers for test SSH servers (loaded by ssh-server-thread.mjs or imported directly).
// Each export is (channel, info, options) => void over an AsyncChannel.

/**
 * Sends every message back; `close-me` closes the channel (`close-me` with a reason sends the
 * framing layer's `$close` notice first); `whoami` answers with the channel info.
 */
export function echo(channel, info) {
  channel.onMessage((message) => {
    if (message.type === 'close-me') {
      if (message.reason) channel.send({ type: '$close', reason: message.reason });
      channel.close();
    } else if (message.type === 'whoami') channel.send({ type: 'whoami', user: info.user, connectionId: info.connectionId });
    else channel.send(message);
  });
}

/**
 * Hosts psh runspaces on the channel with the real remoting server (compiled dist/), as
 * `psh serve` does. handlerOptions: { computerName } (default 'localhost').
 */
export async function runspaces(channel, info, options) {
  // Messages that arrive while the server module loads wait in the channel.
  const { serveConnection } = await import('../../dist/remoting/server.js');
  serveConnection(channel, { user: info.user, computerName: options?.computerName ?? 'localhost' });
}
