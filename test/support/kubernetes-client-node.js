// @kubernetes/client-node 1.x is ESM-only. Node 20.19+ require()s it natively (so the apps and
// ts-node scripts import it as usual), but jest's CommonJS module registry cannot load ESM.
// jest.config.js maps the package here, and this hands back Node's own require() of it
// (process.getBuiltinModule escapes jest's `module` stand-in, whose createRequire is jest's).
const { createRequire } = process.getBuiltinModule('node:module');
module.exports = createRequire(__filename)('@kubernetes/client-node');
