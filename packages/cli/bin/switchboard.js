#!/usr/bin/env node
// Runs the TypeScript CLI directly through tsx (no build step).
import process from 'node:process';
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/main.ts');
process.exitCode = await main(process.argv);
