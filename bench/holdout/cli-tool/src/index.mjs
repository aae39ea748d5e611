#!/usr/bin/env node
import { Command } from 'commander';
import { init } from './commands/init.mjs';
import { login } from './commands/login.mjs';

const program = new Command('deployctl').version('1.8.2');
program.addCommand(init);
program.addCommand(login);
await program.parseAsync(process.argv);
