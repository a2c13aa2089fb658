import { randomBytes } from "node:crypto";
import { redactContext } from "../core/audit.js";
import {
  ACTIVE_JOB_STATUSES,
  type JobStatus,
  type RotationJob,
  type SecretMemory,
  type SecretStatus,
} from "../core/rotation.js";
import { type Queryable, withSweepLock } from "./poll-log.js";
import { openTable, TableStore, type TableStoreOptions, type TableStoreParts } from "./table-store.js";

/** `table` defaults to console_rotation_jobs. */
export interface RotationJobStoreOptions extends TableStoreOptions {}

export interface NewJob {
  secretName: string;
  triggeredBy: string;
  triggeredAt: Date;
  steps?: Record<string, unknown>;
}

interface RawJob {
  id: string;
  secret_name: string;
  triggered_by: string;
  triggered_at: Date;
  status: JobStatus;
  steps_json: Record<string, unknown> | null;
  completed_at: Date | null;
  error_msg: string | null;
  revoke_at: Date | null;
}

const COLUMNS =
  "id, secret_name, triggered_by, triggered_at, status, steps_json, completed_at, error_msg, revoke_at";

function fromRaw(r: RawJob): RotationJob {
  return {
    id: r.id,
    secretName: r.secret_name,
    triggeredBy: r.triggered_by,
    triggeredAt: r.triggered_at,
    status: r.status,
    steps: r.steps_json,
    completedAt: r.completed_at,
    errorMsg: r.error_msg,
    revokeAt: r.revoke_at,
  };
}

/** `rot_` + 12 hex characters (seed 000 §4.5: 'rot_<uuid_short>'). */
export function newJobId(): string {
  return `rot_${randomBytes(6).toString("hex")}`;
}

/**
 * console_rotation_jobs. `create` is the only way a job comes to be, and a partial unique index lets at most
 * one queued or running job exist per secret: of two sweeps racing, one creates the job and the other gets
 * undefined. Step details pass through the audit redaction (keys naming secrets are dropped) before storage.
 */
export class RotationJobStore extends TableStore {
  /** The secrets' memory table, named after the jobs table as the migration names it. */
  private readonly stateTable: string;

  private constructor(parts: TableStoreParts) {
    super(parts);
    this.stateTable = `"${parts.table.split(".").pop()}_secret_state"`;
  }

  static async open(databaseUrl: string, opts: RotationJobStoreOptions = {}): Promise<RotationJobStore> {
    return new RotationJobStore(
      await openTable(
        databaseUrl,
        opts,
        "rotation",
        "rotation-table",
        "cannot migrate the rotation jobs table",
      ),
    );
  }

  /**
   * Creates a queued job, or returns undefined when the secret already has a queued or running one (created
   * by this sweep or a concurrent one).
   */
  async create(job: NewJob): Promise<RotationJob | undefined> {
    return this.insert(job, "queued");
  }

  /**
   * Moves a queued or running job on. Completed and failed jobs are final: updating one changes nothing and
   * returns undefined. `steps` are merged into the stored ones.
   */
  async update(
    id: string,
    change: { status: JobStatus; errorMsg?: string; steps?: Record<string, unknown>; at: Date },
  ): Promise<RotationJob | undefined> {
    const final = !ACTIVE_JOB_STATUSES.includes(change.status);
    const steps = change.steps ? JSON.stringify(redactContext(change.steps, [])) : null;
    return this.attempt(
      "cannot update the rotation job",
      async () => {
        const res = await this.pool.query<RawJob>(
          `UPDATE ${this.quoted}
              SET status = $2,
                  error_msg = COALESCE($3, error_msg),
                  steps_json = CASE WHEN $4::jsonb IS NULL THEN steps_json
                                    ELSE COALESCE(steps_json, '{}'::jsonb) || $4::jsonb END,
                  completed_at = CASE WHEN $5 THEN $6::timestamptz ELSE completed_at END
            WHERE id = $1 AND status IN ('queued', 'running')
            RETURNING ${COLUMNS}`,
          [id, change.status, change.errorMsg?.slice(0, 1000) ?? null, steps, final, change.at],
        );
        return res.rows[0] ? fromRaw(res.rows[0]) : undefined;
      },
      this.retry,
    );
  }

  /**
   * Creates a running job of the rotation executor, or returns undefined when the secret already has a queued
   * or running job (the unique index decides between two runs racing).
   */
  async createRunning(job: NewJob): Promise<RotationJob | undefined> {
    return this.insert(job, "running");
  }

  private insert(job: NewJob, status: "queued" | "running"): Promise<RotationJob | undefined> {
    const id = newJobId();
    const steps = job.steps ? JSON.stringify(redactContext(job.steps, [])) : null;
    return this.attempt(
      "cannot create the rotation job",
      async () => {
        const res = await this.pool.query<RawJob>(
          `INSERT INTO ${this.quoted} (id, secret_name, triggered_by, triggered_at, status, steps_json)
           VALUES ($1, $2, $3, $4, $5, $6::jsonb)
           ON CONFLICT (secret_name) WHERE status IN ('queued', 'running') DO NOTHING
           RETURNING ${COLUMNS}`,
          [id, job.secretName, job.triggeredBy, job.triggeredAt, status, steps],
        );
        return res.rows[0] ? fromRaw(res.rows[0]) : undefined;
      },
      this.retry,
    );
  }

