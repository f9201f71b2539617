import { FAMILIES, FamilyKey, Sample } from './metric-families';

/** Prometheus text format 0.0.4: HELP and TYPE once per family, its series after them. */
export function toPrometheusText(samples: readonly Sample[]): string {
  const lines: string[] = [];
  for (const [key, members] of byFamily(samples)) {
    const { name, help, type } = FAMILIES[key];
    lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);
    for (const { labels, value } of members) lines.push(`${name}{${labelText(labels)}} ${value}`);
  }
  return `${lines.join('\n')}\n`;
}

export function byFamily(samples: readonly Sample[]): Map<FamilyKey, Sample[]> {
  const families = new Map<FamilyKey, Sample[]>();
  for (const sample of samples) {
    const members = families.get(sample.family);
    if (members) members.push(sample);
    else families.set(sample.family, [sample]);
  }
  return families;
}

export function labelText(labels: Readonly<Record<string, string>>): string {
  return Object.entries(labels)
    .map(([key, value]) => `${key}="${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`)
    .join(',');
}
