import type { FakeReply, FakeRequest } from "./fake-server.js";

/**
 * Heroku's Range header: `<attr> [first]..[last]; order=asc|desc, max=N` (`]first` excludes first). Answers 206
 * with Next-Range when more items remain, 200 otherwise.
 */
export function paginate<T>(
  req: FakeRequest,
  items: T[],
  accepted: string[],
  defaultAttr: string,
  key: (item: T) => number | string,
): FakeReply {
  const header = String(req.headers.range ?? `${defaultAttr} ..`);
  const m = /^\s*([a-z_]+)\s*(\]?)([^.;\s]*)\.\.([^;\s]*)\s*(?:;\s*(.*))?$/.exec(header);
  if (!m || !accepted.includes(m[1] ?? ""))
    return {
      status: 400,
      body: { id: "bad_request", message: `Invalid Range header. Accepted ranges: ${accepted.join(", ")}.` },
    };
  const attr = m[1] ?? defaultAttr;
  const params = Object.fromEntries(
    (m[5] ?? "")
      .split(",")
      .map((p) => p.trim().split("="))
      .filter((kv) => kv.length === 2)
      .map(([k, v]) => [k?.trim() ?? "", v?.trim() ?? ""]),
  );
  const order = params.order === "desc" ? "desc" : "asc";
  const max = Math.max(1, Math.min(Number(params.max) || 200, 1000));
  const value = (item: T) => (attr === "id" ? String((item as { id: string }).id) : key(item));
  const cmp = (a: number | string, b: number | string) => (a < b ? -1 : a > b ? 1 : 0);
  let sorted = [...items].sort((a, b) => cmp(value(a), value(b)));
  if (order === "desc") sorted.reverse();
  const first = m[3]
    ? typeof key(items[0] as T) === "number" && attr !== "id"
      ? Number(m[3])
      : m[3]
    : undefined;
  if (first !== undefined) {
    const exclusive = m[2] === "]";
    sorted = sorted.filter((it) => {
      const c = cmp(value(it), first);
      return order === "asc" ? (exclusive ? c > 0 : c >= 0) : exclusive ? c < 0 : c <= 0;
    });
  }
  const page = sorted.slice(0, max);
  const headers: Record<string, string> = { "accept-ranges": accepted.join(", ") };
  if (page.length > 0)
    headers["content-range"] = `${attr} ${value(page[0] as T)}..${value(page[page.length - 1] as T)}`;
  if (sorted.length > max) {
    headers["next-range"] = `${attr} ]${value(page[page.length - 1] as T)}..; order=${order}, max=${max}`;
    return { status: 206, headers, body: page };
  }
  return { status: 200, headers, body: page };
}
