// Channel handlers for test SSH servers (loaded by ssh-server-thread.mjs or imported directly).
// Each export is (channel, info, options) => void over an AsyncChannel.

/** Sends every message back; `close-me` closes the channel, `whoami` answers with the info. */
export function echo(channel, info) {
  channel.onMessage((message) => {
    if (message.type === 'close-me') channel.close();
    else if (message.type === 'whoami') channel.send({ type: 'whoami', user: info.user, connectionId: info.connectionId });
    else channel.send(message);
  });
}
