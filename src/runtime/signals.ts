// Control flow that crosses closures and function calls: break/continue (with labels, which
// PowerShell lets escape a function into the caller's loop), return and exit. They are not
// errors: `catch` in scripts never sees them.

export class BreakSignal {
  constructor(readonly label: string | null) {}
}

export class ContinueSignal {
  constructor(readonly label: string | null) {}
}

export class ReturnSignal {}

export class ExitSignal {
  constructor(readonly code: number) {}
}

export const RETURN = new ReturnSignal();

/** True when a loop labelled `loopLabel` handles a break/continue carrying `label`. */
export function labelMatches(label: string | null, loopLabel: string | null): boolean {
  return label === null || (loopLabel !== null && label.toLowerCase() === loopLabel.toLowerCase());
}
