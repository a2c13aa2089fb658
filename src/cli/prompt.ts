import { execFile } from "node:child_process";
import { createInterface } from "node:readline";
import { promisify } from "node:util";
import { EXIT, ExitError } from "./context.js";
import { paint } from "./terminal.js";

const execFileAsync = promisify(execFile);

/**
 * The break-glass gate of a deploy from a terminal (seed 002 §4.1, P1 and P6): a banner naming the target, a
 * typed confirmation phrase that names it too, and an operator who is identified by an email.
 */

/**
 * The coloured "TARGET: PRODUCTION (app)" banner, red for production (one of --production-environments),
 * yellow for any other environment.
 */
export function targetBanner(app: string, environment: string, production: boolean): string {
  const text = `TARGET: ${environment.toUpperCase()} (${app})`;
  const width = text.length + 4;
  const colour = production ? "red" : "yellow";
  const line = (s: string) => paint(s, colour, "bold");
  return [
    line(`┏${"━".repeat(width)}┓`),
    `${line("┃")}  ${paint(text, colour, "bold", "inverse")}  ${line("┃")}`,
    line(`┗${"━".repeat(width)}┛`),
  ].join("\n");
}

/** Asks a person a question. `interactive` is false when there is no terminal to ask on. */
export interface Prompter {
  readonly interactive: boolean;
  /** The answer as typed, or undefined when the input ended (Ctrl-D). Ctrl-C rejects with exit 130. */
  ask(question: string): Promise<string | undefined>;
}

/** Asks on the terminal: the question on stderr (stdout stays for --json), the answer from stdin. */
export function terminalPrompter(
  input: NodeJS.ReadStream = process.stdin,
  output: NodeJS.WriteStream = process.stderr,
): Prompter {
  return {
    interactive: Boolean(input.isTTY),
    ask(question) {
      return new Promise((resolve, reject) => {
        const rl = createInterface({ input, output, terminal: Boolean(input.isTTY) });
        let settled = false;
        const finish = (fn: () => void) => {
          if (settled) return;
          settled = true;
          rl.close();
          fn();
        };
        rl.on("SIGINT", () => {
          output.write("\n");
          finish(() =>
            reject(
              new ExitError("interrupted at the confirmation prompt: nothing was done", EXIT.interrupted),
            ),
          );
        });
        rl.on("close", () => finish(() => resolve(undefined)));
        rl.question(question, (answer) => finish(() => resolve(answer)));
      });
    },
  };
}

/**
 * Answers every question with `answer`, shown as if typed (the sandbox demo): the question, then the answer a
 * character at a time.
 */
export function scriptedPrompter(
  answer: string,
  output: NodeJS.WritableStream = process.stderr,
  typingDelayMs = 25,
  signal?: AbortSignal,
): Prompter {
  return {
    interactive: true,
    async ask(question) {
      output.write(question);
      for (const ch of answer) {
        if (signal?.aborted) {
          output.write("\n");
          return undefined;
        }
        output.write(paint(ch, "cyan"));
        if (typingDelayMs > 0) await new Promise((r) => setTimeout(r, typingDelayMs));
      }
      output.write(`   ${paint("(typed by the demo)", "gray")}\n`);
      return answer;
    },
  };
}

export const EMAIL = /^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[^\s@<>()",;:]+$/;

/** Where the operator's identity came from. */
export interface Actor {
  email: string;
  source: "--actor" | "PRODGATE_ACTOR" | "git config user.email";
}

/** The email of `git config user.email` in `cwd`, or undefined. */
export async function gitUserEmail(cwd: string, env: NodeJS.ProcessEnv): Promise<string | undefined> {
  try {
    const { stdout } = await execFileAsync("git", ["config", "user.email"], { cwd, env });
    return stdout.trim() || undefined;
  } catch {
    return undefined;
  }
}

/**
 * The operator, by email (seed 002 open question 4, decided): `--actor`, else PRODGATE_ACTOR, else
 * `git config user.email`. The first one given must be an email; with none, the deploy is refused.
 */
export async function resolveActor(
  flag: string | undefined,
  env: NodeJS.ProcessEnv,
  cwd: string,
): Promise<Actor> {
  const candidates: [Actor["source"], () => Promise<string | undefined>][] = [
    ["--actor", async () => flag?.trim() || undefined],
    ["PRODGATE_ACTOR", async () => env.PRODGATE_ACTOR?.trim() || undefined],
    ["git config user.email", () => gitUserEmail(cwd, env)],
  ];
  for (const [source, read] of candidates) {
    const value = await read();
    if (value === undefined) continue;
    if (!EMAIL.test(value))
      throw new ExitError(
        `refused: the actor from ${source} must be an email address; got '${value}'`,
        EXIT.refused,
      );
    return { email: value, source };
  }
  throw new ExitError(
    "refused: who is deploying? Every production change is attributed to an email: pass --actor you@example.com, export PRODGATE_ACTOR, or set git config user.email",
    EXIT.refused,
  );
}

/**
 * Refuses early what can never be confirmed: no terminal to ask on and no --confirm, or a --confirm that is
 * not the phrase. Runs before anything is read from Heroku or written anywhere.
 */
export function precheckConfirmation(phrase: string, confirm: string | undefined, prompter: Prompter): void {
  if (confirm !== undefined) {
    if (confirm !== phrase)
      throw new ExitError(
        `refused: --confirm must be exactly '${phrase}'; got '${confirm}'. Nothing was deployed.`,
        EXIT.refused,
      );
    return;
  }
  if (!prompter.interactive)
    throw new ExitError(
      `refused: no terminal to confirm on. Run it in a terminal, or pass --confirm "${phrase}" to confirm without one. Nothing was deployed.`,
      EXIT.refused,
    );
}

/**
 * The typed confirmation: the answer must be the phrase exactly, else the deploy is aborted having done
 * nothing. A phrase given with --confirm (already checked by precheckConfirmation) stands for the answer.
 */
export async function confirmPhrase(
  phrase: string,
  confirm: string | undefined,
  prompter: Prompter,
  say: (line: string) => void,
): Promise<void> {
  if (confirm !== undefined) {
    precheckConfirmation(phrase, confirm, prompter);
    say(`Confirmed with --confirm "${phrase}"`);
    return;
  }
  const answer = await prompter.ask(`${paint(`Type '${phrase}' to continue:`, "bold")} `);
  if (answer === undefined)
    throw new ExitError("aborted: no answer at the confirmation prompt. Nothing was deployed.", EXIT.refused);
  if (answer !== phrase)
    throw new ExitError(
      `aborted: '${answer}' is not '${phrase}'. Nothing was deployed: no audit row, no push.`,
      EXIT.refused,
    );
}
