import { useState, type FormEvent } from 'react';

type FieldEvent = { target: { value: string } };

/**
 * The state of a list's filter form, all text fields: `change` keeps a field for the next search, `pick` searches at
 * once with it, `submit` (Enter or the button) searches with what is set, `reset` searches with `none`.
 */
export function useFilterForm<Filters extends { [Name in keyof Filters]: string }>(
  none: Filters,
  onSearch: (filters: Filters) => void,
) {
  const [filters, setFilters] = useState<Filters>(none);

  const change = (name: keyof Filters) => (event: FieldEvent) => setFilters({ ...filters, [name]: event.target.value });

  const pick = (name: keyof Filters) => (event: FieldEvent) => {
    const next = { ...filters, [name]: event.target.value };
    setFilters(next);
    onSearch(next);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch(filters);
  };

  const reset = () => {
    setFilters(none);
    onSearch(none);
  };

  return { filters, change, pick, submit, reset };
}
