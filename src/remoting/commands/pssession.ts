// PSSession objects and the per-runspace session repository (service 'sessions'): what
// New-PSSession returns and Get-PSSession lists. A session wraps one RunspaceClient; its State
// follows the connection (Opened, Broken when the transport is lost, Disconnected, Closed).

import type { CmdletContext } from '../../runtime/cmdlet.js';
import { DotNetObject } from '../../runtime/values.js';
import type { RemotePipeline, RunspaceClient } from '../client.js';
import type { ConnectionTarget } from '../connect.js';

export const SESSIONS_SERVICE = 'sessions';

/** The remote runspace a PSSession holds ($s.Runspace). */
export class RemoteRunspace extends DotNetObject {
  constructor(private readonly session: PSSession) {
    super();
  }
  get Id(): number { return this.session.Id; }
  get Name(): string { return this.session.Name; }
  get InstanceId(): string { return this.session.InstanceId; }
  get RunspaceStateInfo(): string { return this.session.State; }
  get RunspaceAvailability(): string { return this.session.Availability; }
  get ConnectionInfo(): string { return 'System.Management.Automation.Runspaces.SSHConnectionInfo'; }
  get psTypeNames(): readonly string[] {
    return ['System.Management.Automation.RemoteRunspace', 'System.Management.Automation.Runspaces.Runspace', 'System.Object'];
  }
  psPropertyNames(): readonly string[] {
    return ['Id', 'Name', 'InstanceId', 'RunspaceStateInfo', 'RunspaceAvailability', 'ConnectionInfo'];
  }
  toString(): string {
    return 'System.Management.Automation.RemoteRunspace';
  }
}

export class PSSession extends DotNetObject {
  private removed = false;
  readonly Runspace: RemoteRunspace;

  constructor(
    readonly Id: number,
    readonly Name: string,
    /** The live connection; null while disconnected, replaced when connected again. */
    public client: RunspaceClient | null,
    /** How to reach the computer again (Connect-PSSession). */
    readonly target: ConnectionTarget,
    readonly InstanceId: string,
  ) {
    super();
    this.Runspace = new RemoteRunspace(this);
  }

  /** A command still running (or with output waiting) in a session connected again. */
  pending: RemotePipeline | null = null;

  get ComputerName(): string { return this.target.computerName; }
  get Transport(): string { return 'SSH'; }
  get ComputerType(): string { return 'RemoteMachine'; }
  get ConfigurationName(): string { return 'DefaultShell'; }
  get State(): string {
    if (this.removed) return 'Closed';
    return this.client === null ? 'Disconnected' : this.client.state;
  }

  get Availability(): string {
    if (this.State !== 'Opened' || this.client === null) return 'None';
    return this.client.busy ? 'Busy' : 'Available';
  }

  /** Remove-PSSession: closes the runspace and its connection. */
  close(): void {
    if (this.removed) return;
    this.removed = true;
    this.client?.close();
  }

  get psTypeNames(): readonly string[] {
    return ['System.Management.Automation.Runspaces.PSSession', 'System.Object'];
  }
  psPropertyNames(): readonly string[] {
    return ['Id', 'Name', 'Transport', 'ComputerName', 'ComputerType', 'State', 'ConfigurationName', 'Availability', 'InstanceId', 'Runspace'];
  }
  toString(): string {
    return `[PSSession]${this.Name}`;
  }
}

export class SessionRepository {
  private readonly sessions: PSSession[] = [];
  private lastId = 0;

  nextId(): number {
    return ++this.lastId;
  }

  add(session: PSSession): void {
    this.sessions.push(session);
  }

  remove(session: PSSession): void {
    const i = this.sessions.indexOf(session);
    if (i >= 0) this.sessions.splice(i, 1);
  }

  all(): readonly PSSession[] {
    return this.sessions;
  }

  byInstanceId(id: string): PSSession | undefined {
    return this.sessions.find((s) => s.InstanceId.toLowerCase() === id.toLowerCase());
  }
}

/** Until a runspace registers its own repository, every runspace of this thread shares one. */
let threadRepository: SessionRepository | null = null;

export function sessionsOf(ctx: CmdletContext): SessionRepository {
  try {
    return ctx.service<SessionRepository>(SESSIONS_SERVICE);
  } catch {
    threadRepository ??= new SessionRepository();
    return threadRepository;
  }
}
