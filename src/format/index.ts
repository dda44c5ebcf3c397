// The formatter's public surface: the console's rendering of pipeline output (Out-Default), the
// error and stream views, the Format-*/Out-* cmdlets, and view registration for other modules.

import type { CmdletDefinition } from '../runtime/cmdlet.js';
import { formatListCommand, formatTableCommand, formatWideCommand } from './format-commands.js';
import { outDefaultCommand, outHostCommand, outStringCommand } from './out-commands.js';

export { formatForHost, formatLines, formatRecords, renderToText, type HostFormatOptions } from './out-default.js';
export { formatErrorView, formatInformationalRecord, type ErrorViewOptions, type InformationalStream } from './error-view.js';
export { registerView, findView, type ViewDefinition, type ViewControl } from './views.js';
export { isFormatRecord } from './format-records.js';
export { cellText } from './cell-text.js';

export const formatCommands: CmdletDefinition[] = [
  formatTableCommand,
  formatListCommand,
  formatWideCommand,
  outStringCommand,
  outHostCommand,
  outDefaultCommand,
];
