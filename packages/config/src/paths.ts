/** Reads and writes the dotted paths of `VariableDefinition.path` (`alerts.email.recipients`). */

type Tree = Record<string, unknown>;

/** The value at `path` in `root`, or undefined when a step is missing. */
export function getPath(root: object, path: string): unknown {
  let node: unknown = root;
  for (const step of path.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Tree)[step];
  }
  return node;
}

/** Sets the value at `path` in `root`, creating the objects on the way. */
export function setPath(root: object, path: string, value: unknown): void {
  const steps = path.split('.');
  const last = steps.pop()!;
  let node = root as Tree;
  for (const step of steps) {
    if (typeof node[step] !== 'object' || node[step] === null) node[step] = {};
    node = node[step] as Tree;
  }
  node[last] = value;
}
