import { type Approver, approverKey } from "../core/approval.js";
import type { GateRules } from "../core/policy.js";
import type { Reporter } from "../core/ports.js";
import { type GitHubClient, listTeamMembers } from "../vendors/github.js";

/** Approver logins with every team expanded to its members, each once (first spelling kept). */
export async function expandApprovers(
  github: GitHubClient,
  approvers: readonly Approver[],
  reporter: Reporter,
): Promise<string[]> {
  const out: string[] = [];
  const seen = new Set<string>();
  const add = (login: string) => {
    if (seen.has(login.toLowerCase())) return;
    seen.add(login.toLowerCase());
    out.push(login);
  };
  for (const a of approvers) {
    if (a.kind === "user") {
      add(a.login);
      continue;
    }
    const members = await listTeamMembers(github, a.org, a.slug);
    if (members.length === 0)
      reporter.warning(`Team @${a.org}/${a.slug} has no members: nobody in it can approve`);
    else reporter.info(`Team @${a.org}/${a.slug}: ${members.map((m) => `@${m}`).join(", ")}`);
    for (const m of members) add(m);
  }
  return out;
}

/**
 * Who may approve under `rules`: the approvers (teams expanded), narrowed to those the workflow's own list also
 * names when a policy file set the approvers (inputs can only take people away, never add them).
 */
export async function resolveApproverLogins(
  github: GitHubClient,
  rules: Pick<GateRules, "approvers" | "narrowTo">,
  reporter: Reporter,
): Promise<string[]> {
  const approvers = await expandApprovers(github, rules.approvers, reporter);
  if (!rules.narrowTo) return approvers;
  const sameList =
    rules.narrowTo.length === rules.approvers.length &&
    rules.narrowTo.every((a) => rules.approvers.some((b) => approverKey(a) === approverKey(b)));
  if (sameList) return approvers;
  const narrow = new Set(
    (await expandApprovers(github, rules.narrowTo, reporter)).map((l) => l.toLowerCase()),
  );
  return approvers.filter((l) => narrow.has(l.toLowerCase()));
}
