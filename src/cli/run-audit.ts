/**
 * Runs the engine over discovered files and assembles the {@link AuditReport}.
 */
import { PolicyAnalyzers, PolicyResolver, WorkspaceResolver, type Finding, type LoadedRule, type Notice, type PackInfo, type Severity } from '../engine';
import { compareFindings, meetsThreshold, type AuditReport } from './audit-report';

/** Input of {@link runAudit}. */
export interface AuditRunOptions {
  root: string;
  /** Absolute, sorted files to analyze. */
  files: readonly string[];
  rules: LoadedRule[];
  /** Packs the rules came from (`--rules`), recorded in the report. */
  packs?: readonly PackInfo[];
  /**
   * Team policy: `config` applies one policy file to every file; otherwise the nearest `.trustline.*` above each
   * file (up to `top`) applies, merged with those above it. Absent: no policy.
   */
  policy?: { config?: string; top: string };
  threshold: Severity;
  maxFileBytes?: number;
  /** Notices gathered before analysis (rule loading, discovery). */
  notices: readonly Notice[];
  /** Called after each file with the number of files done so far. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Analyzes every file; a file that throws becomes an `analysis-failed` notice and the run continues.
 * @param options - What to analyze and how.
 */
export function runAudit(options: AuditRunOptions): AuditReport {
  const resolver = new PolicyResolver(options.policy ? { root: options.policy.top, config: options.policy.config } : { disabled: true });
  const scopes = new PolicyAnalyzers({
    resolver,
    baseRules: options.rules,
    allowExtends: true,
    analyzer: { maxFileBytes: options.maxFileBytes, root: options.root, crossFile: new WorkspaceResolver(options.root) },
  });
  const usePolicy = options.policy !== undefined;
  const notices = new NoticeList(options.notices);
  const files = usePolicy ? options.files.filter((file) => !scopes.isIgnored(file)) : options.files;
  for (const notice of scopes.notices) notices.add(notice);
  const findings: Finding[] = [];
  const analyzed: string[] = [];
  let skippedFiles = 0;
  files.forEach((file, index) => {
    try {
      const result = scopes.analyzerFor(file).analyzeFile(file);
      for (const notice of scopes.notices) notices.add(notice);
      for (const finding of result.findings) {
        if (meetsThreshold(finding.severity, options.threshold)) findings.push(finding);
      }
      for (const notice of result.notices) notices.add(notice);
      if (result.skipped !== undefined) {
        skippedFiles++;
        if (!result.notices.some((n) => n.file === undefined || n.file === file)) {
          notices.add({ level: 'info', code: 'file-skipped', message: result.skipped, file });
        }
      } else {
        analyzed.push(file);
      }
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      notices.add({ level: 'error', code: 'analysis-failed', message: `analysis failed: ${reason.split('\n')[0]}`, file });
    }
    options.onProgress?.(index + 1, files.length);
  });
  findings.sort(compareFindings);
  return {
    root: options.root,
    threshold: options.threshold,
    rules: usePolicy ? scopes.allRules() : options.rules,
    packs: [...(options.packs ?? []), ...scopes.packs.filter((p) => !(options.packs ?? []).some((q) => q.dir === p.dir))],
    policyFiles: usePolicy ? resolver.loadedFiles().map((p) => p.file).sort() : [],
    findings,
    notices: notices.list,
    files: analyzed,
    skippedFiles,
  };
}

/** Keeps each distinct notice once, in first-seen order. */
class NoticeList {
  readonly list: Notice[] = [];
  private readonly keys = new Set<string>();

  constructor(initial: readonly Notice[]) {
    for (const notice of initial) this.add(notice);
  }

  add(notice: Notice): void {
    const key = JSON.stringify([notice.level, notice.code, notice.message, notice.file, notice.line, notice.pointer, notice.ruleId]);
    if (this.keys.has(key)) return;
    this.keys.add(key);
    this.list.push(notice);
  }
}
