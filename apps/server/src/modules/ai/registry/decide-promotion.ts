/**
 * The promotion rule: a candidate becomes the active model only if, on the same walk-forward
 * window, it beats the active model (when there is one) and both baselines (majority class,
 * persistence) on balanced accuracy (higher) AND log loss (lower). Strictly: a tie is not a
 * win. Anything else keeps it a candidate, and the decision says every reason why.
 */

export interface EvaluationWindow {
  /** ISO instants of the first and last bar the walk-forward evaluation scored. */
  from: string;
  to: string;
}

export interface WindowScore {
  window: EvaluationWindow;
  balancedAccuracy: number;
  logLoss: number;
}

export interface PromotionEvidence {
  candidate: WindowScore;
  /** The active model scored on the candidate's window; null when no model is active. */
  active: (WindowScore & { version: string }) | null;
  baselines: { majority: WindowScore; persistence: WindowScore };
}

export interface PromotionDecision {
  promote: boolean;
  /** Empty when promoted; otherwise one line per failed comparison. */
  reasons: string[];
  window: EvaluationWindow;
  /** The active model the candidate was compared with (null: there was none). */
  against: string | null;
}

export function decidePromotion(evidence: PromotionEvidence): PromotionDecision {
  const { candidate } = evidence;
  const rivals: Array<[string, WindowScore]> = [
    ...(evidence.active ? [[`active model ${evidence.active.version}`, evidence.active] as [string, WindowScore]] : []),
    ['majority baseline', evidence.baselines.majority],
    ['persistence baseline', evidence.baselines.persistence],
  ];
  const reasons: string[] = [];
  if (!finite(candidate)) reasons.push('the candidate has no finite balanced accuracy and log loss');
  for (const [name, rival] of rivals) {
    if (!sameWindow(candidate.window, rival.window)) {
      reasons.push(`${name} was scored on ${show(rival.window)}, not the candidate's ${show(candidate.window)}`);
      continue;
    }
    if (!finite(rival)) {
      reasons.push(`${name} has no finite balanced accuracy and log loss to compare with`);
      continue;
    }
    if (!finite(candidate)) continue;
    if (!(candidate.balancedAccuracy > rival.balancedAccuracy)) {
      reasons.push(`balanced accuracy ${fmt(candidate.balancedAccuracy)} does not beat ${name}'s ${fmt(rival.balancedAccuracy)}`);
    }
    if (!(candidate.logLoss < rival.logLoss)) {
      reasons.push(`log loss ${fmt(candidate.logLoss)} does not beat ${name}'s ${fmt(rival.logLoss)}`);
    }
  }
  return { promote: reasons.length === 0, reasons, window: candidate.window, against: evidence.active?.version ?? null };
}

function finite(s: WindowScore): boolean {
  return Number.isFinite(s.balancedAccuracy) && Number.isFinite(s.logLoss);
}

function sameWindow(a: EvaluationWindow, b: EvaluationWindow): boolean {
  return Date.parse(a.from) === Date.parse(b.from) && Date.parse(a.to) === Date.parse(b.to) && Number.isFinite(Date.parse(a.from)) && Number.isFinite(Date.parse(a.to));
}

const show = (w: EvaluationWindow) => `${w.from}…${w.to}`;
const fmt = (x: number) => (Number.isFinite(x) ? x.toFixed(4) : String(x));
