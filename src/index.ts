// psh as a library: the parser, a ready-made runspace with every command, and the SSH pieces
// for hosting or reaching remote runspaces.

export { parse, printAst } from './language/index.js';
export type * from './language/ast.js';
export { createRunspace, type EngineOptions } from './cli/engine.js';
export type { Runspace, InvokeRequest, InvokeResult } from './runtime/runspace.js';
export type { StreamRecord } from './runtime/streams.js';
export { startSshServer } from './remoting/ssh/server.js';
export { openSshChannel } from './remoting/ssh/client.js';
export { stdioChannel } from './remoting/stdio.js';
