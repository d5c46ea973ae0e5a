#!/usr/bin/env node
// The ledger CLI. `npm install` builds dist/ (the prepare script); `npm run build` after changes.
require('../dist/cli/main.js');
