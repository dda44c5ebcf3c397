#!/usr/bin/env node
// The psh executable as a plain script: what the launcher runs when no start-up snapshot fits
// this Node, and what tests and tools run directly.

import { start } from './cli.js';
import { restoreLauncherEnvironment } from './launcher-environment.js';

restoreLauncherEnvironment();
start(process.argv.slice(2));
