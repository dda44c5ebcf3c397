// Messages between the REPL's terminal thread and the console worker that hosts its runspace.

export type ConsoleRequest =
  | { readonly id: number; readonly type: 'run'; readonly line: string }
  | { readonly id: number; readonly type: 'prompt' }
  | { readonly id: number; readonly type: 'complete'; readonly line: string };

export type ConsoleReply =
  | { readonly id: number; readonly type: 'done'; readonly prompt: string; readonly exitCode: number | null }
  | { readonly id: number; readonly type: 'completions'; readonly items: string[]; readonly word: string };
