#!/usr/bin/env node
// Starts one compiled app: `node scripts/run-app.js gateway`. `simulator` is the development
// cluster stand-in (`simulator run` or `simulator backfill …`; never deployed). The @tally/* path aliases of
// tsconfig.json are resolved against dist/, where `npm run build` puts the compiled libs.
const path = require('node:path');
const tsconfigPaths = require('tsconfig-paths');
const { compilerOptions } = require('../tsconfig.json');

const app = process.argv[2];
const apps = ['gateway', 'account', 'billing', 'metering', 'simulator'];
if (!apps.includes(app)) {
  console.error(`usage: run-app.js <${apps.join('|')}>`);
  process.exit(2);
}
tsconfigPaths.register({
  baseUrl: path.join(__dirname, '..', 'dist'),
  paths: compilerOptions.paths,
});
require(path.join(__dirname, '..', 'dist', 'apps', app, 'src', 'main.js'));
