#!/usr/bin/env node
// tsc compiles .ts only: copies the files the apps load at run time (the Hubble .proto files)
// from apps/ into dist/apps/ at the same relative paths. Run by `npm run build`.
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const ASSET = /\.proto$/;
let copied = 0;
for (const entry of fs.readdirSync(path.join(root, 'apps'), { recursive: true })) {
  if (!ASSET.test(entry)) continue;
  const target = path.join(root, 'dist', 'apps', entry);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.copyFileSync(path.join(root, 'apps', entry), target);
  copied++;
}
console.log(`[tally] copied ${copied} asset files into dist/apps`);
