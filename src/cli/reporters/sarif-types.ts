/**
 * The subset of the SARIF 2.1.0 object model that Trustline writes
 * (https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html). Property names follow the spec.
 */

/** SARIF `level` of results, notifications and rule defaults. */
export type SarifLevel = 'error' | 'warning' | 'note' | 'none';

/** §3.11 message. */
export interface SarifMessage {
  text: string;
  markdown?: string;
}

/** §3.4 artifactLocation. */
export interface SarifArtifactLocation {
  uri: string;
  uriBaseId?: string;
  index?: number;
}

/** §3.30 region (1-based lines and columns; `endColumn` exclusive). */
export interface SarifRegion {
  startLine: number;
  startColumn?: number;
  endLine?: number;
  endColumn?: number;
  snippet?: { text: string };
}

/** §3.29 physicalLocation. */
export interface SarifPhysicalLocation {
  artifactLocation: SarifArtifactLocation;
  region?: SarifRegion;
}

/** §3.28 location. */
export interface SarifLocation {
  id?: number;
  message?: SarifMessage;
  physicalLocation: SarifPhysicalLocation;
}

/** §3.35 suppression. */
export interface SarifSuppression {
  kind: 'inSource' | 'external';
  status?: 'accepted' | 'underReview' | 'rejected';
  justification?: string;
  location?: SarifLocation;
}

/** §3.27 result. */
export interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: SarifLevel;
  message: SarifMessage;
  locations: SarifLocation[];
  relatedLocations?: SarifLocation[];
  partialFingerprints: Record<string, string>;
  suppressions?: SarifSuppression[];
  /** §3.27.24: the result's state relative to a baseline (written only when the audit had one). */
  baselineState?: 'new' | 'unchanged' | 'updated' | 'absent';
  properties?: Record<string, unknown>;
}

/** §3.49 reportingDescriptor (a rule). */
export interface SarifReportingDescriptor {
  id: string;
  name: string;
  shortDescription: SarifMessage;
  fullDescription: SarifMessage;
  help: SarifMessage;
  helpUri?: string;
  defaultConfiguration: { level: SarifLevel };
  properties: Record<string, unknown>;
}

/** §3.58 notification. */
export interface SarifNotification {
  level: SarifLevel;
  message: SarifMessage;
  descriptor?: { id: string };
  associatedRule?: { id: string; index?: number };
  locations?: SarifLocation[];
}

/** §3.24 artifact. */
export interface SarifArtifact {
  location: SarifArtifactLocation;
  sourceLanguage?: string;
}

/** §3.14 run. */
export interface SarifRun {
  tool: {
    driver: {
      name: string;
      semanticVersion: string;
      version: string;
      informationUri: string;
      rules: SarifReportingDescriptor[];
    };
    /** Rule packs that ran besides the built-in rules (§3.18.3). */
    extensions?: SarifToolExtension[];
  };
  /** Run properties: the policy files that applied (relative to the root). */
  properties?: { policyFiles?: string[] };
  originalUriBaseIds: Record<string, { uri: string; description?: SarifMessage }>;
  artifacts: SarifArtifact[];
  results: SarifResult[];
  invocations: { executionSuccessful: boolean; toolExecutionNotifications: SarifNotification[] }[];
  columnKind: 'utf16CodeUnits' | 'unicodeCodePoints';
}

/** §3.19 toolComponent of a rule pack: name, version, where it was loaded from, its content hash. */
export interface SarifToolExtension {
  name: string;
  version: string;
  semanticVersion?: string;
  shortDescription?: SarifMessage;
  locations: SarifArtifactLocation[];
  properties: { contentHash: string; manifest: string; ruleIds: string[] };
}

/** §3.13 sarifLog. */
export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: SarifRun[];
}
