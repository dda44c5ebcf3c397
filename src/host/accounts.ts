// User and group names for the numeric ids a stat gives, as `ls -l` and PowerShell's UnixMode
// view show them. Read from /etc/passwd and /etc/group once per process: asking NSS through
// getent would cost a process per lookup, and directory listings ask for every file.

import * as fs from 'node:fs';

const tables: { user?: Map<number, string>; group?: Map<number, string> } = {};

function load(file: string): Map<number, string> {
  const names = new Map<number, string>();
  let text = '';
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return names;
  }
  for (const line of text.split('\n')) {
    const fields = line.split(':');
    const id = Number(fields[2]);
    if (fields.length >= 3 && fields[0] !== '' && Number.isInteger(id) && !names.has(id)) names.set(id, fields[0]);
  }
  return names;
}

/** The account's name, or its number when the system has no name for it (as ls does). */
export function accountName(kind: 'user' | 'group', id: number): string {
  const table = (tables[kind] ??= load(kind === 'user' ? '/etc/passwd' : '/etc/group'));
  return table.get(id) ?? String(id);
}
