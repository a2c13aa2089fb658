import { generateKeyPairSync, type KeyObject } from "node:crypto";
import { once } from "node:events";
import { createWriteStream, existsSync, readFileSync, writeFileSync } from "node:fs";
import type { Command } from "commander";
import {
  exportKeyPair,
  parseCheckpointJson,
  parsePublicKey,
  parseSigningKey,
  serialiseCheckpoint,
} from "../../core/audit-checkpoint.js";
import { describeReport } from "../../core/audit-verify.js";
import { InputError } from "../../core/errors.js";
import { AuditStore } from "../../store/audit.js";
import type { GivenCheckpoint } from "../../store/chain-verify.js";
import { type CliContext, EXIT, ExitError, envSecret } from "../context.js";
import { type Prompter, resolveActor, terminalPrompter } from "../prompt.js";
import { paint } from "../terminal.js";
import { databaseUrlFromEnv } from "./audit.js";

/** PRODGATE_AUDIT_SIGNING_KEY, masked before anything can print it, parsed; undefined when unset. */
export function signingKeyFromEnv(ctx: CliContext, required: boolean): KeyObject | undefined {
  const raw = envSecret(ctx, "PRODGATE_AUDIT_SIGNING_KEY", false);
  if (!raw) {
    if (required)
      throw new ExitError(
        "PRODGATE_AUDIT_SIGNING_KEY is not set: export the key `prodgate audit keygen` printed (it is never taken as a flag)",
        EXIT.usage,
      );
    return undefined;
  }
  for (const line of raw.split(/\r?\n/)) if (line.trim().length >= 8) ctx.reporter.secret(line.trim());
  return parseSigningKey("PRODGATE_AUDIT_SIGNING_KEY", raw);
}

/** --public-key: the key itself, or a file holding it; else PRODGATE_AUDIT_PUBLIC_KEY; else the signing key's. */
function publicKeyFrom(ctx: CliContext, flag: string | undefined): KeyObject | undefined {
  if (flag) {
    const text = existsSync(flag) ? readFileSync(flag, "utf8") : flag;
    return parsePublicKey("--public-key", text);
  }
  const env = ctx.env.PRODGATE_AUDIT_PUBLIC_KEY?.trim();
  if (env) return parsePublicKey("PRODGATE_AUDIT_PUBLIC_KEY", env);
  return signingKeyFromEnv(ctx, false);
}

function readCheckpointFile(file: string): GivenCheckpoint {
  let raw: string;
  try {
    raw = readFileSync(file, "utf8");
  } catch {
    throw new InputError("--checkpoint", `cannot read ${file}`);
  }
  return { source: file, doc: parseCheckpointJson(`--checkpoint ${file}`, raw) };
}

export interface AuditChainIo {
  prompter?: Prompter;
  now?: () => Date;
}

