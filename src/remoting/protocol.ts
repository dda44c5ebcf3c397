// The remoting protocol: every message that crosses a channel between a client (a session, a
// job, the REPL in Enter-PSSession) and a runspace host (a worker thread, `psh serve`,
// `psh -sshs`). Transports move these as whole messages; docs/protocol.md describes the stack.

import type { SerializedValue } from './serializer.js';

/** Bumped on any incompatible change; a host refuses a client speaking another major version. */
export const PROTOCOL_VERSION = 2;
/** Largest encoded message (the framing's 4-byte length prefix refuses more). */
export const MAX_MESSAGE_BYTES = 16 * 1024 * 1024;
/** Objects are serialized to this depth, as PowerShell remoting does by default. */
export const SERIALIZATION_DEPTH = 1;
/** Records a runspace may send for one pipeline before the client acknowledges some. */
export const RECORD_WINDOW = 8192;
/** When a batch of records leaves while the client is busy (it leaves at once when the client waits). */
export const RECORD_BATCH_LIMITS = { records: 2048, bytes: 1024 * 1024, delayMs: 5 } as const;
/** A waiting client pings a network host this often, and calls the connection lost after this many silent intervals. */
export const KEEPALIVE_INTERVAL_MS = 5000;
export const KEEPALIVE_MISSES = 3;

export type PipelineStateName = 'NotStarted' | 'Running' | 'Completed' | 'Failed' | 'Stopped';
export type RunspaceStateName = 'Opened' | 'Broken' | 'Closed' | 'Disconnected';

// Handshake ------------------------------------------------------------------------------

/** Client → host, first message on a connection. */
export type HelloMessage = { readonly type: 'hello'; readonly version: number; readonly client: string }
/** Host → client: accepts the version and says who the client is on this computer. */
export type WelcomeMessage = {
  readonly type: 'welcome';
  readonly version: number;
  readonly computerName: string;
  readonly user: string;
  /** How often a waiting client should ping; null when the host cannot answer while busy (a worker thread). */
  readonly keepAliveMs: number | null;
}

// Runspaces ------------------------------------------------------------------------------

export type OpenRunspaceMessage = { readonly type: 'open-runspace'; readonly runspaceId: string; readonly name: string; readonly location?: string }
export type RunspaceOpenedMessage = { readonly type: 'runspace-opened'; readonly runspaceId: string }
export type CloseRunspaceMessage = { readonly type: 'close-runspace'; readonly runspaceId: string }
/** Host → client: the runspace is gone (closed on request, or its worker died: `reason`). */
export type RunspaceClosedMessage = { readonly type: 'runspace-closed'; readonly runspaceId: string; readonly reason: string | null }

// Pipelines ------------------------------------------------------------------------------

export type InvokeMessage = {
  readonly type: 'invoke';
  readonly runspaceId: string;
  readonly pipelineId: string;
  readonly script: string;
  readonly args: readonly SerializedValue[];
  /** Pipeline input; null when the command takes none (not the same as empty input). */
  readonly input: readonly SerializedValue[] | null;
  /** More input follows in `input` messages; the pipeline starts when the last one arrives. */
  readonly inputOpen: boolean;
  /** `$using:` values, keys lower-cased. */
  readonly using: Readonly<Record<string, SerializedValue>>;
  readonly scope: 'global' | 'script';
  /**
   * Disconnect the runspace as the pipeline starts (Invoke-Command -InDisconnectedSession), so
   * everything it writes is kept for whoever reconnects; the host answers `disconnected`.
   */
  readonly detach?: boolean;
}
export type InputMessage = { readonly type: 'input'; readonly runspaceId: string; readonly pipelineId: string; readonly values: readonly SerializedValue[]; readonly end: boolean }
/**
 * Host → client: a batch of stream records in write order (seq increases across all streams of a
 * runspace). Record i is on stream `streams[i]` (o e w v d i p: output, error, warning, verbose,
 * debug, information, progress) with value `values[i]` and sequence number `seq + i`, or
 * `seqs[i]` when the numbers of the batch do not follow by one.
 */
export type RecordsMessage = {
  readonly type: 'records';
  readonly runspaceId: string;
  readonly pipelineId: string;
  readonly streams: string;
  readonly seq: number;
  readonly seqs?: readonly number[];
  readonly values: readonly SerializedValue[];
}
/** Client → host: flow control; the client consumed `count` more records of the pipeline. */
export type AckMessage = { readonly type: 'ack'; readonly runspaceId: string; readonly pipelineId: string; readonly count: number }
export type PipelineStateMessage = {
  readonly type: 'pipeline-state';
  readonly runspaceId: string;
  readonly pipelineId: string;
  readonly state: PipelineStateName;
  /** The terminating error when Failed (a serialized ErrorRecord). */
  readonly reason: SerializedValue | null;
  /** When the state changed on the host, in ms since the epoch (a local job's PSBeginTime and PSEndTime). */
  readonly time?: number;
}
export type StopMessage = { readonly type: 'stop'; readonly runspaceId: string; readonly pipelineId: string }

// Keep-alive -----------------------------------------------------------------------------

export type PingMessage = { readonly type: 'ping'; readonly id: number }
export type PongMessage = { readonly type: 'pong'; readonly id: number }

// Disconnected sessions ------------------------------------------------------------------

/** Client → host: keep the runspace (and its running pipeline) alive without this connection. */
export type DisconnectMessage = { readonly type: 'disconnect'; readonly runspaceId: string }
export type DisconnectedMessage = { readonly type: 'disconnected'; readonly runspaceId: string }
/** Client → host, on any connection of the same user: attach a disconnected runspace. */
export type ReconnectMessage = { readonly type: 'reconnect'; readonly runspaceId: string }
/** Host → client: attached; `pipelineId` names a pipeline still running or with undelivered records. */
export type ReconnectedMessage = { readonly type: 'reconnected'; readonly runspaceId: string; readonly name: string; readonly pipelineId: string | null }
/** Client → host: which runspaces of this user are disconnected on the host (Get-PSSession -ComputerName). */
export type ListRunspacesMessage = { readonly type: 'list-runspaces' }
export type RunspaceInfo = { readonly runspaceId: string; readonly name: string; readonly state: RunspaceStateName; readonly busy: boolean }
export type RunspaceListMessage = { readonly type: 'runspace-list'; readonly runspaces: readonly RunspaceInfo[] }

// Errors ---------------------------------------------------------------------------------

/** A request the host could not honour (unknown runspace, wrong user, bad version...). */
export type ErrorMessage = {
  readonly type: 'error';
  readonly message: string;
  readonly errorId: string;
  readonly runspaceId?: string;
  readonly pipelineId?: string;
}

export type ClientMessage =
  | HelloMessage | OpenRunspaceMessage | CloseRunspaceMessage | InvokeMessage | InputMessage | AckMessage | StopMessage
  | PingMessage | PongMessage | DisconnectMessage | ReconnectMessage | ListRunspacesMessage;

export type HostMessage =
  | WelcomeMessage | RunspaceOpenedMessage | RunspaceClosedMessage | RecordsMessage | PipelineStateMessage
  | PingMessage | PongMessage | DisconnectedMessage | ReconnectedMessage | RunspaceListMessage | ErrorMessage;

export type ProtocolMessage = ClientMessage | HostMessage;
