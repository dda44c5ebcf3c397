// The CmdletContext a cmdlet instance gets: output to its stage's pipe, errors and the other
// streams under the command's -ErrorAction/-Verbose/... or the preference variables, Write-Host,
// terminating errors positioned at the command, and the runspace's session and services.

import type { Extent } from '../language/ast.js';
import type { CommonParameters } from './binder.js';
import type { CmdletContext, InformationStream } from './cmdlet.js';
import type { ExecutionContext, Pipe, Preference, StreamRouter } from './context.js';
import { toStr } from './convert.js';
import type { ErrorRecord } from './error-record.js';
import { RuntimeError, StopUpstreamError } from './exceptions.js';
import { sessionFor } from './session.js';
import type { InformationPayload } from './streams.js';

export interface CmdletStage {
  readonly name: string;
  readonly setName: string;
  readonly bound: ReadonlySet<string>;
  readonly extent: Extent | null;
  readonly out: Pipe;
  readonly streams: StreamRouter;
  readonly common: CommonParameters;
  /** The stage's processor, which the pipeline recognises in a StopUpstreamError; null when nothing is upstream. */
  readonly upstreamOf: object | null;
}

function payload(value: unknown): InformationPayload {
  if (value !== null && typeof value === 'object' && 'messageData' in value && 'tags' in value) return value as InformationPayload;
  return { messageData: value, tags: [], isHost: false };
}

/** The preference a stream runs under: the command's common parameter, else the variable. */
export function streamPreference(c: ExecutionContext, stream: InformationStream | 'error', common: CommonParameters): Preference {
  switch (stream) {
    case 'error': return common.errorAction ?? c.preference('erroractionpreference', 'continue');
    case 'warning': return common.warningAction ?? c.preference('warningpreference', 'continue');
    case 'verbose': return common.verbose === true ? 'continue' : common.verbose === false ? 'silentlycontinue' : c.preference('verbosepreference', 'silentlycontinue');
    case 'debug': return common.debug === true ? 'continue' : common.debug === false ? 'silentlycontinue' : c.preference('debugpreference', 'silentlycontinue');
    case 'information': return common.informationAction ?? c.preference('informationpreference', 'silentlycontinue');
  }
}

/** The list behind `-ErrorVariable name` / `-OutVariable name`; `+name` appends to the existing list. */
export function variableList(c: ExecutionContext, spec: string): unknown[] {
  const append = spec.startsWith('+');
  const name = append ? spec.slice(1) : spec;
  const existing = c.scope.lookup(name.toLowerCase());
  const list: unknown[] = append && existing !== undefined && Array.isArray(existing.value) ? existing.value : [];
  c.scope.set(name, list);
  return list;
}

export function makeCmdletContext(c: ExecutionContext, stage: CmdletStage): CmdletContext {
  const { out, streams, common } = stage;
  const errorList = common.errorVariable === undefined ? null : variableList(c, common.errorVariable);
  const warningList = common.warningVariable === undefined ? null : variableList(c, common.warningVariable);
  const informationList = common.informationVariable === undefined ? null : variableList(c, common.informationVariable);
  const inquireAsContinue = (p: Preference): Preference => (p === 'inquire' ? 'continue' : p);
  return {
    host: c.host,
    session: sessionFor(c),
    parameterSetName: stage.setName,
    boundParameterNames: stage.bound,
    extent: stage.extent,
    commandName: stage.name,
    writeObject(value, enumerate) {
      if (enumerate === true && Array.isArray(value)) for (const v of value) out.write(v ?? null);
      else out.write(value ?? null);
    },
    writeError(error: ErrorRecord) {
      c.position(error, stage.extent, stage.name);
      errorList?.push(error);
      c.writeError(error, inquireAsContinue(streamPreference(c, 'error', common)), streams);
    },
    writeStream(stream, value) {
      const v = stream === 'information' ? payload(value) : value;
      if (stream === 'warning') warningList?.push(v);
      if (stream === 'information') informationList?.push(v);
      c.writeInformational(stream, v, inquireAsContinue(streamPreference(c, stream, common)), streams);
    },
    writeProgress(record) {
      streams.write('progress', record);
    },
    writeHost(text, options) {
      const info: InformationPayload = { messageData: text, tags: ['PSHOST'], isHost: true, ...options };
      // The console shows it when the record reaches the runspace's own sink unredirected.
      if (common.informationAction === 'ignore' || common.informationAction === 'silentlycontinue') return;
      streams.write('information', info);
    },
    throwTerminatingError(error: ErrorRecord): never {
      c.position(error, stage.extent, stage.name);
      throw new RuntimeError(error);
    },
    checkStop() {
      c.checkStop();
    },
    stopUpstreamCommands() {
      if (stage.upstreamOf !== null) throw new StopUpstreamError(stage.upstreamOf);
    },
    service<T>(name: string): T {
      const s = c.services.get(name);
      if (s === undefined) throw RuntimeError.create(`The service '${toStr(name)}' is not available in this runspace.`, 'ServiceNotAvailable', 'NotInstalled');
      return s as T;
    },
  };
}
