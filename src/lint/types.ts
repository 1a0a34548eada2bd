/** Lint findings: Problem → Evidence → Fix, each linked to the objects concerned. */

import type { Topology } from '../model/types';
import type { FieldConflict } from '../parsers/normalise/merge';

export type FindingSeverity = 'error' | 'warning' | 'info';

export interface Finding {
  readonly code: string;
  readonly severity: FindingSeverity;
  readonly title: string;
  readonly problem: string;
  readonly evidence: string;
  readonly fix: string;
  /** Ids of networks, endpoints, load balancers, ports or rules the finding is about. */
  readonly objectIds: readonly string[];
}

export interface LintContext {
  /** Field conflicts between inputs, from `ParseResult.conflicts`. */
  readonly conflicts?: readonly FieldConflict[];
  /** True when vfpctrl layer/group/rule output was part of the input. */
  readonly vfpGiven?: boolean;
  /** Several nodes: ids of the nodes whose inputs held vfpctrl layer/group/rule output. */
  readonly nodesWithVfp?: readonly string[];
}

export type Check = (t: Topology, ctx: LintContext) => Finding[];
