#!/usr/bin/env node
// The prodgate CLI: the bundled pipelines (dist/cli/index.js runs the command line it is given).
import "../dist/cli/index.js";
