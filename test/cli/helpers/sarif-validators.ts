/**
 * The two independent SARIF validators the tests use: the OASIS JSON schema (with ajv's draft 2020-12
 * mode, which the schema declares) and Microsoft's SARIF Multitool `validate` command.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2020, { type ErrorObject } from 'ajv/dist/2020';
import { REPO_ROOT } from './cli-process';

const MULTITOOL_DIR = path.join(REPO_ROOT, 'node_modules', '@microsoft', 'sarif-multitool-linux');

/** The Multitool executable, when installed for this platform. */
export const MULTITOOL = path.join(MULTITOOL_DIR, 'Sarif.Multitool');

/** The SARIF 2.1.0 JSON schema shipped with the Multitool. */
export const SARIF_SCHEMA = path.join(MULTITOOL_DIR, 'sarif-2.1.0.json');

/**
 * Validates a SARIF log against the SARIF 2.1.0 JSON schema; returns the errors (empty when valid).
 * @param log - Parsed SARIF log.
 */
export function schemaErrors(log: unknown): ErrorObject[] {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  ajv.addFormat('uri', (s: string) => URL.canParse(s));
  ajv.addFormat('uri-reference', (s: string) => URL.canParse(s, 'file:///base/'));
  ajv.addFormat('date-time', (s: string) => !Number.isNaN(Date.parse(s)));
  ajv.addFormat('uuid', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
  const validate = ajv.compile(JSON.parse(readFileSync(SARIF_SCHEMA, 'utf8')) as object);
  return validate(log) ? [] : (validate.errors ?? []);
}

/** One issue the Multitool reported. */
export interface MultitoolIssue {
  ruleId: string;
  level: string;
  message: string;
}

/** What `Sarif.Multitool validate` found. */
export interface MultitoolReport {
  status: number | null;
  issues: MultitoolIssue[];
  /** Console output, for failure messages. */
  console: string;
}

/**
 * Runs `Sarif.Multitool validate` with the SARIF and GitHub Advanced Security rule sets, all levels.
 * SARIF2006 (URIs should be reachable) is turned off: it makes HTTP requests, and tests stay offline.
 * @param sarifFile - The log to validate.
 * @param workDir - Folder for the Multitool's own output and configuration.
 */
export function runMultitool(sarifFile: string, workDir: string): MultitoolReport {
  const config = path.join(workDir, 'multitool-config.xml');
  writeFileSync(
    config,
    [
      '<?xml version="1.0" encoding="utf-8"?>',
      '<Properties>',
      '  <Properties Key="SARIF2006.UrisShouldBeReachable.Options">',
      '    <Property Key="RuleEnabled" Value="Disabled" Type="Driver.RuleEnabledState" />',
      '  </Properties>',
      '</Properties>',
      '',
    ].join('\n'),
  );
  const output = path.join(workDir, 'validation.sarif');
  const args = ['validate', sarifFile, '--output', output, '--log', 'ForceOverwrite', '--level', 'Error;Warning;Note', '--rule-kind', 'Sarif;Ghas', '--config', config];
  const result = spawnSync(MULTITOOL, args, {
    encoding: 'utf8',
    env: { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1', DOTNET_CLI_TELEMETRY_OPTOUT: '1' },
  });
  const console = `${result.stdout}\n${result.stderr}`;
  if (!existsSync(output)) return { status: result.status, issues: [], console };
  const log = JSON.parse(readFileSync(output, 'utf8')) as {
    runs: { results?: { ruleId: string; level?: string; message: { text?: string } }[] }[];
  };
  const issues = (log.runs[0]?.results ?? []).map((r) => ({ ruleId: r.ruleId, level: r.level ?? 'warning', message: r.message.text ?? '' }));
  return { status: result.status, issues, console };
}
