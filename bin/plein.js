#!/usr/bin/env node
// The operator command line. TypeScript runs through tsx, so no build step is needed.
import { register } from 'tsx/esm/api';

register();
await import('../server/src/cli/main.ts');
