import {
  BUILT_IN_RESERVED_NAMESPACES,
  reservedNamespaces,
  reservedNamespacesSetting,
} from './reserved-namespaces';

describe('reservedNamespaces', () => {
  const reserved = reservedNamespaces();

  it.each(['kube-system', 'kube-public', 'kube-node-lease', 'kube-anything', 'default'])(
    'reserves the cluster namespace %s',
    (namespace) => expect(reserved(namespace)).toBe(true),
  );

  it.each(['tally-system', 'tally-agent'])('reserves the platform namespace %s', (namespace) =>
    expect(reserved(namespace)).toBe(true),
  );

  it.each(['team-a', 'kube', 'kubeflow', 'my-kube-system', 'defaults', 'tally-systems'])(
    'leaves a tenant namespace such as %s alone',
    (namespace) => expect(reserved(namespace)).toBe(false),
  );

  it('adds configured names and prefixes to the built-in ones', () => {
    const configured = reservedNamespaces(['monitoring', 'openshift-*']);
    expect(configured('monitoring')).toBe(true);
    expect(configured('openshift-dns')).toBe(true);
    expect(configured('monitoring-2')).toBe(false);
    expect(configured('kube-system')).toBe(true);
  });
});

describe('reservedNamespacesSetting', () => {
  it('reads a comma-separated list, ignoring blanks and spaces', () => {
    expect(reservedNamespacesSetting.parse(' monitoring, openshift-* ,,')).toEqual([
      'monitoring',
      'openshift-*',
    ]);
    expect(reservedNamespacesSetting.parse(undefined)).toEqual([]);
  });

  it.each(['Monitoring', 'a*b', '*', 'ns_1', '-x', 'x'.repeat(64)])('refuses %j', (entry) => {
    expect(reservedNamespacesSetting.safeParse(entry).success).toBe(false);
  });

  it('has valid built-in entries', () => {
    expect(reservedNamespacesSetting.parse(BUILT_IN_RESERVED_NAMESPACES.join(','))).toEqual(
      BUILT_IN_RESERVED_NAMESPACES,
    );
  });
});
