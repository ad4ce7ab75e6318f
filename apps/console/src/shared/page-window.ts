/** Where one page of a list sits in the whole: rows `from`–`to` of `total`, and the offsets either side. */
export interface PageWindow {
  from: number;
  to: number;
  total: number;
  previous: number | null;
  next: number | null;
}

/** The window of a page asked at `offset` with `limit` that brought `shown` rows of `total`. */
export function pageWindow(offset: number, limit: number, shown: number, total: number): PageWindow {
  return {
    from: shown === 0 ? 0 : offset + 1,
    to: offset + shown,
    total,
    previous: offset > 0 ? Math.max(0, offset - limit) : null,
    next: offset + shown < total && shown > 0 ? offset + limit : null,
  };
}
