/**
 * The one error module. Every failure that reaches a user is one of these, so the action and CLI faces can
 * print a clear message without a stack trace and without a secret in it.
 */

/** Base class: an error whose message is safe to show to the user as is. */
export class ProdgateError extends Error {
  override name = "ProdgateError";
}

/** An input (action input, CLI flag, registry field) was missing or malformed. Names the input. */
export class InputError extends ProdgateError {
  override name = "InputError";
  constructor(
    readonly input: string,
    problem: string,
  ) {
    super(`Input '${input}' ${problem}`);
  }
}

/** An outside system answered with an error or could not be reached. */
export class VendorError extends ProdgateError {
  override name = "VendorError";
  constructor(
    readonly vendor: string,
    message: string,
    readonly status?: number,
    readonly retryable = false,
  ) {
    super(message);
  }
}

/** A gate refused to let a deploy go on (wrong event, no reviewers, wrong phrase, ...). */
export class GateError extends ProdgateError {
  override name = "GateError";
}

/** The audit store could not be written when it had to be. */
export class AuditError extends ProdgateError {
  override name = "AuditError";
}

/** A short, user-safe description of any thrown value. */
export function describeError(err: unknown): string {
  if (err instanceof Error) {
    const code = (err as NodeJS.ErrnoException).code;
    if (!(err instanceof ProdgateError) && code && !err.message.includes(code))
      return `${err.message} (${code})`;
    return err.message || err.name;
  }
  return String(err);
}
