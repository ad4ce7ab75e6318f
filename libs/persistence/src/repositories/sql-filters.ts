/**
 * Adds the optional filters of a search to a WHERE clause: `add(value, condition)` appends the condition with the
 * value as its next positional parameter, and nothing when the value is undefined (the filter was not asked for).
 */
export function optionalFilters(params: unknown[], conditions: string[]) {
  return (value: unknown, condition: (placeholder: string) => string): void => {
    if (value === undefined) return;
    params.push(value);
    conditions.push(condition(`$${params.length}`));
  };
}

/** A LIKE pattern for text that contains `part`, its own `%`, `_` and `\` taken literally. */
export function containing(part: string): string {
  return `%${part.replace(/[\\%_]/g, '\\$&')}%`;
}