export function registerAuditChain(audit: Command, ctx: CliContext, io: AuditChainIo = {}): void {
  const now = io.now ?? (() => new Date());
  audit
    .command("verify")
    .description(
      "Recompute the hash chain and check every checkpoint: exit 0 when it holds, 1 naming the first break (modified, inserted, deleted, out_of_order, truncated, rewritten, bad_checkpoint) and its row id",
    )
    .option("--table <name>", "the audit table", "console_audit_log")
    .option(
      "--checkpoint <file>",
      "a checkpoint document saved outside the database (repeatable)",
      (v: string, all: string[]) => [...all, v],
      [] as string[],
    )
    .option(
      "--public-key <key>",
      "the Ed25519 public key (base64, PEM, or a file holding it); default PRODGATE_AUDIT_PUBLIC_KEY, or the key of PRODGATE_AUDIT_SIGNING_KEY",
    )
    .option("--json", "print the report as JSON on stdout")
    .action(async (opts: { table: string; checkpoint: string[]; publicKey?: string; json?: boolean }) => {
      const given = opts.checkpoint.map(readCheckpointFile);
      const publicKey = publicKeyFrom(ctx, opts.publicKey);
      if (given.length && !publicKey)
        throw new InputError(
          "--public-key",
          "is required to check a --checkpoint (the key `prodgate audit keygen` printed)",
        );
      const url = databaseUrlFromEnv(ctx);
      // Read-only: verification migrates nothing and writes nothing.
      const store = await AuditStore.open(url, { table: opts.table, migrate: false });
      try {
        const report = await store.verify({ publicKey, checkpoints: given });
        if (opts.json) ctx.json(report);
        if (!report.ok) throw new ExitError(describeReport(report), EXIT.failed);
        ctx.reporter.info(paint(describeReport(report), "green"));
        if (!publicKey && report.checkpoints.total)
          ctx.reporter.warning("checkpoint signatures were not checked: pass --public-key");
      } finally {
        await store.close();
      }
    });

  audit
    .command("checkpoint")
    .description(
      "Sign a checkpoint of the chain's head with PRODGATE_AUDIT_SIGNING_KEY, store it, and write the document (for --checkpoint) to FILE or stdout",
    )
    .option("--table <name>", "the audit table", "console_audit_log")
    .option("--out <file>", "write the document here instead of stdout")
    .action(async (opts: { table: string; out?: string }) => {
      const key = signingKeyFromEnv(ctx, true)!;
      const store = await AuditStore.open(databaseUrlFromEnv(ctx), { table: opts.table });
      try {
        const doc = await store.checkpoint(key, "manual", now());
        const text = serialiseCheckpoint(doc);
        if (opts.out) {
          writeFileSync(opts.out, text, { mode: 0o644 });
          ctx.reporter.info(`checkpoint of ${doc.table} at position ${doc.position} written to ${opts.out}`);
        } else process.stdout.write(text);
      } finally {
        await store.close();
      }
    });

  audit
    .command("erase")
    .description(
      "Erase a person from the audit log (seed 002 §10): their actor and approver values become a tombstone and lose their salts, every hash still verifies, and an audit.erased row records who erased how many rows",
    )
    .requiredOption("--actor <email>", "the person to erase (matched ignoring case)")
    .option("--confirm <phrase>", 'the confirmation "erase EMAIL", for running without a terminal')
    .option("--as <email>", "who is erasing (default PRODGATE_ACTOR, then git config user.email)")
    .option("--table <name>", "the audit table", "console_audit_log")
    .option("--json", "print the result as JSON on stdout")
    .action(async (opts: { actor: string; confirm?: string; as?: string; table: string; json?: boolean }) => {
      const subject = opts.actor.trim();
      if (!subject) throw new InputError("--actor", "is required");
      const phrase = `erase ${subject}`;
      const prompter = io.prompter ?? terminalPrompter();
      if (opts.confirm !== undefined) {
        if (opts.confirm !== phrase)
          throw new ExitError(
            `refused: --confirm must be exactly '${phrase}'. Nothing was erased.`,
            EXIT.refused,
          );
      } else if (!prompter.interactive) {
        throw new ExitError(
          `refused: no terminal to confirm on. Pass --confirm "${phrase}". Nothing was erased.`,
          EXIT.refused,
        );
      }
      const operator = await resolveActor(opts.as, ctx.env, process.cwd());
      const url = databaseUrlFromEnv(ctx);
      if (opts.confirm === undefined) {
        const answer = await prompter.ask(
          `${paint(`Type '${phrase}' to erase them from ${opts.table}:`, "bold")} `,
        );
        if (answer !== phrase)
          throw new ExitError(`aborted: the answer is not '${phrase}'. Nothing was erased.`, EXIT.refused);
      }
      const store = await AuditStore.open(url, { table: opts.table });
      try {
        const result = await store.erase(subject, operator.email, now());
        if (opts.json)
          ctx.json({
            rows: result.rows,
            erasure: { id: result.erasure.id, position: result.erasure.position },
          });
        ctx.reporter.info(
          paint(
            `erased from ${result.rows} row(s); recorded as audit.erased row #${result.erasure.id} (position ${result.erasure.position})`,
            "green",
          ),
        );
      } finally {
        await store.close();
      }
    });

  audit
    .command("export")
    .description(
      'Write the rows and checkpoints as JSON lines (docs/audit-chain.md, "Export") to FILE or stdout',
    )
    .option("--format <format>", "jsonl (the only format)", "jsonl")
    .option("--table <name>", "the audit table", "console_audit_log")
    .option("--out <file>", "write here instead of stdout")
    .action(async (opts: { format: string; table: string; out?: string }) => {
      if (opts.format !== "jsonl") throw new InputError("--format", `must be jsonl; got '${opts.format}'`);
      const store = await AuditStore.open(databaseUrlFromEnv(ctx), { table: opts.table, migrate: false });
      const out = opts.out ? createWriteStream(opts.out) : process.stdout;
      try {
        const result = await store.export(async (line) => {
          // Rows are stored redacted; the export is written byte for byte, or its hashes would not hold.
          if (!out.write(`${line}\n`)) await once(out, "drain");
        }, now());
        ctx.reporter.info(
          `exported ${result.rows} row(s) and ${result.checkpoints} checkpoint(s) of ${opts.table}`,
        );
      } finally {
        await store.close();
        if (opts.out) await new Promise<void>((r) => (out as ReturnType<typeof createWriteStream>).end(r));
      }
    });

  audit
    .command("keygen")
    .description(
      "Print a new Ed25519 key pair: the signing key for AUDIT_SIGNING_KEY / PRODGATE_AUDIT_SIGNING_KEY (a secret) and the public key for --public-key",
    )
    .option("--json", "print the pair as JSON")
    .action((opts: { json?: boolean }) => {
      const { privateKey } = generateKeyPairSync("ed25519");
      const pair = exportKeyPair(privateKey);
      // Printing the new key is this command's purpose: it goes to stdout only, never to the reporter.
      if (opts.json) process.stdout.write(`${JSON.stringify(pair, null, 2)}\n`);
      else
        process.stdout.write(
          `PRODGATE_AUDIT_SIGNING_KEY=${pair.privateKey}\nPRODGATE_AUDIT_PUBLIC_KEY=${pair.publicKey}\n`,
        );
      ctx.reporter.info(
        `key ${pair.keyId}: store the signing key as the AUDIT_SIGNING_KEY secret; publish the public key`,
      );
    });
}
