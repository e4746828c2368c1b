#!/usr/bin/env node
// The CLI is TypeScript run through tsx, so `npx neuroloom` works straight
// after `npm ci` with no separate build step.
require('tsx/cjs/api').register();
require('../cli/main.ts');
