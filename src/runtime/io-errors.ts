// File system failures in the words .NET's file APIs use on Linux, so psh's errors read like
// PowerShell's whether a cmdlet or a redirection hit them.

/** Node errno codes to the messages .NET gives for the same failure. */
export function ioMessage(error: unknown, path: string): string {
  const code = (error as { code?: string }).code;
  switch (code) {
    case 'ENOENT': return `Could not find a part of the path '${path}'.`;
    case 'EACCES': case 'EPERM': return `Access to the path '${path}' is denied.`;
    case 'EISDIR': return `Access to the path '${path}' is denied.`;
    case 'ENOTEMPTY': return `Directory not empty : '${path}'`;
    case 'EEXIST': return `The file '${path}' already exists.`;
    case 'ENOSPC': return `No space left on device : '${path}'`;
    case 'EROFS': return `Read-only file system : '${path}'`;
  }
  return error instanceof Error ? error.message : String(error);
}
