#!/usr/bin/env node
// Loads the built CLI (npm ci builds it); nothing else lives here.
import { main } from '../dist/cli/main.js';

process.exitCode = await main(process.argv);
