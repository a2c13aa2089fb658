import type { Reporter } from "../core/ports.js";

/** Colours only on a terminal that wants them (NO_COLOR and FORCE_COLOR respected). */
export function useColor(stream: NodeJS.WriteStream = process.stdout): boolean {
  if (process.env.NO_COLOR) return false;
  if (process.env.FORCE_COLOR && process.env.FORCE_COLOR !== "0") return true;
  return Boolean(stream.isTTY);
}

const codes = {
  red: 31,
  green: 32,
  yellow: 33,
  blue: 34,
  magenta: 35,
  cyan: 36,
  gray: 90,
  bold: 1,
  inverse: 7,
} as const;
export type Colour = keyof typeof codes;

export function paint(text: string, ...styles: Colour[]): string {
  if (!useColor()) return text;
  return styles.reduce((t, s) => `\u001b[${codes[s]}m${t}\u001b[0m`, text);
}

/**
 * The CLI's reporter: plain lines on stderr (stdout is kept for --json), with every registered secret
 * replaced by *** before anything is written, as the Actions runner does for masked values.
 */
export class TerminalReporter implements Reporter {
  private readonly secrets = new Set<string>();

  constructor(
    private readonly out: NodeJS.WritableStream = process.stderr,
    private readonly verbose = Boolean(process.env.PRODGATE_DEBUG),
  ) {}

  redact(text: string): string {
    let t = text;
    for (const s of this.secrets) t = t.split(s).join("***");
    return t;
  }

  secret(value: string): void {
    if (value && value.length >= 4) this.secrets.add(value);
  }

  info(message: string): void {
    this.out.write(`${this.redact(message)}\n`);
  }

  warning(message: string): void {
    this.out.write(`${paint("warning:", "yellow", "bold")} ${this.redact(message)}\n`);
  }

  error(message: string): void {
    this.out.write(`${paint("error:", "red", "bold")} ${this.redact(message)}\n`);
  }

  debug(message: string): void {
    if (this.verbose) this.out.write(`${paint(this.redact(message), "gray")}\n`);
  }

  async group<T>(title: string, fn: () => Promise<T>): Promise<T> {
    this.out.write(`${paint(`▸ ${this.redact(title)}`, "bold")}\n`);
    return fn();
  }
}
