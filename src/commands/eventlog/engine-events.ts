// The engine events Windows PowerShell writes to its "Windows PowerShell" log, with its message
// layout: 600 when a provider starts, 400/403 when a runspace's engine becomes Available or
// Stopped, 800 for pipeline execution details (only when pipeline logging is on).

import type { Host } from '../../runtime/host.js';
import type { StoredEvent } from './entry.js';
import { EventLogStore, WINDOWS_POWERSHELL_LOG, newEvent } from './store.js';

/** Who is writing: the context lines every engine event carries. */
export interface EngineContext {
  readonly runspaceId: string;
  readonly hostName: string;
  readonly hostVersion: string;
  readonly hostId: string;
  readonly hostApplication: string;
  readonly engineVersion: string;
  readonly pipelineId?: number;
  readonly commandLine?: string;
  readonly scriptName?: string;
  readonly userId?: string;
}

export type EngineEvent =
  | { readonly kind: 'engine'; readonly newState: 'Available' | 'Stopped'; readonly previousState: 'None' | 'Available' }
  | { readonly kind: 'provider'; readonly provider: string; readonly newState: 'Started' | 'Stopped' }
  | { readonly kind: 'pipeline'; readonly commandLine: string; readonly details: readonly string[] };

/** Providers psh starts with every runspace, in the order Windows PowerShell logs them. */
export const ENGINE_PROVIDERS = ['Alias', 'Environment', 'FileSystem', 'Function', 'Variable'] as const;

const SOURCE = 'PowerShell';
const CATEGORY = { engine: { number: 4, name: 'Engine Lifecycle' }, provider: { number: 6, name: 'Provider Lifecycle' }, pipeline: { number: 8, name: 'Pipeline Execution Details' } };

let sequenceNumber = 0;

function contextLines(ctx: EngineContext, sequence: number, withUser: boolean): string {
  const lines = [`\tSequenceNumber=${sequence}`, ''];
  if (withUser) lines.push(`\tUserId=${ctx.userId ?? ''}`);
  lines.push(
    `\tHostName=${ctx.hostName}`,
    `\tHostVersion=${ctx.hostVersion}`,
    `\tHostId=${ctx.hostId}`,
    `\tHostApplication=${ctx.hostApplication}`,
    `\tEngineVersion=${ctx.engineVersion}`,
    `\tRunspaceId=${ctx.runspaceId}`,
    `\tPipelineId=${ctx.pipelineId ?? ''}`,
  );
  if (!withUser) lines.push('\tCommandName=', '\tCommandType=');
  lines.push(`\tScriptName=${ctx.scriptName ?? ''}`);
  if (!withUser) lines.push('\tCommandPath=');
  lines.push(`\tCommandLine=${ctx.commandLine ?? ''}`);
  return lines.join('\n');
}

/** The event as Windows PowerShell words it: a summary line, then the details block. */
export function engineEventRecord(host: Host, ctx: EngineContext, event: EngineEvent): StoredEvent {
  const sequence = ++sequenceNumber;
  switch (event.kind) {
    case 'engine': {
      const details = `\tNewEngineState=${event.newState}\n\tPreviousEngineState=${event.previousState}\n\n${contextLines(ctx, sequence, false)}`;
      return newEvent(host, {
        entryType: 'Information', eventId: event.newState === 'Available' ? 400 : 403, source: SOURCE,
        category: CATEGORY.engine.number, categoryName: CATEGORY.engine.name,
        message: `Engine state is changed from ${event.previousState} to ${event.newState}. \n\nDetails: \n${details}`,
        replacementStrings: [event.newState, event.previousState, details],
      });
    }
    case 'provider': {
      const details = `\tProviderName=${event.provider}\n\tNewProviderState=${event.newState}\n\n${contextLines(ctx, sequence, false)}`;
      return newEvent(host, {
        entryType: 'Information', eventId: 600, source: SOURCE,
        category: CATEGORY.provider.number, categoryName: CATEGORY.provider.name,
        message: `Provider "${event.provider}" is ${event.newState}. \n\nDetails: \n${details}`,
        replacementStrings: [event.provider, event.newState, details],
      });
    }
    case 'pipeline': {
      const context = `\tDetailSequence=1\n\tDetailTotal=1\n\n${contextLines({ ...ctx, commandLine: event.commandLine }, sequence, true)}`;
      const details = event.details.join('\n');
      return newEvent(host, {
        entryType: 'Information', eventId: 800, source: SOURCE,
        category: CATEGORY.pipeline.number, categoryName: CATEGORY.pipeline.name,
        message: `Pipeline execution details for command line: ${event.commandLine}. \n\nContext Information: \n${context}\n\nDetails: \n${details}`,
        replacementStrings: [event.commandLine, context, details],
      });
    }
  }
}

/** Writes engine events to the host's "Windows PowerShell" log, in one append. */
export function writeEngineEvent(host: Host, ctx: EngineContext, ...events: EngineEvent[]): void {
  new EventLogStore(host).append(WINDOWS_POWERSHELL_LOG, events.map((e) => engineEventRecord(host, ctx, e)));
}

/** What a runspace writes when it opens: each provider Started (600), then the engine Available (400). */
export function writeRunspaceOpened(host: Host, ctx: EngineContext): void {
  writeEngineEvent(host, ctx,
    ...ENGINE_PROVIDERS.map((provider): EngineEvent => ({ kind: 'provider', provider, newState: 'Started' })),
    { kind: 'engine', newState: 'Available', previousState: 'None' });
}

/** What a runspace writes when it closes: the engine Stopped (403). */
export function writeRunspaceClosed(host: Host, ctx: EngineContext): void {
  writeEngineEvent(host, ctx, { kind: 'engine', newState: 'Stopped', previousState: 'Available' });
}
