#!/usr/bin/env node
import { processIo } from './io.js';
import { main } from './main.js';

// A reader that stops early (`poolsim run ... | head`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await main(process.argv.slice(2), processIo);
