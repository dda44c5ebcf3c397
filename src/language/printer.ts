export function printAst(_n: unknown): string { return ""; }