  /**
   * Writes an executor job's progress: `steps` merged into the stored ones, and optionally its status, error,
   * completion time and revoke time. Unlike `update` it also moves a completed job on (its old credential's
   * revocation happens after the job completed); a failed job stays as it is. Undefined when nothing matched.
   */
  async progress(
    id: string,
    change: {
      steps: Record<string, unknown>;
      status?: JobStatus;
      errorMsg?: string;
      at?: Date;
      revokeAt?: Date | null;
    },
  ): Promise<RotationJob | undefined> {
    const steps = JSON.stringify(redactContext(change.steps, []));
    const final = change.status !== undefined && !ACTIVE_JOB_STATUSES.includes(change.status);
    return this.attempt(
      "cannot record the rotation job's progress",
      async () => {
        const res = await this.pool.query<RawJob>(
          `UPDATE ${this.quoted}
              SET status = COALESCE($2, status),
                  error_msg = COALESCE($3, error_msg),
                  steps_json = COALESCE(steps_json, '{}'::jsonb) || $4::jsonb,
                  completed_at = CASE WHEN $5 AND completed_at IS NULL THEN $6::timestamptz ELSE completed_at END,
                  revoke_at = CASE WHEN $7 THEN $8::timestamptz ELSE revoke_at END
            WHERE id = $1 AND status <> 'failed'
            RETURNING ${COLUMNS}`,
          [
            id,
            change.status ?? null,
            change.errorMsg?.slice(0, 1000) ?? null,
            steps,
            final,
            change.at ?? new Date(),
            change.revokeAt !== undefined,
            change.revokeAt ?? null,
          ],
        );
        return res.rows[0] ? fromRaw(res.rows[0]) : undefined;
      },
      this.retry,
    );
  }

  /** Completed jobs whose old credential is still to be revoked (revoke_at set), soonest first. */
  async pendingRevokes(): Promise<RotationJob[]> {
    return this.select(
      `WHERE revoke_at IS NOT NULL AND status = 'completed' ORDER BY revoke_at`,
      [],
      "cannot read the rotation jobs",
    );
  }

  /** The database URL, for the per-secret lock of the rotation executor (a connection of its own). */
  get connectionUrl(): string {
    return this.databaseUrl;
  }

  async get(id: string): Promise<RotationJob | undefined> {
    return this.select(`WHERE id = $1`, [id], "cannot read the rotation job").then((rows) => rows[0]);
  }

  /** A secret's jobs, newest first. */
  async history(secretName: string, limit = 20): Promise<RotationJob[]> {
    return this.select(
      `WHERE secret_name = $1 ORDER BY triggered_at DESC, id DESC LIMIT $2`,
      [secretName, Math.max(1, Math.min(limit, 1000))],
      "cannot read the rotation jobs",
    );
  }

  /** Every queued or running job. */
  async active(): Promise<RotationJob[]> {
    return this.select(
      `WHERE status IN ('queued', 'running') ORDER BY triggered_at`,
      [],
      "cannot read the rotation jobs",
    );
  }

  private async select(where: string, params: unknown[], doing: string): Promise<RotationJob[]> {
    const res = await this.attempt(
      doing,
      () => this.pool.query<RawJob>(`SELECT ${COLUMNS} FROM ${this.quoted} ${where}`, params),
      this.retry,
    );
    return res.rows.map(fromRaw);
  }

  /**
   * Runs `fn` in a transaction holding the sweeps' advisory lock (the status sweep's), so that of two
   * concurrent sweeps the second sees the memory the first saved and never opens a second issue.
   */
  async withMemory<T>(
    fn: (memory: {
      load(names: string[]): Promise<Map<string, SecretMemory>>;
      save(rows: SecretMemory[]): Promise<void>;
    }) => Promise<T>,
  ): Promise<T> {
    return this.attempt("cannot use the secrets' memory", () =>
      withSweepLock(this.pool, (client) =>
        fn({
          load: (names) => this.loadMemory(client, names),
          save: (rows) => this.saveMemory(client, rows),
        }),
      ),
    );
  }

  private async loadMemory(db: Queryable, names: string[]): Promise<Map<string, SecretMemory>> {
    const res = await db.query<{
      secret_name: string;
      status: string;
      since: Date;
      issue_number: number | null;
    }>(
      `SELECT secret_name, status, since, issue_number FROM ${this.stateTable} WHERE secret_name = ANY($1)`,
      [names],
    );
    return new Map(
      res.rows.map((r) => [
        r.secret_name,
        {
          name: r.secret_name,
          status: r.status as SecretStatus,
          since: r.since.toISOString(),
          issue: r.issue_number,
        },
      ]),
    );
  }

  private async saveMemory(db: Queryable, rows: SecretMemory[]): Promise<void> {
    if (rows.length === 0) return;
    await db.query(
      `INSERT INTO ${this.stateTable} AS s (secret_name, status, since, issue_number, updated_at)
       SELECT x.secret_name, x.status, x.since, x.issue_number, now()
         FROM jsonb_to_recordset($1::jsonb) AS x(secret_name text, status text, since timestamptz, issue_number integer)
       ON CONFLICT (secret_name) DO UPDATE SET status = EXCLUDED.status, since = EXCLUDED.since,
         issue_number = EXCLUDED.issue_number, updated_at = now()`,
      [
        JSON.stringify(
          rows.map((r) => ({ secret_name: r.name, status: r.status, since: r.since, issue_number: r.issue })),
        ),
      ],
    );
  }
}
