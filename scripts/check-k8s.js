#!/usr/bin/env node
// Checks k8s/*.yaml without a cluster: YAML syntax, and that the manifests agree with each
// other and with the apps (ports, probes, secrets, selectors, hardening). `node scripts/check-k8s.js`
const fs = require('node:fs');
const path = require('node:path');

let yaml;
try {
  yaml = require('js-yaml'); // present in node_modules through the dev tooling
} catch {
  console.error('[tally] check-k8s needs js-yaml in node_modules (npm install)');
  process.exit(2);
}

const dir = path.join(__dirname, '..', 'k8s');
const problems = [];
const docs = [];
for (const file of fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.yaml'))
  .sort()) {
  try {
    for (const doc of yaml.loadAll(fs.readFileSync(path.join(dir, file), 'utf8'))) {
      if (doc) docs.push({ file, doc });
    }
  } catch (error) {
    problems.push(`${file}: ${error.message.split('\n')[0]}`);
  }
}

const find = (kind, name) => docs.find((d) => d.doc.kind === kind && d.doc.metadata?.name === name);
const config = find('ConfigMap', 'tally-config')?.doc.data ?? {};
const secret = find('Secret', 'tally-secrets')?.doc.stringData ?? {};
const clusterScoped = new Set(['Namespace', 'ClusterRole', 'ClusterRoleBinding']);
// The node agent reads the host's /sys/fs/cgroup through hostPath, which Pod Security
// `restricted` (enforced in tally-system) forbids: it has a namespace of its own.
const namespaceOf = (file) => (file === 'metering-agent.yaml' ? 'tally-agent' : 'tally-system');
const podKinds = new Set(['Deployment', 'DaemonSet', 'Job']);

for (const { file, doc } of docs) {
  const where = `${file} ${doc.kind}/${doc.metadata?.name}`;
  if (!doc.apiVersion || !doc.kind || !doc.metadata?.name)
    problems.push(`${where}: apiVersion, kind and metadata.name are required`);
  if (!clusterScoped.has(doc.kind) && doc.metadata?.namespace !== namespaceOf(file))
    problems.push(`${where}: not in namespace ${namespaceOf(file)}`);
  if (doc.kind === 'Secret') {
    for (const [key, value] of Object.entries(doc.stringData ?? {})) {
      if (!String(value).includes('REPLACE_ME'))
        problems.push(`${where}: ${key} must be a REPLACE_ME placeholder`);
    }
  }
  const pod = podKinds.has(doc.kind) ? doc.spec.template.spec : undefined;
  if (!pod) continue;
  if (pod.securityContext?.runAsNonRoot !== true)
    problems.push(`${where}: runAsNonRoot must be true`);
  for (const c of pod.containers) {
    const sc = c.securityContext ?? {};
    if (sc.readOnlyRootFilesystem !== true)
      problems.push(`${where}: readOnlyRootFilesystem must be true`);
    if (sc.allowPrivilegeEscalation !== false)
      problems.push(`${where}: allowPrivilegeEscalation must be false`);
    if (!c.resources?.requests || !c.resources?.limits)
      problems.push(`${where}: resources requests and limits are required`);
    for (const ref of c.envFrom ?? []) {
      if (ref.configMapRef && !find('ConfigMap', ref.configMapRef.name))
        problems.push(`${where}: no ConfigMap ${ref.configMapRef.name}`);
    }
    for (const env of c.env ?? []) {
      const key = env.valueFrom?.secretKeyRef?.key;
      if (key && !(key in secret))
        problems.push(`${where}: secret key ${key} is not in secret.example.yaml`);
    }
    if (doc.kind !== 'Deployment') continue;
    const app = doc.metadata.name.replace(/^tally-/, '');
    const port = Number(config[`TALLY_${app.toUpperCase()}_PORT`]);
    if (JSON.stringify(c.command) !== JSON.stringify(['node', 'scripts/run-app.js', app]))
      problems.push(`${where}: command must run scripts/run-app.js ${app}`);
    if (c.ports?.[0]?.containerPort !== port)
      problems.push(`${where}: containerPort must be ${port} (TALLY_${app.toUpperCase()}_PORT)`);
    if (c.readinessProbe?.httpGet?.path !== '/readyz')
      problems.push(`${where}: readinessProbe must GET /readyz`);
    if (c.livenessProbe?.httpGet?.path !== '/healthz')
      problems.push(`${where}: livenessProbe must GET /healthz`);
    const service = find('Service', doc.metadata.name)?.doc;
    if (!service) problems.push(`${where}: no Service ${doc.metadata.name}`);
    else {
      const labels = doc.spec.template.metadata.labels;
      for (const [k, v] of Object.entries(service.spec.selector)) {
        if (labels[k] !== v)
          problems.push(
            `${file} Service/${service.metadata.name}: selector ${k}=${v} matches no pod label`,
          );
      }
      if (service.spec.ports[0].port !== port)
        problems.push(`${file} Service/${service.metadata.name}: port must be ${port}`);
    }
  }
}

if (problems.length) {
  for (const p of problems) console.error(`[tally] k8s: ${p}`);
  process.exit(1);
}
console.log(
  `[tally] k8s: ${docs.length} objects in ${new Set(docs.map((d) => d.file)).size} files, all consistent`,
);
