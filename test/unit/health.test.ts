import { describe, expect, it } from "vitest";
import { formatDuration, parseDuration } from "../../src/core/duration.js";
import {
  checkJson,
  judgeProbe,
  parseExpectJson,
  parseExpectStatus,
  statusMatches,
} from "../../src/core/health.js";
import { parseHeaders, parseHttpUrl, parseInteger, redactUrl } from "../../src/core/inputs.js";

describe("parseDuration", () => {
  it.each([
    ["500ms", 500],
    ["10s", 10_000],
    ["2m", 120_000],
    ["1h", 3_600_000],
    ["10", 10_000],
    ["0.5", 500],
    [" 3s ", 3000],
  ])("%s → %i ms", (raw, ms) => {
    expect(parseDuration("interval", raw)).toBe(ms);
  });
  it.each(["soon", "", "10 parsecs", "-1s", "1.s"])("rejects %j naming the input", (raw) => {
    expect(() => parseDuration("interval", raw)).toThrow(/Input 'interval' must be a duration/);
  });
  it("formats for humans", () => {
    expect(formatDuration(850)).toBe("850ms");
    expect(formatDuration(1500)).toBe("1.50s");
    expect(formatDuration(125_000)).toBe("2m 5s");
  });
});

describe("expect-status", () => {
  it("accepts codes, lists and classes", () => {
    const e = parseExpectStatus("expect-status", "200,204, 3xx");
    expect([200, 204, 301, 399].map((s) => statusMatches(e, s))).toEqual([true, true, true, true]);
    expect([201, 404, 500].map((s) => statusMatches(e, s))).toEqual([false, false, false]);
  });
  it("defaults to 200", () => {
    const e = parseExpectStatus("expect-status", "");
    expect(statusMatches(e, 200)).toBe(true);
    expect(statusMatches(e, 204)).toBe(false);
  });
  it.each(["ok", "20", "6xx", "200;204"])("rejects %j", (raw) => {
    expect(() => parseExpectStatus("expect-status", raw)).toThrow(/Input 'expect-status'/);
  });
});

describe("expect-json", () => {
  it("checks nested paths and values", () => {
    const e = parseExpectJson("expect-json", "db.ok=true")!;
    expect(checkJson(e, '{"db":{"ok":true}}')).toBeUndefined();
    expect(checkJson(e, '{"db":{"ok":false}}')).toMatch(/db.ok is false, expected true/);
    expect(checkJson(e, '{"db":{}}')).toMatch(/has no db.ok/);
    expect(checkJson(e, "not json")).toMatch(/not JSON/);
    expect(checkJson(parseExpectJson("x", "status=ok")!, '{"status":"ok"}')).toBeUndefined();
    expect(
      checkJson(parseExpectJson("x", "checks.0.name=db")!, '{"checks":[{"name":"db"}]}'),
    ).toBeUndefined();
  });
  it("is optional and validated", () => {
    expect(parseExpectJson("expect-json", "")).toBeUndefined();
    expect(() => parseExpectJson("expect-json", "status")).toThrow(
      /Input 'expect-json' must look like path=value/,
    );
    expect(() => parseExpectJson("expect-json", "a..b=1")).toThrow(/empty path segment/);
  });
});

describe("inputs", () => {
  it("validates URLs without echoing userinfo", () => {
    expect(() => parseHttpUrl("url", "ftp://x")).toThrow(
      "Input 'url' must be an http:// or https:// URL; got scheme 'ftp'",
    );
    expect(() => parseHttpUrl("url", "not a url")).toThrow(/Input 'url'/);
    expect(redactUrl("https://user:pw@example.test/health?token=abc")).toBe(
      "https://example.test/health?token=***",
    );
  });
  it("bounds integers", () => {
    expect(parseInteger("attempts", "5", 1, 100)).toBe(5);
    expect(() => parseInteger("attempts", "0", 1, 100)).toThrow(
      "Input 'attempts' must be from 1 to 100; got 0",
    );
    expect(() => parseInteger("attempts", "five", 1, 100)).toThrow(/whole number/);
  });
  it("parses headers and rejects a line without a colon", () => {
    expect(parseHeaders("headers", "CF-Access-Client-Id: abc\nX-Token:  v:1 \n")).toEqual({
      "CF-Access-Client-Id": "abc",
      "X-Token": "v:1",
    });
    expect(() => parseHeaders("headers", "X-Ok: 1\nbroken line")).toThrow(
      "Input 'headers' line 2 must look like 'Name: value' (no colon found)",
    );
  });
});

describe("judgeProbe", () => {
  const settings = {
    url: new URL("http://127.0.0.1/health"),
    attempts: 3,
    intervalMs: 0,
    timeoutMs: 100,
    expectStatus: parseExpectStatus("s", "2xx"),
    expectBody: "ok",
    headers: {},
    method: "GET" as const,
    followRedirects: true,
  };
  it("judges status, body and network errors", () => {
    expect(judgeProbe(settings, 1, { status: 200, body: "all ok", latencyMs: 3 }).healthy).toBe(true);
    expect(judgeProbe(settings, 1, { status: 200, body: "nope", latencyMs: 3 }).reason).toMatch(
      /body does not contain/,
    );
    expect(judgeProbe(settings, 1, { status: 503, body: "ok", latencyMs: 3 }).reason).toBe(
      "status 503, expected 2xx",
    );
    expect(judgeProbe(settings, 1, { latencyMs: 3, error: "connection refused" }).reason).toBe(
      "connection refused",
    );
  });
});
