// Grouping a list by a key, used wherever records are joined to their project (budgets, milestones, risk flags) so
// each join is one pass over the list instead of a filter per project.

/** Items grouped by `key`, each group in the input's order; groups in order of first appearance. */
export function groupBy<T, K = string>(items: Iterable<T>, key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
