/** Where a client sends its commands, as far as the client's own options tell. Never a password. */
export interface RedisTarget {
  /** `host:port`, the socket path, `<name> (sentinel)` or, for a cluster, its first startup node. */
  readonly label: string;
  /** For `server.address`: the host name or socket path (absent for a cluster). */
  readonly address?: string;
  /** For `server.port`. */
  readonly port?: number;
  /** The database index (`db.namespace`); 0 for a cluster. */
  readonly db: number;
}

/** The parts of an ioredis `Redis` or `Cluster` this package reads. */
export interface ClientShape {
  readonly options?: object;
  readonly isCluster?: boolean;
  readonly startupNodes?: readonly unknown[];
}

/** Removes credentials from a URL or an address: `redis://u:p@h:6379` → `redis://h:6379`, `p@h` → `h`. */
export function withoutCredentials(text: string): string {
  return text.replace(/\/\/[^@/\s]*@/g, '//').replace(/^[^@/\s]*@/, '');
}

/** `host:port` of one cluster startup node (a port, a `host:port` string, a URL or `{ host, port }`). */
export function nodeLabel(node: unknown): string {
  if (typeof node === 'number') return `127.0.0.1:${node}`;
  if (typeof node === 'string') {
    const text = withoutCredentials(node);
    try {
      const url = new URL(text.includes('://') ? text : `redis://${text}`);
      return `${url.hostname}:${url.port || '6379'}`;
    } catch {
      return text.slice(0, 200);
    }
  }
  if (typeof node === 'object' && node !== null) {
    const { host, port } = node as { host?: unknown; port?: unknown };
    return `${typeof host === 'string' ? host : '127.0.0.1'}:${typeof port === 'number' ? port : 6379}`;
  }
  return 'unknown';
}

/** The target of `client`, read from its options when it is instrumented. */
export function targetOf(instance: object): RedisTarget {
  const client = instance as ClientShape;
  if (client.isCluster) {
    const nodes = client.startupNodes ?? [];
    const more = nodes.length > 1 ? ` (+${nodes.length - 1} nodes)` : '';
    return { label: `${nodeLabel(nodes[0])}${more}`, db: 0 };
  }
  const options: {
    host?: unknown;
    port?: unknown;
    path?: unknown;
    db?: unknown;
    name?: unknown;
    sentinels?: unknown;
  } = client.options ?? {};
  const db = typeof options.db === 'number' ? options.db : 0;
  if (typeof options.path === 'string' && options.path !== '')
    return { label: options.path, address: options.path, db };
  if (Array.isArray(options.sentinels) && typeof options.name === 'string')
    return { label: `${options.name} (sentinel)`, address: options.name, db };
  const host = typeof options.host === 'string' ? withoutCredentials(options.host) : 'localhost';
  const port = typeof options.port === 'number' ? options.port : 6379;
  return { label: `${host}:${port}`, address: host, port, db };
}
