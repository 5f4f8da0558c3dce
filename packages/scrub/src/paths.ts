/** Whether the dotted path `path` is matched by `pattern` (`*` = one segment, `**` = any number). */
export function matchesPath(pattern: readonly string[], path: readonly string[], from = 0, at = 0): boolean {
  if (from === pattern.length) return at === path.length;
  const segment = pattern[from];
  if (segment === '**') {
    for (let skip = at; skip <= path.length; skip++)
      if (matchesPath(pattern, path, from + 1, skip)) return true;
    return false;
  }
  if (at === path.length) return false;
  return (segment === '*' || segment === path[at]) && matchesPath(pattern, path, from + 1, at + 1);
}
